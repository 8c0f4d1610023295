using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.AccessLog;

/// <summary>The use cases of the access log.</summary>
public static class AccessLogRequests
{
    public static UseCase[] UseCases { get; } =
    [
        // MAS/MAR and admins, emergency accesses first.
        UseCase.Of("access-log", AccessLogJson.Default, Access.AnyOf(Role.MedicalResponsible | Role.Admin, ErrorCodes.AccessLogNotPermitted), (AccessLogQuery r, RequestContext c) => c.UseCases.GetAccessLog(c.Actor, r)),

        // Whoever takes data out says so; what they could take was decided by the use case that gave it to them.
        UseCase.Of("record-export", AccessLogJson.Default, Access.SignedIn, (RecordExport r, RequestContext c) => c.UseCases.RecordExport(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccessLogQuery))]
[JsonSerializable(typeof(RecordExport))]
[JsonSerializable(typeof(IReadOnlyList<AccessLogRow>))]
internal sealed partial class AccessLogJson : JsonSerializerContext;
