using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Operations;

/// <summary>The status line: who is on call, open cases, what needs attention.</summary>
public sealed record GetStatus : IRequest<StatusInfo>;

/// <summary>Reads and checks the whole open database: counts, indexes, references, schema version.</summary>
public sealed record CheckDatabase : IRequest<CheckReport>;

/// <summary>Recreates the demo data; refused by the pipeline on a database that is not a demo.</summary>
public sealed record ResetDemo : IRequest<bool>;

/// <summary>
/// Stops the server once this answer has left (<c>jour server --stop</c>): its own account, by the kernel's
/// peer credentials, without signing in, or a signed-in admin.
/// </summary>
public sealed record StopServer : IRequest<bool>;

/// <summary>Backup, check, the demo's reset and stopping the server, through the server that owns the file.</summary>
public static class OperationRequests
{
    private static readonly Access s_operators = Access.AnyOf(Role.Admin | Role.Coordinator, ErrorCodes.OperatorOnly);

    public static UseCase[] UseCases { get; } =
    [
        // Asked before sign-in too: a demo session signs in as the officer it names.
        UseCase.Of("status", OperationJson.Default, Access.Anyone, (GetStatus _, RequestContext c) => c.UseCases.GetStatus(), Handling.SideBySide),

        // A consistent, encrypted copy with its SHA-256 while sessions keep working.
        UseCase.Of("backup", OperationJson.Default, s_operators, (BackupRequest r, RequestContext c) => c.UseCases.Backup(c.Actor, r), Handling.LongRunning),
        UseCase.Of("check", OperationJson.Default, s_operators, (CheckDatabase _, RequestContext c) => c.UseCases.Check(c.Actor), Handling.LongRunning),
        UseCase.Of("reset-demo", OperationJson.Default, Access.SignedIn, (ResetDemo _, RequestContext c) => c.UseCases.ResetDemo(c.Actor), Handling.DemoOnly),
        UseCase.Of("shutdown", OperationJson.Default, Access.ServerAccountOrAnyOf(Role.Admin, ErrorCodes.ShutdownNotPermitted), (StopServer _, RequestContext _) => true, Handling.StopsTheServer),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetStatus))]
[JsonSerializable(typeof(StatusInfo))]
[JsonSerializable(typeof(BackupRequest))]
[JsonSerializable(typeof(BackupResult))]
[JsonSerializable(typeof(CheckDatabase))]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(ResetDemo))]
[JsonSerializable(typeof(StopServer))]
[JsonSerializable(typeof(bool))]
internal sealed partial class OperationJson : JsonSerializerContext;
