using Jour.Core.AccessLog;
using Jour.Core.Handover;
using Jour.Core.Hygiene;
using Jour.Core.Journals;
using Jour.Core.Roster;

namespace Jour.Storage.Postgres;

// The on-call roster, handovers, journals, the access log and hygiene self-checks. What is read by range or by
// client (override times, journal client and series, access log time and client) is a column; the rest is the
// document.
public sealed partial class PgJourStore
{
    public IReadOnlyList<Rotation> LoadRotations() => ReadAll("rotations", PgDocuments.Rotation);

    public Rotation AddRotation(Rotation rotation)
    {
        InTransaction(w => w.Insert(PgTables.Rotations, rotation));
        return rotation;
    }

    public IReadOnlyList<OnCallOverride> LoadOverrides(DateTime fromUtc, DateTime toUtc) => Read(
        "SELECT doc::text FROM oncall_overrides WHERE from_utc < @toUtc AND to_utc > @fromUtc ORDER BY id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.Override), ("fromUtc", fromUtc), ("toUtc", toUtc));

    public void AddOverrides(IReadOnlyList<OnCallOverride> overrides) => InTransaction(w =>
    {
        foreach (OnCallOverride o in overrides)
        {
            w.Insert(PgTables.Overrides, o);
        }
    });

    public IReadOnlyList<HandoverRecord> LoadHandovers(int max) => Read(
        "SELECT doc::text FROM handovers ORDER BY id DESC LIMIT @max", r => PgDocuments.Read(r.GetString(0), PgDocuments.Handover), ("max", max));

    public HandoverRecord? LatestHandover() => LoadHandovers(1) is [var latest, ..] ? latest : null;

    public HandoverRecord? FindHandover(long id) => FindById("handovers", id, PgDocuments.Handover);

    public HandoverRecord AddHandover(HandoverRecord handover)
    {
        InTransaction(w => w.Insert(PgTables.Handovers, handover));
        return handover;
    }

    public void UpdateHandover(HandoverRecord handover) => Update(PgTables.Handovers, handover);

    public IReadOnlyList<JournalEntry> LoadJournal(long clientId, JournalSeries series) => Read(
        "SELECT doc::text FROM journal WHERE client_id = @clientId AND series = @series ORDER BY id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.JournalEntry), ("clientId", clientId), ("series", series.ToString()));

    public JournalEntry? FindJournalEntry(long id) => FindById("journal", id, PgDocuments.JournalEntry);

    public JournalEntry AppendJournalEntry(JournalEntry entry)
    {
        InTransaction(w => w.Insert(PgTables.Journal, entry));
        return entry;
    }

    public void AppendAccess(AccessLogEntry entry) => InTransaction(w => w.Insert(PgTables.AccessLog, entry));

    public IReadOnlyList<AccessLogEntry> LoadAccessLog(DateTime fromUtc, DateTime toUtc, long? clientId = null) => Read(
        clientId is null
            ? "SELECT doc::text FROM access_log WHERE at_utc >= @fromUtc AND at_utc < @toUtc ORDER BY at_utc, id"
            : "SELECT doc::text FROM access_log WHERE client_id = @clientId AND at_utc >= @fromUtc AND at_utc < @toUtc ORDER BY at_utc, id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.AccessLogEntry), ("fromUtc", fromUtc), ("toUtc", toUtc), ("clientId", clientId));

    public IReadOnlyList<HygieneCheck> LoadHygieneChecks() => ReadAll("hygiene_checks", PgDocuments.HygieneCheck);

    public HygieneCheck? FindHygieneCheck(long id) => FindById("hygiene_checks", id, PgDocuments.HygieneCheck);

    public HygieneCheck AddHygieneCheck(HygieneCheck check)
    {
        InTransaction(w => w.Insert(PgTables.HygieneChecks, check));
        return check;
    }

    public void UpdateHygieneCheck(HygieneCheck check) => Update(PgTables.HygieneChecks, check);
}
