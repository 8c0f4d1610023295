using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Handover;

/// <summary>The signed-in (incoming) officer acknowledges a handover; refused for the one who made it.</summary>
public sealed record AcknowledgeHandover(long HandoverId) : IRequest<HandoverRecordData>;

/// <summary>Past handovers, newest first.</summary>
public sealed record GetHandovers : IRequest<IReadOnlyList<HandoverRecordData>>;

/// <summary>The use cases of the handover at a shift change.</summary>
public static class HandoverRequests
{
    private static readonly Access s_handsOver = Access.AnyOf(Role.OnCallOfficer | Role.Coordinator | Role.Admin, ErrorCodes.HandoverNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        // The handover summary (or the 72-hour continuity printout) composed at an instant, as text.
        UseCase.Of("handover", HandoverJson.Default, Access.SignedIn, (HandoverRequest r, RequestContext c) => c.UseCases.GetHandover(r)),

        // The signed-in officer hands over now with notes; stored for the incoming officer to acknowledge.
        UseCase.Of("hand-over", HandoverJson.Default, s_handsOver, (HandoverNotesRequest r, RequestContext c) => c.UseCases.HandOver(c.Actor, r)),
        UseCase.Of("acknowledge-handover", HandoverJson.Default, s_handsOver, (AcknowledgeHandover r, RequestContext c) => c.UseCases.AcknowledgeHandover(c.Actor, r.HandoverId)),
        UseCase.Of("handovers", HandoverJson.Default, Access.SignedIn, (GetHandovers _, RequestContext c) => c.UseCases.GetHandovers()),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandoverRequest))]
[JsonSerializable(typeof(HandoverView))]
[JsonSerializable(typeof(HandoverNotesRequest))]
[JsonSerializable(typeof(HandoverRecordData))]
[JsonSerializable(typeof(AcknowledgeHandover))]
[JsonSerializable(typeof(GetHandovers))]
[JsonSerializable(typeof(IReadOnlyList<HandoverRecordData>))]
internal sealed partial class HandoverJson : JsonSerializerContext;
