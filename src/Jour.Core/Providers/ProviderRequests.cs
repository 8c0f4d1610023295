using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.Import;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Providers;

public sealed record GetProviders : IRequest<IReadOnlyList<ProviderData>>;

/// <summary>Creates (id 0) or updates a provider against the revision the user saw.</summary>
public sealed record SaveProvider(ProviderData Provider) : IRequest<ProviderData>;

/// <summary>As <see cref="Clients.ImportClients"/>, for a provider file.</summary>
public sealed record ImportProviders(ImportRequest File) : IRequest<ImportResult>;

/// <summary>The use cases of the provider register.</summary>
public static class ProviderRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("providers", ProviderJson.Default, Access.SignedIn, (GetProviders _, RequestContext c) => c.UseCases.GetProviders(), Handling.SideBySide),
        UseCase.Of("save-provider", ProviderJson.Default, Access.SignedIn, (SaveProvider r, RequestContext c) => c.UseCases.SaveProvider(c.Actor, r.Provider)),
        UseCase.Of("import-providers", ProviderJson.Default, Access.AnyOf(Role.Admin | Role.Coordinator, ErrorCodes.ImportNotPermitted), (ImportProviders r, RequestContext c) => c.UseCases.ImportProviders(c.Actor, r.File), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetProviders))]
[JsonSerializable(typeof(IReadOnlyList<ProviderData>))]
[JsonSerializable(typeof(SaveProvider))]
[JsonSerializable(typeof(ProviderData))]
[JsonSerializable(typeof(ImportProviders))]
[JsonSerializable(typeof(ImportResult))]
internal sealed partial class ProviderJson : JsonSerializerContext;
