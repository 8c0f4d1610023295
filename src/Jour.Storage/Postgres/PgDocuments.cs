using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

/// <summary>
/// How the domain types become jsonb documents: PostgreSQL's counterpart of <see cref="JourMapper"/>, with the same
/// rules. Field names and enum names are those of the LiteDB documents (so a copied database reads the same and a
/// jsonb query names what the C# names); what JourMapper ignores is not stored here either; null members are left
/// out; every DateTime reads back as UTC. A Case's state is given back through its init setter, the one
/// rehydration path, as from LiteDB. Source-generated: no reflection under Native AOT.
/// </summary>
internal static class PgDocuments
{
    private static readonly JsonSerializerOptions s_options = new(PgDocumentJson.Default.Options)
    {
        TypeInfoResolver = PgDocumentJson.Default.WithAddedModifier(LeaveOutWhatIsNotStored),
    };

    public static readonly JsonTypeInfo<Case> Case = Info<Case>();
    public static readonly JsonTypeInfo<CaseEvent> CaseEvent = Info<CaseEvent>();
    public static readonly JsonTypeInfo<Client> Client = Info<Client>();
    public static readonly JsonTypeInfo<Provider> Provider = Info<Provider>();
    public static readonly JsonTypeInfo<StandbyAssistant> Staff = Info<StandbyAssistant>();
    public static readonly JsonTypeInfo<PoolSettings> PoolSettings = Info<PoolSettings>();
    public static readonly JsonTypeInfo<User> User = Info<User>();
    public static readonly JsonTypeInfo<SignInThrottle> SignInThrottle = Info<SignInThrottle>();
    public static readonly JsonTypeInfo<Draft> Draft = Info<Draft>();
    public static readonly JsonTypeInfo<Rotation> Rotation = Info<Rotation>();
    public static readonly JsonTypeInfo<OnCallOverride> Override = Info<OnCallOverride>();
    public static readonly JsonTypeInfo<HandoverRecord> Handover = Info<HandoverRecord>();
    public static readonly JsonTypeInfo<JournalEntry> JournalEntry = Info<JournalEntry>();
    public static readonly JsonTypeInfo<AccessLogEntry> AccessLogEntry = Info<AccessLogEntry>();
    public static readonly JsonTypeInfo<HygieneCheck> HygieneCheck = Info<HygieneCheck>();
    public static readonly JsonTypeInfo<Deployment> Deployment = Info<Deployment>();
    public static readonly JsonTypeInfo<ShortTermUnit> ShortTermUnit = Info<ShortTermUnit>();
    public static readonly JsonTypeInfo<ShortTermBooking> ShortTermBooking = Info<ShortTermBooking>();
    public static readonly JsonTypeInfo<Incident> Incident = Info<Incident>();
    public static readonly JsonTypeInfo<Complaint> Complaint = Info<Complaint>();
    public static readonly JsonTypeInfo<IvoInvestigation> IvoInvestigation = Info<IvoInvestigation>();
    public static readonly JsonTypeInfo<Contract> Contract = Info<Contract>();
    public static readonly JsonTypeInfo<PaidHours> PaidHours = Info<PaidHours>();
    public static readonly JsonTypeInfo<CallOut> CallOut = Info<CallOut>();
    public static readonly JsonTypeInfo<SmsSettings> SmsSettings = Info<SmsSettings>();
    public static readonly JsonTypeInfo<SmsInboxEntry> SmsInboxEntry = Info<SmsInboxEntry>();
    public static readonly JsonTypeInfo<SmsNotice> SmsNotice = Info<SmsNotice>();
    public static readonly JsonTypeInfo<FollowUpSettings> FollowUpSettings = Info<FollowUpSettings>();
    public static readonly JsonTypeInfo<RetentionSettings> RetentionSettings = Info<RetentionSettings>();
    public static readonly JsonTypeInfo<Thinning> Thinning = Info<Thinning>();

    public static string Write<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    public static T Read<T>(string json, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(json, info) ?? throw new JsonException($"A stored {typeof(T).Name} is null");

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T));

    // Settable members that JourMapper ignores: a case's reopen period comes from the settings and its unsigned
    // time reports are counted before closing; neither is part of the stored case. (Read-only members such as
    // IsOpen or NeedWindow.IsCovered are left out by IgnoreReadOnlyProperties.)
    private static void LeaveOutWhatIsNotStored(JsonTypeInfo info)
    {
        if (info.Type == typeof(Case))
        {
            Remove(info, nameof(Core.Cases.Case.ReopenPeriod), nameof(Core.Cases.Case.UnsignedTimeReports));
        }
    }

    private static void Remove(JsonTypeInfo info, params string[] names)
    {
        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (names.Contains(info.Properties[i].Name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
