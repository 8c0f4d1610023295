namespace Jour.Core.Roster;

/// <summary>An interval during which one officer is on call (jourhavande).</summary>
public sealed class OnCallShift
{
    public long Id { get; set; }

    public long OfficerId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public bool Covers(DateTime instantUtc) => StartUtc <= instantUtc && instantUtc < EndUtc;
}
