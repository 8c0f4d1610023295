using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.Import;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Clients;

/// <summary>The client register as the intake form searches it.</summary>
public sealed record GetClients : IRequest<IReadOnlyList<ClientSummary>>;

/// <summary>A client in full, for the client form; the read is logged.</summary>
public sealed record GetClient(long ClientId) : IRequest<ClientData>;

/// <summary>Creates (id 0) or updates a client against the revision the user saw.</summary>
public sealed record SaveClient(ClientData Client) : IRequest<ClientData>;

/// <summary>
/// Validates a client file against the register and, unless it is a dry run, adds every row in one
/// transaction; with any issue nothing is added.
/// </summary>
public sealed record ImportClients(ImportRequest File) : IRequest<ImportResult>;

/// <summary>The use cases of the client register.</summary>
public static class ClientRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("clients", ClientJson.Default, Access.SignedIn, (GetClients _, RequestContext c) => c.UseCases.GetClients(), Handling.SideBySide),
        UseCase.Of("client", ClientJson.Default, Access.SignedIn, (GetClient r, RequestContext c) => c.UseCases.GetClient(c.Actor, r.ClientId)),
        UseCase.Of("save-client", ClientJson.Default, Access.SignedIn, (SaveClient r, RequestContext c) => c.UseCases.SaveClient(c.Actor, r.Client)),
        UseCase.Of("import-clients", ClientJson.Default, Access.AnyOf(Role.Admin | Role.Coordinator, ErrorCodes.ImportNotPermitted), (ImportClients r, RequestContext c) => c.UseCases.ImportClients(c.Actor, r.File), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetClients))]
[JsonSerializable(typeof(IReadOnlyList<ClientSummary>))]
[JsonSerializable(typeof(GetClient))]
[JsonSerializable(typeof(SaveClient))]
[JsonSerializable(typeof(ClientData))]
[JsonSerializable(typeof(ImportClients))]
[JsonSerializable(typeof(ImportResult))]
internal sealed partial class ClientJson : JsonSerializerContext;
