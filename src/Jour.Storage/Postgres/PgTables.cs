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
/// Every document table's columns and where each value comes from, once (the schema itself is PgMigrations'): the
/// single writes, the move from LiteDB and the generator's bulk writes are all built from these. Why a value is a
/// column is said where it is queried. One class in one file, so the tables exist before the move's list of them.
/// </summary>
internal static class PgTables
{
    public static readonly PgTable<Case> Cases = new(
        "cases", PgDocuments.Case,
        ("id", c => c.Id), ("number", c => c.Number), ("state", c => c.State.ToString()), ("client_id", c => c.ClientId),
        ("received_utc", c => c.ReceivedUtc), ("end_utc", c => CaseFact.EndOf(c)), ("revision", c => c.Revision))
    { SetId = (c, id) => c.Id = id };

    public static readonly PgTable<CaseEvent> CaseEvents = new(
        "case_events", PgDocuments.CaseEvent, ("id", e => e.Id), ("case_id", e => e.CaseId), ("at_utc", e => e.AtUtc))
    { SetId = (e, id) => e.Id = id };

    public static readonly PgTable<Client> Clients = new(
        "clients", PgDocuments.Client,
        ("id", c => c.Id), ("name", c => c.Name), ("personal_identity_number", c => c.PersonalIdentityNumber), ("revision", c => c.Revision))
    { SetId = (c, id) => c.Id = id };

    public static readonly PgTable<Provider> Providers = new("providers", PgDocuments.Provider, ("id", p => p.Id), ("revision", p => p.Revision))
    { SetId = (p, id) => p.Id = id };

    public static readonly PgTable<StandbyAssistant> Staff = new("staff", PgDocuments.Staff, ("id", s => s.Id), ("revision", s => s.Revision))
    { SetId = (s, id) => s.Id = id };

    public static readonly PgTable<PoolSettings> PoolSettings = new("pool_settings", PgDocuments.PoolSettings, ("id", s => s.Id));

    public static readonly PgTable<User> Users = new("users", PgDocuments.User, ("id", u => u.Id)) { SetId = (u, id) => u.Id = id };

    public static readonly PgTable<SignInThrottle> SignInThrottles = new("sign_in_throttles", PgDocuments.SignInThrottle, ("user_id", t => t.Id));

    public static readonly PgTable<Draft> Drafts = new(
        "drafts", PgDocuments.Draft, ("id", d => d.Id), ("user_id", d => d.UserId), ("saved_utc", d => d.SavedUtc));

    public static readonly PgTable<Rotation> Rotations = new("rotations", PgDocuments.Rotation, ("id", r => r.Id)) { SetId = (r, id) => r.Id = id };

    public static readonly PgTable<OnCallOverride> Overrides = new(
        "oncall_overrides", PgDocuments.Override, ("id", o => o.Id), ("from_utc", o => o.FromUtc), ("to_utc", o => o.ToUtc))
    { SetId = (o, id) => o.Id = id };

    public static readonly PgTable<HandoverRecord> Handovers = new("handovers", PgDocuments.Handover, ("id", h => h.Id)) { SetId = (h, id) => h.Id = id };

    public static readonly PgTable<JournalEntry> Journal = new(
        "journal", PgDocuments.JournalEntry, ("id", e => e.Id), ("client_id", e => e.ClientId), ("series", e => e.Series.ToString()))
    { SetId = (e, id) => e.Id = id };

    public static readonly PgTable<AccessLogEntry> AccessLog = new(
        "access_log", PgDocuments.AccessLogEntry, ("id", e => e.Id), ("at_utc", e => e.AtUtc), ("client_id", e => e.ClientId))
    { SetId = (e, id) => e.Id = id };

    public static readonly PgTable<HygieneCheck> HygieneChecks = new("hygiene_checks", PgDocuments.HygieneCheck, ("id", h => h.Id))
    { SetId = (h, id) => h.Id = id };

    public static readonly PgTable<Deployment> Deployments = new(
        "deployments", PgDocuments.Deployment,
        ("id", d => d.Id), ("case_id", d => d.CaseId), ("from_utc", d => d.FromUtc), ("to_utc", d => d.ToUtc), ("report_start_utc", d => d.Report?.StartUtc))
    { SetId = (d, id) => d.Id = id };

    public static readonly PgTable<ShortTermUnit> ShortTermUnits = new("short_term_units", PgDocuments.ShortTermUnit, ("id", u => u.Id), ("revision", u => u.Revision))
    { SetId = (u, id) => u.Id = id };

    public static readonly PgTable<ShortTermBooking> ShortTermBookings = new("short_term_bookings", PgDocuments.ShortTermBooking, ("id", b => b.Id))
    { SetId = (b, id) => b.Id = id };

    public static readonly PgTable<Incident> Incidents = new(
        "incidents", PgDocuments.Incident, ("id", i => i.Id), ("open_measures_due_on", i => i.OpenMeasuresDueOn), ("revision", i => i.Revision))
    { SetId = (i, id) => i.Id = id };

    public static readonly PgTable<Complaint> Complaints = new("complaints", PgDocuments.Complaint, ("id", c => c.Id), ("revision", c => c.Revision))
    { SetId = (c, id) => c.Id = id };

    public static readonly PgTable<IvoInvestigation> IvoInvestigations = new(
        "ivo_investigations", PgDocuments.IvoInvestigation, ("id", i => i.Id), ("revision", i => i.Revision))
    { SetId = (i, id) => i.Id = id };

    public static readonly PgTable<Contract> Contracts = new("contracts", PgDocuments.Contract, ("id", c => c.Id)) { SetId = (c, id) => c.Id = id };

    public static readonly PgTable<PaidHours> PaidHours = new("paid_hours", PgDocuments.PaidHours, ("id", p => p.Id), ("month", p => p.Month));

    public static readonly PgTable<CallOut> CallOuts = new(
        "callouts", PgDocuments.CallOut, ("id", c => c.Id), ("case_id", c => c.CaseId), ("created_utc", c => c.CreatedUtc))
    { SetId = (c, id) => c.Id = id };

    public static readonly PgTable<SmsSettings> SmsSettings = new("sms_settings", PgDocuments.SmsSettings, ("id", s => s.Id));

    public static readonly PgTable<SmsInboxEntry> SmsInbox = new("sms_inbox", PgDocuments.SmsInboxEntry, ("id", e => e.Id));

    public static readonly PgTable<SmsNotice> SmsNotices = new("sms_notices", PgDocuments.SmsNotice, ("id", n => n.Id), ("created_utc", n => n.CreatedUtc));

    public static readonly PgTable<FollowUpSettings> FollowUpSettings = new("settings", PgDocuments.FollowUpSettings, ("id", s => s.Id));

    public static readonly PgTable<RetentionSettings> RetentionSettings = new("retention_settings", PgDocuments.RetentionSettings, ("id", s => s.Id));

    public static readonly PgTable<Thinning> Thinnings = new("thinnings", PgDocuments.Thinning, ("id", t => t.Id)) { SetId = (t, id) => t.Id = id };
}
