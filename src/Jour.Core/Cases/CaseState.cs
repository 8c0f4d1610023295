namespace Jour.Core.Cases;

/// <summary>Where a case stands in its lifecycle (DESIGN.md, "Case lifecycle").</summary>
public enum CaseState
{
    Received,
    Assessing,
    Declined,
    Staffing,
    Covered,
    ShortTermPlacement,
    HandedBack,
    Closed,
    Withdrawn,
}
