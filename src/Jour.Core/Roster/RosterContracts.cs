using Jour.Core.UseCases;

namespace Jour.Core.Roster;

#pragma warning disable SA1649

// The on-call rotation as a session sees it. Flat and immutable: these travel over the socket as JSON.

/// <summary>
/// One effective on-call interval: from the rotation (<see cref="OverrideId"/> 0) or from an override,
/// with who made the override and when.
/// </summary>
public sealed record OnCallSlot(
    long OfficerId,
    string OfficerName,
    string OfficerPhone,
    DateTime StartUtc,
    DateTime EndUtc,
    long OverrideId,
    OverrideKind? Kind,
    string Reason,
    string ChangedByName,
    DateTime? ChangedUtc)
{
    public bool IsOverride => OverrideId != 0;
}

/// <summary>
/// Who is on call at <see cref="AtUtc"/>, until when, who takes over next, and the first instant within
/// 14 days of it with nobody on call.
/// </summary>
public sealed record OnCallAt(DateTime AtUtc, OnCallSlot? Current, DateTime? UntilUtc, OnCallSlot? Next, DateTime? GapFromUtc);

/// <summary>One officer covers [FromUtc, ToUtc); a start in the past is moved to now.</summary>
public sealed record OverrideRequest(long OfficerId, DateTime FromUtc, DateTime ToUtc, string Reason) : IRequest<OnCallSlot>;

/// <summary>The two officers on call at the two instants swap those intervals (the parts from now on).</summary>
public sealed record SwapRequest(DateTime FirstAtUtc, DateTime SecondAtUtc, string Reason) : IRequest<IReadOnlyList<OnCallSlot>>;

/// <summary>
/// A version of the rotation. Saving one makes it rule from <see cref="ValidFromUtc"/> (never before now);
/// the versions before it keep ruling the past. <see cref="HandOffTimes"/> holds one time for a weekly
/// pattern, one or more (day, evening, night…) for a daily one.
/// </summary>
public sealed record RotationData(
    long Id,
    string Name,
    IReadOnlyList<long> OfficerIds,
    RotationPattern Pattern,
    DateOnly StartDate,
    DayOfWeek HandOffDay,
    IReadOnlyList<TimeOnly> HandOffTimes,
    DateTime ValidFromUtc,
    string ChangedByName,
    DateTime ChangedUtc);

/// <summary>Someone who can be on call.</summary>
public sealed record OfficerSummary(long Id, string Name, string Phone);

/// <summary>
/// On-call hours of one officer in a period, for fairness and pay. Deployed hours (standby work) are
/// counted by the deployments issue and join this report as a column of their own.
/// </summary>
public sealed record OfficerHours(long OfficerId, string Name, double OnCallHours);
