using System.Text.Json.Serialization;
using Jour.Core.Changes;

namespace Jour.Protocol;

/// <summary>
/// Source-generated JSON for the transport's own messages, so Native AOT needs no reflection. The use
/// cases' requests and answers have theirs beside them, in their aggregates (UseCase.RequestJson).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientMessage))]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(ChangeNotice))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
