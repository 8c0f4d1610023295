using System.Text.Json.Serialization;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.FollowUp;

namespace Jour.Cli;

/// <summary>JSON for scripts reading the command line's output; indented, enums by name.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<CaseSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ClientSummary>))]
[JsonSerializable(typeof(OnCallOutput))]
[JsonSerializable(typeof(StatisticsReport))]
[JsonSerializable(typeof(SettingsData))]
[JsonSerializable(typeof(IReadOnlyList<ContractOutput>))]
[JsonSerializable(typeof(InvoiceOutput))]
[JsonSerializable(typeof(ProviderBasisOutput))]
[JsonSerializable(typeof(IReadOnlyList<UserOutput>))]
[JsonSerializable(typeof(CaseOutput))]
[JsonSerializable(typeof(IReadOnlyList<CallOutLineOutput>))]
[JsonSerializable(typeof(RetentionOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
