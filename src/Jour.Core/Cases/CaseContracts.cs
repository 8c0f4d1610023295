using Jour.Core.Clients;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Cases;

#pragma warning disable SA1649, CA1711

/// <summary>One row of the case board.</summary>
public sealed record CaseSummary(
    long Id,
    string Number,
    CaseState State,
    Urgency Urgency,
    string ClientName,
    string ProviderName,
    DateTime ReceivedUtc,
    DateTime? NextGapFromUtc,
    DateTime? NextGapToUtc,
    int Revision,
    DateTime? SmsYesUtc = null);

/// <summary>
/// One line of a case's timeline, with the user's name resolved. What it says travels as its message code and
/// arguments and is rendered by the reader, in the reader's language (<see cref="Render"/>); an entry stored
/// before codes has only <see cref="StoredText"/>.
/// </summary>
public sealed record TimelineEntry(
    long Id,
    DateTime AtUtc,
    string UserName,
    CaseState? From,
    CaseState? To,
    CaseTrigger? Trigger,
    string? Code,
    IReadOnlyList<string> Args,
    string StoredText)
{
    /// <summary>What the entry says, in the current UI culture (<see cref="TimelineText"/>).</summary>
    public string Render() => TimelineText.Render(Code, Args, StoredText);
}

/// <summary>Everything the case screen shows.</summary>
public sealed record CaseDetail(
    CaseSummary Summary,
    CaseReason Reason,
    string CallerName,
    string CallerPhone,
    string Description,
    bool IsVerified,
    IReadOnlyList<CaseTrigger> PermittedTriggers,
    IReadOnlyList<TimelineEntry> Timeline,
    long ClientId,
    bool AlternativesExhausted,
    IReadOnlyList<VerificationData> Verification,
    IReadOnlyList<NeedWindowData> Needs,
    IReadOnlyList<BlockedTrigger> Blocked,
    IReadOnlyList<DeploymentData> Deployments);

/// <summary>A request to move a case on, made against the revision the user saw.</summary>
public sealed record TransitionRequest(long CaseId, CaseTrigger Trigger, string Reason, int ExpectedRevision, ClosingReason? ClosingReason = null) : IRequest<CaseDetail>;

/// <summary>A note added to a case's timeline.</summary>
public sealed record NoteRequest(long CaseId, string Text) : IRequest<TimelineEntry>;
