namespace Jour.Core.FollowUp;

/// <summary>The contract's notice rule (seed 000, "Giltighetstid"): extensions are decided two weeks ahead.</summary>
public static class ContractNotice
{
    public const int NoticeDays = 14;

    /// <summary>
    /// The contract's last day when an extension must be decided: from <see cref="NoticeDays"/> days before
    /// it, and after it until someone enters a new end date. Null otherwise or when no end is set.
    /// </summary>
    public static DateOnly? ExtensionDue(FollowUpSettings settings, DateOnly today) =>
        settings.ContractEndDate is { } end && today >= end.AddDays(-NoticeDays) ? end : null;
}
