namespace Jour.Core.Retention;

/// <summary>
/// One retention rule as data: what it covers, for which kind of operator, how long after the last entry
/// (null: kept), how the completion date is counted, and whether persons born on the 5th, 15th or 25th are kept
/// for research. Both the computation (<see cref="RetentionPlanner"/>) and `jour retention`'s output read these.
/// </summary>
/// <param name="Name">Stable name, in the JSON output and in the thinning records ("sol", "lss-private", …).</param>
/// <param name="Subject">What the rule applies to.</param>
/// <param name="Operator">The kind of operator it applies to; null for both.</param>
/// <param name="Months">Months after the last entry (or the entry, for the access log; the last save, for a draft) from which it is due; null when kept.</param>
/// <param name="Deadline">How the date by which the thinning must be done is counted.</param>
/// <param name="ResearchSample">Whether the research exception (born on the 5th, 15th or 25th) may keep a file under this rule.</param>
/// <param name="Law">Where the rule comes from, as the output names it.</param>
public sealed record RetentionRule(string Name, RetentionSubject Subject, OperatorKind? Operator, int? Months, RetentionDeadline Deadline, bool ResearchSample, string Law)
{
    public bool Keeps => Months is null;

    /// <summary>The first day on which a file whose last entry was on <paramref name="lastEntry"/> is due; null when the rule keeps.</summary>
    public DateOnly? DueFrom(DateOnly lastEntry) => Months is { } months ? lastEntry.AddMonths(months) : null;

    /// <summary>The last day by which a file that became due on <paramref name="dueFrom"/> must be thinned.</summary>
    public DateOnly CompleteBy(DateOnly dueFrom) => Deadline == RetentionDeadline.EndOfNextCalendarYear
        ? new DateOnly(dueFrom.Year + 1, 12, 31)
        : dueFrom;

    /// <summary>Whether what was last written on <paramref name="lastEntry"/> is due on <paramref name="today"/>.</summary>
    public bool IsDue(DateOnly lastEntry, DateOnly today) => DueFrom(lastEntry) is { } due && due <= today;

    /// <summary>The newest day of a last entry that is due on <paramref name="today"/>; null when the rule keeps.</summary>
    public DateOnly? LastEntryDueOnOrBefore(DateOnly today) => Months is { } months ? today.AddMonths(-months) : null;
}
