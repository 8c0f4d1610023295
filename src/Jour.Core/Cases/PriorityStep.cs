namespace Jour.Core.Cases;

/// <summary>The priority order the provider must have gone through (seed 000).</summary>
public enum PriorityStep
{
    CrisisStaffingCentreContacted = 1,
    StandbyPool = 2,
    ShortTermPlacement = 3,
}
