using Jour.Core.Contracts;

namespace Jour.Core.FollowUp;

/// <summary>The contract's notice rule (seed 000, "Giltighetstid"): an extension is decided its notice (two weeks) ahead.</summary>
public static class ContractNotice
{
    /// <summary>
    /// The last contract's last day when an extension must be decided: from its notice weeks before it, and
    /// after it until the contract is extended or a later one is added. Null otherwise, when the last
    /// contract runs until further notice, or when there is none.
    /// </summary>
    public static DateOnly? ExtensionDue(IEnumerable<Contract> contracts, DateOnly today) =>
        contracts.MaxBy(c => c.FromDate) is { } last ? Due(last.ToDate, last.NoticeWeeks, today) : null;

    /// <inheritdoc cref="ExtensionDue(IEnumerable{Contract}, DateOnly)"/>
    public static DateOnly? ExtensionDue(IEnumerable<ContractData> contracts, DateOnly today) =>
        contracts.MaxBy(c => c.From) is { } last ? Due(last.To, last.NoticeWeeks, today) : null;

    /// <summary>The day by which an extension of a contract ending <paramref name="end"/> must be decided.</summary>
    public static DateOnly DecideBy(DateOnly end, int noticeWeeks) => end.AddDays(-7 * noticeWeeks);

    private static DateOnly? Due(DateOnly? end, int noticeWeeks, DateOnly today) =>
        end is { } last && today >= DecideBy(last, noticeWeeks) ? last : null;
}
