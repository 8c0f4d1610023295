using System.Text.Json;
using Jour.Core.Changes;

namespace Jour.Protocol;

/// <summary>A request from a session: a use case's wire name and its request record, answered under the same id.</summary>
public sealed record ClientMessage(int Id, string Op, JsonElement? Body);

/// <summary>
/// What the server sends: a reply (Id &gt; 0) with a result or a refusal, or a pushed change
/// (Id = 0, <see cref="Change"/> set).
/// </summary>
public sealed record ServerMessage(int Id, bool Ok, JsonElement? Body, string? ErrorCode, IReadOnlyList<string>? ErrorArgs, ChangeNotice? Change);

/// <summary>
/// The first message of every connection, so mismatched versions fail clearly. A session's hello names its
/// language: what the server composes for it (refusals, the handover, statistics) is in that language.
/// </summary>
public sealed record Hello(int Protocol, string Version, string? Language = null);
