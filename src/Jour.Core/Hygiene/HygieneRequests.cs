using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Hygiene;

/// <summary>
/// Records a self-check of the assistant on <paramref name="CheckedOn"/> (yyyy-MM-dd) by the signed-in user: every
/// routine of <see cref="HygieneRoutines.Items"/> answered once, and a follow-up when any is not followed.
/// </summary>
public sealed record RecordHygieneCheck(long AssistantId, string CheckedOn, IReadOnlyList<HygieneItemData> Items, string Note, HygieneFollowUpData? FollowUp) : IRequest<HygieneCheckData>;

/// <summary>Every assistant's last check and whether a new one is due, by name.</summary>
public sealed record GetHygieneStatus : IRequest<IReadOnlyList<HygieneStatus>>;

/// <summary>One assistant's checks, newest first.</summary>
public sealed record GetHygieneChecks(long AssistantId) : IRequest<HygieneChecksData>;

/// <summary>Marks the check's follow-up done on <paramref name="DoneOn"/> (yyyy-MM-dd); once.</summary>
public sealed record MarkHygieneFollowUpDone(long CheckId, string DoneOn) : IRequest<HygieneCheckData>;

public sealed record HygieneItemData(string Item, bool Followed);

/// <summary><paramref name="DoneOn"/> is null until done.</summary>
public sealed record HygieneFollowUpData(string Action, string DueOn, string? DoneOn = null, string? DoneBy = null);

public sealed record HygieneCheckData(long Id, long AssistantId, DateOnly CheckedOn, string CheckedBy, IReadOnlyList<HygieneItemData> Items, string Note, HygieneFollowUpData? FollowUp);

public sealed record HygieneStatus(long AssistantId, string Name, DateOnly? LastCheckedOn, DateOnly? ValidUntil, bool IsDue, int OpenFollowUps);

public sealed record HygieneChecksData(HygieneStatus Status, IReadOnlyList<HygieneCheckData> Checks);

/// <summary>The use cases of hygiene self-checks.</summary>
public static class HygieneRequests
{
    // The employer's self-check: the coordinators, MAS (medicinskt ansvarig) and admins; not the officer at night.
    private static readonly Access s_checkers = Access.AnyOf(Role.Coordinator | Role.MedicalResponsible | Role.Admin, ErrorCodes.HygieneNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("record-hygiene-check", HygieneJson.Default, s_checkers, (RecordHygieneCheck r, RequestContext c) => c.UseCases.RecordHygieneCheck(c.Actor, r)),
        UseCase.Of("hygiene-status", HygieneJson.Default, s_checkers, (GetHygieneStatus _, RequestContext c) => c.UseCases.GetHygieneStatus()),
        UseCase.Of("hygiene-checks", HygieneJson.Default, s_checkers, (GetHygieneChecks r, RequestContext c) => c.UseCases.GetHygieneChecks(r.AssistantId)),
        UseCase.Of("hygiene-follow-up-done", HygieneJson.Default, s_checkers, (MarkHygieneFollowUpDone r, RequestContext c) => c.UseCases.MarkHygieneFollowUpDone(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RecordHygieneCheck))]
[JsonSerializable(typeof(GetHygieneStatus))]
[JsonSerializable(typeof(GetHygieneChecks))]
[JsonSerializable(typeof(MarkHygieneFollowUpDone))]
[JsonSerializable(typeof(HygieneCheckData))]
[JsonSerializable(typeof(IReadOnlyList<HygieneStatus>))]
[JsonSerializable(typeof(HygieneChecksData))]
internal sealed partial class HygieneJson : JsonSerializerContext;
