using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jour.Configuration;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(JourConfig))]
[JsonSerializable(typeof(InstallManifest))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
