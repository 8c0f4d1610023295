using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Extracts;

/// <summary>The use cases of a person's register extract.</summary>
public static class ExtractRequests
{
    public static UseCase[] UseCases { get; } =
    [
        // MAS/MAR and admins hand a person what is kept about them; the extract is itself in the access log.
        UseCase.Of("client-extract", ExtractJson.Default, Access.AnyOf(Role.MedicalResponsible | Role.Admin, ErrorCodes.ExtractNotPermitted), (GetClientExtract r, RequestContext c) => c.UseCases.GetClientExtract(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetClientExtract))]
[JsonSerializable(typeof(ClientExtract))]
internal sealed partial class ExtractJson : JsonSerializerContext;
