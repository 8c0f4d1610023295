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
        contracts.MaxBy(c => c.FromDate) is { ToDate: { } end } last && today >= end.AddDays(-7 * last.NoticeWeeks) ? end : null;
}
