using System.Text.Json;
using Jour.Core.Sessions;

namespace Jour.Protocol;

/// <summary>A request from a session: an operation name and its argument, answered under the same id.</summary>
public sealed record ClientMessage(int Id, string Op, JsonElement? Body);

/// <summary>
/// What the server sends: a reply (Id &gt; 0) with a result or a refusal, or a pushed change
/// (Id = 0, <see cref="Change"/> set).
/// </summary>
public sealed record ServerMessage(int Id, bool Ok, JsonElement? Body, string? ErrorCode, IReadOnlyList<string>? ErrorArgs, ChangeNotice? Change);

/// <summary>The first message of every connection, so mismatched versions fail clearly.</summary>
public sealed record Hello(int Protocol, string Version);

public sealed record SignInArgs(long UserId, string Pin);

public sealed record SetUpArgs(string Name, string Pin, string Code);

public sealed record IdArgs(long Id);

public sealed record RangeArgs(DateTime FromUtc, DateTime ToUtc);

public sealed record AtArgs(DateTime AtUtc);

public sealed record FormArgs(string Form);

public sealed record StateArgs(Jour.Core.Cases.CaseState State);
