namespace Jour.Core.Roster;

/// <summary>How a rotation hands the on-call duty from one officer to the next.</summary>
public enum RotationPattern
{
    /// <summary>A week each, handed off on one weekday at one local time.</summary>
    Weekly,

    /// <summary>Every day at each of one or more local times (e.g. day, evening and night shifts).</summary>
    Daily,
}
