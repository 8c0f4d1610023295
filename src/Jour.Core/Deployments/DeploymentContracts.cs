using Jour.Core.Cases;
using Jour.Core.Staff;
using Jour.Core.UseCases;

namespace Jour.Core.Deployments;

#pragma warning disable SA1649, CA1711

// Records for deployment, the candidates and time reports. Flat and immutable: they travel as JSON.

/// <summary>A time report as the case screen shows it; personnummer never leave the server.</summary>
public sealed record TimeReportData(
    DateTime StartUtc,
    DateTime EndUtc,
    int BreakMinutes,
    double WorkedHours,
    string AssistantSignedName,
    DateTime? AssistantSignedUtc,
    string ClientSignedName,
    DateTime? ClientSignedUtc);

/// <summary>One deployment of a case; <c>Moves</c> are the states its machine permits next, so a screen offers only those.</summary>
public sealed record DeploymentData(
    long Id,
    long AssistantId,
    string AssistantName,
    string AssistantPhone,
    DateTime FromUtc,
    DateTime ToUtc,
    DeploymentState State,
    bool NeedsReplacement,
    string RestOverrideReason,
    TimeReportData? Report,
    IReadOnlyList<DeploymentState> Moves);

/// <summary>One assistant measured against a window: eligible, or why not (in words).</summary>
public sealed record CandidateData(
    long AssistantId,
    string Name,
    string Phone,
    bool IsEligible,
    bool NeedsOverride,
    bool KnowsClient,
    double HoursThisWeek,
    IReadOnlyList<string> Reasons);

/// <summary>The candidates for one window of a case, eligible first.</summary>
public sealed record CandidateList(long CaseId, int WindowIndex, NeedWindowData Window, int Revision, IReadOnlyList<CandidateData> Candidates);

/// <summary>Which window (by its order on the case) to find people for.</summary>
public sealed record CandidateRequest(long CaseId, int WindowIndex) : IRequest<CandidateList>;

/// <summary>
/// Sends an assistant to a window; <see cref="OverrideReason"/> is needed when a rest rule or the hour
/// limit is broken, <see cref="OverstaffReason"/> when the window already has the assistants it needs.
/// </summary>
public sealed record AssignRequest(long CaseId, int WindowIndex, long AssistantId, DeploymentState State, string OverrideReason, string OverstaffReason = "") : IRequest<CaseDetail>;

/// <summary>
/// Moves a deployment on (contacted, confirmed, declined, on site, completed, cancelled) as its
/// machine permits; <see cref="OverstaffReason"/> is needed to confirm beyond the window's need.
/// </summary>
public sealed record DeploymentStateRequest(long DeploymentId, DeploymentState State, string OverstaffReason = "") : IRequest<CaseDetail>;

/// <summary>Blocks an assistant at once (or lifts the block), with why.</summary>
public sealed record BlockRequest(long AssistantId, bool Block, string Reason) : IRequest<StaffSummary>;

/// <summary>Worked time of a deployment; a new report replaces an unsigned one.</summary>
public sealed record TimeReportRequest(long DeploymentId, DateTime StartUtc, DateTime EndUtc, int BreakMinutes) : IRequest<CaseDetail>;

/// <summary>
/// A signature on a time report by the personnummer of who signs: the assistant who worked, or the
/// client or their registered representative. The name kept is the register's, never typed.
/// </summary>
public sealed record SignRequest(long DeploymentId, bool ByAssistant, string PersonalNumber) : IRequest<CaseDetail>;

/// <summary>An assistant's confirmed deployments in [FromUtc, ToUtc), for their calendar.</summary>
public sealed record GetAssistantDeployments(long AssistantId, DateTime FromUtc, DateTime ToUtc) : IRequest<IReadOnlyList<AssistantDeployment>>;

/// <summary>
/// One confirmed deployment as it may leave the building in a calendar: the case's number and its area (the
/// district of the address, never the street), never the client's name, personnummer or address.
/// </summary>
public sealed record AssistantDeployment(long DeploymentId, string CaseNumber, string Area, DateTime FromUtc, DateTime ToUtc, DeploymentState State);
