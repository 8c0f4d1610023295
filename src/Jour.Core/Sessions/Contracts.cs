using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Users;

namespace Jour.Core.Sessions;

// The records a session sees. They travel over the socket as JSON, so they stay flat and immutable.
#pragma warning disable SA1649, CA1711

/// <summary>What a session needs to know before anyone signs in.</summary>
public sealed record InstallInfo(bool IsDemo, bool NeedsSetup, IReadOnlyList<UserChoice> Users);

/// <summary>A user as offered on the sign-in screen.</summary>
public sealed record UserChoice(long Id, string Name, bool HasPin);

/// <summary>The signed-in user of a session.</summary>
public sealed record SessionInfo(long UserId, string UserName, Role Roles, bool IsDemo);

/// <summary>
/// What the status bar shows besides the clock; <see cref="GapFromUtc"/> is the first instant of the
/// next 14 days with nobody on call; <see cref="UnacknowledgedHandoverUtc"/> is when the newest handover
/// was made if nobody has acknowledged it (the status bar warns once it is 30 minutes old);
/// <see cref="ContractExtensionDue"/> the contract's last day from two weeks before it until a new end is
/// entered (the extension must be decided).
/// </summary>
public sealed record StatusInfo(
    bool IsDemo,
    string? OnCallName,
    DateTime? OnCallUntilUtc,
    string? NextOnCallName,
    DateTime? NextOnCallStartUtc,
    int OpenCases,
    DateTime? GapFromUtc,
    DateTime? UnacknowledgedHandoverUtc = null,
    DateOnly? ContractExtensionDue = null,
    bool DiskLow = false);

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
    int Revision);

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
public sealed record TransitionRequest(long CaseId, CaseTrigger Trigger, string Reason, int ExpectedRevision, ClosingReason? ClosingReason = null);

/// <summary>A note added to a case's timeline.</summary>
public sealed record NoteRequest(long CaseId, string Text);

/// <summary>One row of the client register, personnummer masked.</summary>
public sealed record ClientSummary(long Id, string Name, string MaskedNumber, Sex Sex, string ProviderName);

/// <summary>One row of the standby pool.</summary>
public sealed record StaffSummary(long Id, string Name, string Phone, IReadOnlyList<string> Competences, bool IsBlocked);

/// <summary>
/// A register import as read from its file: the header and the rows, not yet validated. Validation
/// happens on the server, which alone can check against the register.
/// </summary>
public sealed record ImportRequest(IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows, bool DryRun);

/// <summary>One data row and the line of the file it starts on (the header is line 1).</summary>
public sealed record ImportRow(int Line, IReadOnlyList<string> Values);

/// <summary>
/// Why a row (or the header, line 1) was refused. <see cref="Field"/> is the column name as written in the
/// file, empty when the problem is not one column's; <see cref="Code"/> names a message in Messages.
/// </summary>
public sealed record ImportIssue(int Line, string Field, string Code, IReadOnlyList<string> Args);

/// <summary>
/// The outcome of an import: <see cref="Imported"/> is 0 unless every row was valid and it was no dry run,
/// because a file is imported whole or not at all.
/// </summary>
public sealed record ImportResult(int Rows, int ValidRows, int Imported, IReadOnlyList<ImportIssue> Issues);

/// <summary>What changed, pushed to every session so it can refresh what it shows.</summary>
public sealed record ChangeNotice(ChangeKind Kind, long Id);
#pragma warning restore SA1649, CA1711
