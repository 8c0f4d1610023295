namespace Jour.Core.FollowUp;

/// <summary>
/// The year report (seed 003, "8.0 Uppföljning"): once a year, by 31 March, the provider gives the committee a
/// short verksamhetsberättelse with the year's statistics. Finance and coordinators are reminded through March.
/// </summary>
public static class YearReport
{
    /// <summary>The year whose report is due by 31 March of <paramref name="today"/>'s year, during March; else null.</summary>
    public static int? DueFor(DateOnly today) => today.Month == 3 ? today.Year - 1 : null;

    /// <summary>The last day the report for <paramref name="year"/> may be given.</summary>
    public static DateOnly Deadline(int year) => new(year + 1, 3, 31);
}
