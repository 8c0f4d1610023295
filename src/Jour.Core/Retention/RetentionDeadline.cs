namespace Jour.Core.Retention;

/// <summary>How the date by which a due thinning must be done is counted from the day it became due.</summary>
public enum RetentionDeadline
{
    /// <summary>Nothing is thinned: the rule keeps.</summary>
    Kept,

    /// <summary>Done by 31 December of the calendar year after the one it became due in (12 kap. 1 § SoL).</summary>
    EndOfNextCalendarYear,

    /// <summary>Done when due; the law gives no later date.</summary>
    WhenDue,
}
