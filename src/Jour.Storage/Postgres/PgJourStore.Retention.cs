using Jour.Core.Cases;
using Jour.Core.Journals;
using Jour.Core.Retention;

namespace Jour.Storage.Postgres;

// Retention: its settings, what the rules read, and the thinning — the one way anything deletes a journal entry, a
// case timeline entry or an access-log entry, each batch with its record in one transaction. The rules read and fold
// the rows as LiteDB's store does (RecordDates); cases, deployments and their follow-up are never touched.
public sealed partial class PgJourStore
{
    public RetentionSettings? LoadRetentionSettings() =>
        ReadOne("SELECT doc::text FROM retention_settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.RetentionSettings), ("id", RetentionSettings.SingletonId));

    public void SaveRetentionSettings(RetentionSettings settings) => Upsert(PgTables.RetentionSettings, settings);

    public IReadOnlyList<ClientRecordDates> LoadClientRecordDates() => RecordDates.Fold(
        ReadAll("journal", PgDocuments.JournalEntry),
        ReadAll("cases", PgDocuments.Case),
        ReadAll("case_events", PgDocuments.CaseEvent),
        Read("SELECT id, personal_identity_number FROM clients", r => (Id: r.GetInt64(0), Number: r.GetString(1))).ToDictionary(c => c.Id, c => c.Number));

    public IReadOnlyList<DateTime> LoadDraftSaveTimes() => Read("SELECT saved_utc FROM drafts", r => PgTime.Utc(r.GetDateTime(0)));

    public long CountAccessLogBefore(DateTime beforeUtc) => ReadCount("SELECT count(*) FROM access_log WHERE at_utc < @beforeUtc", ("beforeUtc", beforeUtc));

    public IReadOnlyList<Thinning> LoadThinnings() => ReadAll("thinnings", PgDocuments.Thinning);

    public Thinning ThinClientRecords(FileThinning batch, Thinning record)
    {
        InTransaction(w =>
        {
            foreach (long clientId in batch.ClientIds)
            {
                // Read inside the transaction: a note written since the plan keeps its file. A note another server
                // appends while this runs is not among the ids deleted, so it stays, as if written just after.
                List<JournalEntry> entries = w.Read(
                    "SELECT doc::text FROM journal WHERE client_id = @clientId AND series = @series FOR UPDATE",
                    r => PgDocuments.Read(r.GetString(0), PgDocuments.JournalEntry), ("clientId", clientId), ("series", batch.Series.ToString()));
                List<Case> cases = batch.CaseTimelines
                    ? w.Read("SELECT doc::text FROM cases WHERE client_id = @clientId FOR UPDATE", r => PgDocuments.Read(r.GetString(0), PgDocuments.Case), ("clientId", clientId))
                    : [];
                List<CaseEvent> events = batch.CaseTimelines
                    ? w.Read(
                        "SELECT e.doc::text FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.client_id = @clientId FOR UPDATE OF e",
                        r => PgDocuments.Read(r.GetString(0), PgDocuments.CaseEvent),
                        ("clientId", clientId))
                    : [];
                if (RecordDates.WrittenSince(entries, events, cases, batch.LastEntryBeforeUtc) || entries.Count + events.Count == 0)
                {
                    continue;
                }

                foreach (JournalEntry e in entries)
                {
                    w.Execute("DELETE FROM journal WHERE id = @id", ("id", e.Id));
                }

                foreach (CaseEvent e in events)
                {
                    w.Execute("DELETE FROM case_events WHERE id = @id", ("id", e.Id));
                }
                record.ClientIds.Add(clientId);
                record.JournalEntries += entries.Count;
                record.CaseEvents += events.Count;
            }

            if (record.ClientIds.Count > 0)
            {
                InsertThinning(w, record);
            }
        });
        return record;
    }

    public Thinning ThinAccessLog(DateTime beforeUtc, int max, Thinning record)
    {
        InTransaction(w =>
        {
            record.AccessLogEntries = w.Execute(
                "DELETE FROM access_log WHERE id IN (SELECT id FROM access_log WHERE at_utc < @beforeUtc ORDER BY at_utc, id LIMIT @max)",
                ("beforeUtc", beforeUtc), ("max", max));
            if (record.AccessLogEntries > 0)
            {
                InsertThinning(w, record);
            }
        });
        return record;
    }

    public Thinning ThinDrafts(DateTime beforeUtc, Thinning record)
    {
        InTransaction(w =>
        {
            record.Drafts = w.Execute("DELETE FROM drafts WHERE saved_utc < @beforeUtc", ("beforeUtc", beforeUtc));
            if (record.Drafts > 0)
            {
                InsertThinning(w, record);
            }
        });
        return record;
    }

    private static void InsertThinning(Writer w, Thinning record) =>
        w.Insert(PgTables.Thinnings, record);
}
