using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;

namespace Jour.Core.Incidents;

public sealed record GetIncidents : IRequest<IReadOnlyList<IncidentData>>;

public sealed record SaveIncident(IncidentData Incident) : IRequest<IncidentData>;

public sealed record GetComplaints : IRequest<IReadOnlyList<ComplaintData>>;

public sealed record SaveComplaint(ComplaintData Complaint) : IRequest<ComplaintData>;

/// <summary>The use cases of incidents (lex Sarah) and complaints: anyone holding a role.</summary>
public static class IncidentRequests
{
    private static readonly Access s_anyRole = Access.AnyRole(ErrorCodes.RecordsNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("incidents", IncidentJson.Default, s_anyRole, (GetIncidents _, RequestContext c) => c.UseCases.GetIncidents(c.Actor)),
        UseCase.Of("save-incident", IncidentJson.Default, s_anyRole, (SaveIncident r, RequestContext c) => c.UseCases.SaveIncident(c.Actor, r.Incident)),
        UseCase.Of("complaints", IncidentJson.Default, s_anyRole, (GetComplaints _, RequestContext c) => c.UseCases.GetComplaints(c.Actor)),
        UseCase.Of("save-complaint", IncidentJson.Default, s_anyRole, (SaveComplaint r, RequestContext c) => c.UseCases.SaveComplaint(c.Actor, r.Complaint)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetIncidents))]
[JsonSerializable(typeof(IReadOnlyList<IncidentData>))]
[JsonSerializable(typeof(SaveIncident))]
[JsonSerializable(typeof(IncidentData))]
[JsonSerializable(typeof(GetComplaints))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintData>))]
[JsonSerializable(typeof(SaveComplaint))]
[JsonSerializable(typeof(ComplaintData))]
internal sealed partial class IncidentJson : JsonSerializerContext;
