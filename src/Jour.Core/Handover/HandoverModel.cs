using Jour.Core.Cases;
using Jour.Core.Deployments;

namespace Jour.Core.Handover;

// The handover as structured data, composed from the store's data and an instant; the text is drawn from it.
#pragma warning disable SA1649

/// <summary>Who hands over to whom, for which period, and the hand-off after that.</summary>
public sealed record HandoverHeader(
    DateTime AtUtc,
    DateTime PeriodFromUtc,
    DateTime PeriodToUtc,
    bool IsDemo,
    string? OutgoingName,
    string? IncomingName,
    DateTime? HandOffUtc,
    string? NextName,
    DateTime? NextHandOffUtc,
    bool WithAddresses,
    DateOnly? ContractExtensionDue = null);

/// <summary>A case in Mottaget, Utreds or Bemannas, with what the next officer should do about it.</summary>
public sealed record ActionCase(
    string Number,
    CaseState State,
    Urgency Urgency,
    string ClientName,
    string ProviderName,
    DateTime ReceivedUtc,
    string NextStep,
    string? Address);

/// <summary>A need window of the next 24 hours with fewer confirmed assistants than it needs.</summary>
public sealed record UncoveredWindow(
    string CaseNumber,
    string ClientName,
    DateTime FromUtc,
    DateTime ToUtc,
    int Assistants,
    int Confirmed,
    IReadOnlyList<string> Competences,
    string? Address);

/// <summary>One deployment: who goes where, when, and whether it is confirmed.</summary>
public sealed record PlannedDeployment(
    DateTime FromUtc,
    DateTime ToUtc,
    string AssistantName,
    string AssistantPhone,
    string CaseNumber,
    string ClientName,
    DeploymentState State,
    bool NeedsReplacement,
    string? Address)
{
    public bool IsConfirmed => State is DeploymentState.Confirmed or DeploymentState.OnSite or DeploymentState.Completed;
}

/// <summary>A case named with an instant: a placement since, a hand-back at.</summary>
public sealed record CaseMark(string CaseNumber, string ClientName, DateTime AtUtc);

/// <summary>An incident that must go on to MAS (lex Maria) and has not yet: its number, kind and when it happened.</summary>
public sealed record AwaitingMas(long Id, Incidents.IncidentKind Kind, DateTime OccurredUtc, string ClientName);

/// <summary>Worked time not signed by both assistant and client 48 hours after the shift ended.</summary>
public sealed record UnsignedReport(string CaseNumber, string ClientName, string AssistantName, DateTime FromUtc, DateTime ToUtc);

/// <summary>A standby assistant as the paper fallback needs them.</summary>
public sealed record PoolMember(string Name, string Phone, IReadOnlyList<string> Competences);

/// <summary>Who in the pool is free (not blocked, not deployed) during the next officer's shift.</summary>
public sealed record PoolAvailability(DateTime? FromUtc, DateTime? ToUtc, int PoolSize, IReadOnlyList<PoolMember> Free);

/// <summary>One stretch of on-call duty, or of nobody (<see cref="OfficerName"/> null).</summary>
public sealed record OfficerShift(DateTime FromUtc, DateTime ToUtc, string? OfficerName, string OfficerPhone, long? OfficerId = null);

/// <summary>An open case with its needs, for the continuity printout.</summary>
public sealed record ContinuityCase(
    string Number,
    CaseState State,
    Urgency Urgency,
    string ClientName,
    string ProviderName,
    string ProviderPhone,
    string CallerName,
    string CallerPhone,
    IReadOnlyList<UncoveredWindow> Needs,
    string? Address);

/// <summary>The shift-change summary (issue order: action, uncovered, deployments, placements, reports, pool, notes).</summary>
public sealed record HandoverSummary(
    HandoverHeader Header,
    IReadOnlyList<ActionCase> ActionCases,
    IReadOnlyList<UncoveredWindow> Uncovered,
    IReadOnlyList<PlannedDeployment> Deployments,
    IReadOnlyList<CaseMark> ShortTermPlacements,
    IReadOnlyList<CaseMark> HandedBack,
    IReadOnlyList<UnsignedReport> UnsignedReports,
    IReadOnlyList<string> Blocked,
    PoolAvailability Pool,
    string Notes,
    IReadOnlyList<AwaitingMas>? AwaitingMas = null);

/// <summary>The emergency printout: what the next 72 hours need if the system or the power is gone.</summary>
public sealed record ContinuitySummary(
    HandoverHeader Header,
    IReadOnlyList<ContinuityCase> Cases,
    IReadOnlyList<PlannedDeployment> Deployments,
    IReadOnlyList<PoolMember> Pool,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<OfficerShift> Rotation);
#pragma warning restore SA1649
