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
        InTransaction(w => InsertPlain(w, "rotations", rotation.Id, id => rotation.Id = id, () => PgDocuments.Write(rotation, PgDocuments.Rotation)));
        return rotation;
    }

    public IReadOnlyList<OnCallOverride> LoadOverrides(DateTime fromUtc, DateTime toUtc) => Read(
        "SELECT doc::text FROM oncall_overrides WHERE from_utc < @toUtc AND to_utc > @fromUtc ORDER BY id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.Override), ("fromUtc", fromUtc), ("toUtc", toUtc));

    public void AddOverrides(IReadOnlyList<OnCallOverride> overrides) => InTransaction(w =>
    {
        foreach (OnCallOverride o in overrides)
        {
            o.Id = w.NewId("oncall_overrides", o.Id);
            w.Execute("INSERT INTO oncall_overrides (id, from_utc, to_utc, doc) VALUES (@id, @fromUtc, @toUtc, @doc::jsonb)", OverrideParameters(o));
        }
    });

    private static (string, object?)[] OverrideParameters(OnCallOverride o) =>
        [("id", o.Id), ("fromUtc", o.FromUtc), ("toUtc", o.ToUtc), ("doc", PgDocuments.Write(o, PgDocuments.Override))];

    public IReadOnlyList<HandoverRecord> LoadHandovers(int max) => Read(
        "SELECT doc::text FROM handovers ORDER BY id DESC LIMIT @max", r => PgDocuments.Read(r.GetString(0), PgDocuments.Handover), ("max", max));

    public HandoverRecord? LatestHandover() => LoadHandovers(1) is [var latest, ..] ? latest : null;

    public HandoverRecord? FindHandover(long id) => FindById("handovers", id, PgDocuments.Handover);

    public HandoverRecord AddHandover(HandoverRecord handover)
    {
        InTransaction(w => InsertPlain(w, "handovers", handover.Id, id => handover.Id = id, () => PgDocuments.Write(handover, PgDocuments.Handover)));
        return handover;
    }

    public void UpdateHandover(HandoverRecord handover) => InTransaction(w =>
        w.Execute("UPDATE handovers SET doc = @doc::jsonb WHERE id = @id", ("id", handover.Id), ("doc", PgDocuments.Write(handover, PgDocuments.Handover))));

    public IReadOnlyList<JournalEntry> LoadJournal(long clientId, JournalSeries series) => Read(
        "SELECT doc::text FROM journal WHERE client_id = @clientId AND series = @series ORDER BY id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.JournalEntry), ("clientId", clientId), ("series", series.ToString()));

    public JournalEntry? FindJournalEntry(long id) => FindById("journal", id, PgDocuments.JournalEntry);

    public JournalEntry AppendJournalEntry(JournalEntry entry)
    {
        InTransaction(w => InsertJournalEntry(w, entry));
        return entry;
    }

    private static void InsertJournalEntry(Writer w, JournalEntry entry)
    {
        entry.Id = w.NewId("journal", entry.Id);
        w.Execute("INSERT INTO journal (id, client_id, series, doc) VALUES (@id, @clientId, @series, @doc::jsonb)", JournalParameters(entry));
    }

    private static (string, object?)[] JournalParameters(JournalEntry e) =>
        [("id", e.Id), ("clientId", e.ClientId), ("series", e.Series.ToString()), ("doc", PgDocuments.Write(e, PgDocuments.JournalEntry))];

    public void AppendAccess(AccessLogEntry entry) => InTransaction(w => InsertAccess(w, entry));

    private static void InsertAccess(Writer w, AccessLogEntry entry)
    {
        entry.Id = w.NewId("access_log", entry.Id);
        w.Execute("INSERT INTO access_log (id, at_utc, client_id, doc) VALUES (@id, @atUtc, @clientId, @doc::jsonb)", AccessParameters(entry));
    }

    private static (string, object?)[] AccessParameters(AccessLogEntry e) =>
        [("id", e.Id), ("atUtc", e.AtUtc), ("clientId", e.ClientId), ("doc", PgDocuments.Write(e, PgDocuments.AccessLogEntry))];

    public IReadOnlyList<AccessLogEntry> LoadAccessLog(DateTime fromUtc, DateTime toUtc, long? clientId = null) => Read(
        clientId is null
            ? "SELECT doc::text FROM access_log WHERE at_utc >= @fromUtc AND at_utc < @toUtc ORDER BY at_utc, id"
            : "SELECT doc::text FROM access_log WHERE client_id = @clientId AND at_utc >= @fromUtc AND at_utc < @toUtc ORDER BY at_utc, id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.AccessLogEntry), ("fromUtc", fromUtc), ("toUtc", toUtc), ("clientId", clientId));

    public IReadOnlyList<HygieneCheck> LoadHygieneChecks() => ReadAll("hygiene_checks", PgDocuments.HygieneCheck);

    public HygieneCheck? FindHygieneCheck(long id) => FindById("hygiene_checks", id, PgDocuments.HygieneCheck);

    public HygieneCheck AddHygieneCheck(HygieneCheck check)
    {
        InTransaction(w => InsertPlain(w, "hygiene_checks", check.Id, id => check.Id = id, () => PgDocuments.Write(check, PgDocuments.HygieneCheck)));
        return check;
    }

    public void UpdateHygieneCheck(HygieneCheck check) => InTransaction(w =>
        w.Execute("UPDATE hygiene_checks SET doc = @doc::jsonb WHERE id = @id", ("id", check.Id), ("doc", PgDocuments.Write(check, PgDocuments.HygieneCheck))));

    /// <summary>Inserts a document that has no columns besides its id, which is assigned first so the document carries it.</summary>
    private static void InsertPlain(Writer w, string table, long givenId, Action<long> setId, Func<string> document)
    {
        long id = w.NewId(table, givenId);
        setId(id);
        w.Execute($"INSERT INTO {table} (id, doc) VALUES (@id, @doc::jsonb)", ("id", id), ("doc", document()));
    }
}
