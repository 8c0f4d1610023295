using System.Text.Json.Serialization;
using Jour.Core.Sessions;

namespace Jour.Protocol;

/// <summary>Source-generated JSON for everything on the wire, so Native AOT needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientMessage))]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(SignInArgs))]
[JsonSerializable(typeof(SetUpArgs))]
[JsonSerializable(typeof(IdArgs))]
[JsonSerializable(typeof(RangeArgs))]
[JsonSerializable(typeof(InstallInfo))]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(StatusInfo))]
[JsonSerializable(typeof(IReadOnlyList<CaseSummary>))]
[JsonSerializable(typeof(CaseDetail))]
[JsonSerializable(typeof(TransitionRequest))]
[JsonSerializable(typeof(NoteRequest))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IReadOnlyList<ClientSummary>))]
[JsonSerializable(typeof(IReadOnlyList<StaffSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ShiftSummary>))]
[JsonSerializable(typeof(ImportRequest))]
[JsonSerializable(typeof(ImportResult))]
[JsonSerializable(typeof(ChangeNotice))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(NewCaseRequest))]
[JsonSerializable(typeof(VerificationRequest))]
[JsonSerializable(typeof(ClientData))]
[JsonSerializable(typeof(ProviderData))]
[JsonSerializable(typeof(IReadOnlyList<ProviderData>))]
[JsonSerializable(typeof(DraftData))]
[JsonSerializable(typeof(FormArgs))]
[JsonSerializable(typeof(StateArgs))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
