using System.Text.Json.Serialization;
using Jour.Core.AccessLog;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.Hygiene;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Providers;
using Jour.Core.Retention;
using Jour.Core.Roster;
using Jour.Core.ShortTermCare;
using Jour.Core.Staff;
using Jour.Core.Users;

namespace Jour.Storage.Postgres;

/// <summary>The source-generated JSON of every stored type (no reflection under Native AOT); its rules are in <see cref="PgDocuments"/>.</summary>
[JsonSourceGenerationOptions(
    IgnoreReadOnlyProperties = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(Case))]
[JsonSerializable(typeof(CaseEvent))]
[JsonSerializable(typeof(Client))]
[JsonSerializable(typeof(Provider))]
[JsonSerializable(typeof(StandbyAssistant))]
[JsonSerializable(typeof(PoolSettings))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(SignInThrottle))]
[JsonSerializable(typeof(Draft))]
[JsonSerializable(typeof(Rotation))]
[JsonSerializable(typeof(OnCallOverride))]
[JsonSerializable(typeof(HandoverRecord))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(AccessLogEntry))]
[JsonSerializable(typeof(HygieneCheck))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ShortTermUnit))]
[JsonSerializable(typeof(ShortTermBooking))]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(Complaint))]
[JsonSerializable(typeof(IvoInvestigation))]
[JsonSerializable(typeof(Contract))]
[JsonSerializable(typeof(PaidHours))]
[JsonSerializable(typeof(CallOut))]
[JsonSerializable(typeof(SmsSettings))]
[JsonSerializable(typeof(SmsInboxEntry))]
[JsonSerializable(typeof(SmsNotice))]
[JsonSerializable(typeof(FollowUpSettings))]
[JsonSerializable(typeof(RetentionSettings))]
[JsonSerializable(typeof(Thinning))]
internal sealed partial class PgDocumentJson : JsonSerializerContext;
