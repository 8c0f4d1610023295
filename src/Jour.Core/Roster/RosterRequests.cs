using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Roster;

/// <summary>The effective on-call intervals (rotation with overrides laid over it) overlapping [FromUtc, ToUtc).</summary>
public sealed record GetOnCall(DateTime FromUtc, DateTime ToUtc) : IRequest<IReadOnlyList<OnCallSlot>>;

/// <summary>Who is on call at an instant, until when, who is next, and the first gap within 14 days.</summary>
public sealed record GetOnCallAt(DateTime AtUtc) : IRequest<OnCallAt>;

/// <summary>The signed-in officer takes the current shift from the one on call, from now to its end.</summary>
public sealed record TakeOver : IRequest<OnCallSlot>;

/// <summary>The version of the rotation ruling now, or null when there is none.</summary>
public sealed record GetRotation : IRequest<RotationData?>;

/// <summary>Stores a new version of the rotation ruling from now (or later); the past keeps the old one.</summary>
public sealed record SaveRotation(RotationData Rotation) : IRequest<RotationData>;

/// <summary>Everyone who can be on call.</summary>
public sealed record GetOfficers : IRequest<IReadOnlyList<OfficerSummary>>;

/// <summary>On-call hours per officer in [FromUtc, ToUtc).</summary>
public sealed record GetOnCallHours(DateTime FromUtc, DateTime ToUtc) : IRequest<IReadOnlyList<OfficerHours>>;

/// <summary>The use cases of the on-call roster.</summary>
public static class RosterRequests
{
    private static readonly Access s_rosterChangers = Access.AnyOf(Role.OnCallOfficer | Role.Coordinator | Role.Admin, ErrorCodes.RosterNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("on-call", RosterJson.Default, Access.SignedIn, (GetOnCall r, RequestContext c) => c.UseCases.GetOnCall(r.FromUtc, r.ToUtc), Handling.SideBySide),
        UseCase.Of("on-call-at", RosterJson.Default, Access.SignedIn, (GetOnCallAt r, RequestContext c) => c.UseCases.GetOnCallAt(r.AtUtc)),
        UseCase.Of("take-over", RosterJson.Default, Access.AnyOf(Role.OnCallOfficer, ErrorCodes.TakeOverNotOfficer), (TakeOver _, RequestContext c) => c.UseCases.TakeOver(c.Actor)),

        // An officer covers an interval; a start in the past is moved to now, an interval already over is refused.
        UseCase.Of("add-override", RosterJson.Default, s_rosterChangers, (OverrideRequest r, RequestContext c) => c.UseCases.AddOverride(c.Actor, r)),

        // The officers on call at two instants swap those shifts (two overrides).
        UseCase.Of("swap", RosterJson.Default, s_rosterChangers, (SwapRequest r, RequestContext c) => c.UseCases.Swap(c.Actor, r)),
        UseCase.Of("rotation", RosterJson.Default, Access.SignedIn, (GetRotation _, RequestContext c) => c.UseCases.GetRotation()),
        UseCase.Of("save-rotation", RosterJson.Default, Access.AnyOf(Role.Coordinator | Role.Admin, ErrorCodes.RosterNotPermitted), (SaveRotation r, RequestContext c) => c.UseCases.SaveRotation(c.Actor, r.Rotation)),
        UseCase.Of("officers", RosterJson.Default, Access.SignedIn, (GetOfficers _, RequestContext c) => c.UseCases.GetOfficers(), Handling.SideBySide),
        UseCase.Of("on-call-hours", RosterJson.Default, Access.SignedIn, (GetOnCallHours r, RequestContext c) => c.UseCases.GetOnCallHours(r.FromUtc, r.ToUtc)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetOnCall))]
[JsonSerializable(typeof(IReadOnlyList<OnCallSlot>))]
[JsonSerializable(typeof(GetOnCallAt))]
[JsonSerializable(typeof(OnCallAt))]
[JsonSerializable(typeof(TakeOver))]
[JsonSerializable(typeof(OnCallSlot))]
[JsonSerializable(typeof(OverrideRequest))]
[JsonSerializable(typeof(SwapRequest))]
[JsonSerializable(typeof(GetRotation))]
[JsonSerializable(typeof(RotationData))]
[JsonSerializable(typeof(SaveRotation))]
[JsonSerializable(typeof(GetOfficers))]
[JsonSerializable(typeof(IReadOnlyList<OfficerSummary>))]
[JsonSerializable(typeof(GetOnCallHours))]
[JsonSerializable(typeof(IReadOnlyList<OfficerHours>))]
internal sealed partial class RosterJson : JsonSerializerContext;
