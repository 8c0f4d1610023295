using Jour.Core.Deployments;

namespace Jour.Core.Staff;

#pragma warning disable SA1649

// The standby pool as the staff screens see it. Flat and immutable: these travel as JSON.

public sealed record DelegationData(string Task, string IssuedBy, DateTime ValidFromUtc, DateTime ValidToUtc);

public sealed record AvailabilityData(DateTime FromUtc, DateTime ToUtc, bool IsAvailable, string Note);

/// <summary>
/// One assistant for the edit form. <see cref="IsBlocked"/> and <see cref="RegisterChecks"/> are shown, not
/// saved: blocking and a register check each have their own use case that keeps who and when.
/// </summary>
public sealed record StaffData(
    long Id,
    string Name,
    string Phone,
    string PersonalIdentityNumber,
    EmploymentForm EmploymentForm,
    decimal WeeklyHourLimit,
    IReadOnlyList<string> Competences,
    IReadOnlyList<DelegationData> Delegations,
    IReadOnlyList<AvailabilityData> Availability,
    IReadOnlyList<long> KnownClientIds,
    IReadOnlyList<long> ExcludedClientIds,
    bool IsBlocked,
    int Revision,
    IReadOnlyList<RegisterCheckData>? RegisterChecks = null);

/// <summary>A register extract shown (lag 2010:479): when, who checked it, and until when it counts for a child's window.</summary>
public sealed record RegisterCheckData(DateOnly ShownOn, string CheckedBy, DateOnly ValidUntil);

/// <summary>What fills an assistant's time in the week view: a deployment, or declared (un)availability.</summary>
public enum PoolEntryKind
{
    Deployment,
    Available,
    Unavailable,
}

/// <summary>One stretch of an assistant's week; for a deployment, which case and client, and its state.</summary>
public sealed record PoolEntry(PoolEntryKind Kind, DateTime FromUtc, DateTime ToUtc, DeploymentState? State, long CaseId, string ClientName, string Note);

/// <summary>One assistant's row of the week view, with the hours booked in it against their limit.</summary>
public sealed record PoolRow(long AssistantId, string Name, bool IsBlocked, double BookedHours, decimal WeeklyHourLimit, IReadOnlyList<PoolEntry> Entries);

/// <summary>The standby pool over [FromUtc, ToUtc) — a week from a Monday, local time.</summary>
public sealed record PoolWeek(DateTime FromUtc, DateTime ToUtc, IReadOnlyList<PoolRow> Rows);

/// <summary>
/// One assistant's hours in a period: booked (confirmed, on site or completed deployments) and reported
/// (time reports, breaks taken off), each clipped to the period, so a night across a month's end counts in both.
/// </summary>
public sealed record AssistantHours(long AssistantId, string Name, double BookedHours, double ReportedHours, int Deployments);
