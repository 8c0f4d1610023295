using Jour.Core.Cases;
using Jour.Core.Deployments;

namespace Jour.Core.FollowUp;

/// <summary>
/// What the statistics need of a case, kept beside it by the store so a year of statistics reads
/// 100,000 of these instead of 100,000 whole cases.
/// <see cref="EndUtc"/> is when the case stopped being active (<see cref="EndOf"/>), null while it is.
/// </summary>
public readonly record struct CaseFact(long CaseId, long ClientId, DateTime ReceivedUtc, DateTime? EndUtc, CaseState State, CaseReason Reason, ClosingReason? ClosingReason = null)
{
    /// <summary>Accepted: the standby organisation took it on (bemannas or later, not declined or withdrawn).</summary>
    public bool IsServed =>
        State is CaseState.Staffing or CaseState.Covered or CaseState.ShortTermPlacement or CaseState.HandedBack or CaseState.Closed;

    public static CaseFact Of(Case c) => new(c.Id, c.ClientId, c.ReceivedUtc, EndOf(c), c.State, c.Reason, c.ClosingReason);

    /// <summary>When the case stopped being active: hand-back for handed-back and closed cases, else its end.</summary>
    public static DateTime? EndOf(Case c) => c.State switch
    {
        CaseState.HandedBack or CaseState.Closed => c.HandedBackUtc ?? c.EndedUtc ?? c.UpdatedUtc,
        CaseState.Declined or CaseState.Withdrawn => c.EndedUtc ?? c.UpdatedUtc,
        _ => null,
    };
}

/// <summary>What the statistics need of a time report: when it started, how long was worked, whether both signed.</summary>
public readonly record struct ReportFact(long DeploymentId, long CaseId, DateTime StartUtc, int Minutes, bool IsSigned)
{
    public static ReportFact? Of(Deployment d) =>
        d.Report is { } r ? new ReportFact(d.Id, d.CaseId, r.StartUtc, InvoiceBasisBuilder.WorkedMinutes(r), r.IsSigned) : null;
}

/// <summary>
/// One time report as the invoicing basis lists it, with the case's number, client and provider copied in
/// (none changes after the case is opened) so a month's invoicing or provider basis needs no case at all.
/// </summary>
public sealed record TimeReportLine(
    long DeploymentId,
    long CaseId,
    string CaseNumber,
    long ClientId,
    long AssistantId,
    DateTime StartUtc,
    DateTime EndUtc,
    int BreakMinutes,
    bool IsSigned,
    string AssistantSignedName,
    string AssistantPersonalNumber,
    string ClientSignedName,
    long? ProviderId = null)
{
    public int Minutes => InvoiceBasisBuilder.WorkedMinutes(StartUtc, EndUtc, BreakMinutes);

    public static TimeReportLine? Of(Deployment d, Case c) => d.Report is not { } r
        ? null
        : new TimeReportLine(
            d.Id,
            d.CaseId,
            c.Number,
            c.ClientId,
            d.AssistantId,
            r.StartUtc,
            r.EndUtc,
            r.BreakMinutes,
            r.IsSigned,
            r.AssistantSignedName,
            r.AssistantPersonalNumber,
            r.ClientSignedName,
            c.ProviderId);
}
