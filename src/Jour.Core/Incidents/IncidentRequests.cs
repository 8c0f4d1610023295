using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Incidents;

public sealed record GetIncidents : IRequest<IReadOnlyList<IncidentData>>;

public sealed record SaveIncident(IncidentData Incident) : IRequest<IncidentData>;

public sealed record GetComplaints : IRequest<IReadOnlyList<ComplaintData>>;

public sealed record SaveComplaint(ComplaintData Complaint) : IRequest<ComplaintData>;

/// <summary>
/// MAS/MAR's assessment of an incident, saved as a new one after any earlier (which stay); dates yyyy-MM-dd as
/// typed, <see cref="IvoReportedOn"/> empty when not reported. <see cref="Revision"/> is the incident's as the user saw it.
/// </summary>
public sealed record AssessIncident(long IncidentId, bool LexMaria, string AssessedOn, string Reasoning, string IvoReportedOn, int Revision) : IRequest<IncidentData>;

/// <summary>A measure MAS/MAR requires after the incident: what, who answers for it (a name), the last day.</summary>
public sealed record RequireMeasure(long IncidentId, string What, string Responsible, string DueOn, int Revision) : IRequest<IncidentData>;

/// <summary>A required measure done, on the day given.</summary>
public sealed record MarkMeasureDone(long IncidentId, int Number, string DoneOn, int Revision) : IRequest<IncidentData>;

public sealed record GetIvoInvestigations : IRequest<IReadOnlyList<IvoInvestigationData>>;

/// <summary>Registers (id 0) or updates an IVO investigation against the revision the user saw.</summary>
public sealed record SaveIvoInvestigation(IvoInvestigationData Investigation) : IRequest<IvoInvestigationData>;

/// <summary>The use cases of incidents (lex Sarah) and complaints: anyone holding a role.</summary>
public static class IncidentRequests
{
    private static readonly Access s_anyRole = Access.AnyRole(ErrorCodes.RecordsNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("incidents", IncidentJson.Default, s_anyRole, (GetIncidents _, RequestContext c) => c.UseCases.GetIncidents(c.Actor)),
        UseCase.Of("save-incident", IncidentJson.Default, s_anyRole, (SaveIncident r, RequestContext c) => c.UseCases.SaveIncident(c.Actor, r.Incident)),
        UseCase.Of("complaints", IncidentJson.Default, s_anyRole, (GetComplaints _, RequestContext c) => c.UseCases.GetComplaints(c.Actor)),
        UseCase.Of("assess-incident", IncidentJson.Default, Access.AnyOf(Role.MedicalResponsible, ErrorCodes.AssessmentNotPermitted), (AssessIncident r, RequestContext c) => c.UseCases.AssessIncident(c.Actor, r)),
        UseCase.Of("require-measure", IncidentJson.Default, Access.AnyOf(Role.MedicalResponsible, ErrorCodes.AssessmentNotPermitted), (RequireMeasure r, RequestContext c) => c.UseCases.RequireMeasure(c.Actor, r)),

        // The responsible person is a name, not a user: MAS/MAR or a coordinator records that it was done.
        UseCase.Of("mark-measure-done", IncidentJson.Default, Access.AnyOf(Role.MedicalResponsible | Role.Coordinator, ErrorCodes.MeasureDoneNotPermitted), (MarkMeasureDone r, RequestContext c) => c.UseCases.MarkMeasureDone(c.Actor, r)),
        UseCase.Of("ivo-investigations", IncidentJson.Default, s_anyRole, (GetIvoInvestigations _, RequestContext c) => c.UseCases.GetIvoInvestigations()),

        // The operation's own dealings with IVO: MAS/MAR, coordinators and admins keep them.
        UseCase.Of("save-ivo-investigation", IncidentJson.Default, Access.AnyOf(Role.MedicalResponsible | Role.Coordinator | Role.Admin, ErrorCodes.IvoInvestigationNotPermitted), (SaveIvoInvestigation r, RequestContext c) => c.UseCases.SaveIvoInvestigation(c.Actor, r.Investigation)),
        UseCase.Of("save-complaint", IncidentJson.Default, s_anyRole, (SaveComplaint r, RequestContext c) => c.UseCases.SaveComplaint(c.Actor, r.Complaint)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetIncidents))]
[JsonSerializable(typeof(IReadOnlyList<IncidentData>))]
[JsonSerializable(typeof(SaveIncident))]
[JsonSerializable(typeof(IncidentData))]
[JsonSerializable(typeof(AssessIncident))]
[JsonSerializable(typeof(RequireMeasure))]
[JsonSerializable(typeof(MarkMeasureDone))]
[JsonSerializable(typeof(GetIvoInvestigations))]
[JsonSerializable(typeof(IReadOnlyList<IvoInvestigationData>))]
[JsonSerializable(typeof(SaveIvoInvestigation))]
[JsonSerializable(typeof(IvoInvestigationData))]
[JsonSerializable(typeof(GetComplaints))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintData>))]
[JsonSerializable(typeof(SaveComplaint))]
[JsonSerializable(typeof(ComplaintData))]
internal sealed partial class IncidentJson : JsonSerializerContext;
