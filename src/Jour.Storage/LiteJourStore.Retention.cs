using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Drafts;
using Jour.Core.Journals;
using Jour.Core.Retention;
using LiteDB;

namespace Jour.Storage;

// Retention: its settings, what the rules read, and the thinning, the one way anything deletes a journal entry,
// a case timeline entry or an access-log entry. Case documents, deployments and the fact blocks are not touched:
// the invoicing basis and the statistics of past years read them, and they hold no journal text.
public sealed partial class LiteJourStore
{
    private ILiteCollection<RetentionSettings> RetentionSettingsCollection => _db.GetCollection<RetentionSettings>("retention_settings");

    private ILiteCollection<Thinning> Thinnings => _db.GetCollection<Thinning>("thinnings");

    public RetentionSettings? LoadRetentionSettings() => RetentionSettingsCollection.FindById(RetentionSettings.SingletonId);

    public void SaveRetentionSettings(RetentionSettings settings) => InTransaction(() => RetentionSettingsCollection.Upsert(settings));

    public IReadOnlyList<ClientRecordDates> LoadClientRecordDates() =>
        RecordDates.Fold(Journal.FindAll(), _cases.FindAll(), _events.FindAll(), _clients.FindAll().ToDictionary(c => c.Id, c => c.PersonalIdentityNumber));

    public IReadOnlyList<DateTime> LoadDraftSaveTimes() => [.. _drafts.FindAll().Select(d => d.SavedUtc)];

    public long CountAccessLogBefore(DateTime beforeUtc) => Access.LongCount(Query.LT(nameof(AccessLogEntry.AtUtc), beforeUtc));

    public IReadOnlyList<Thinning> LoadThinnings() => [.. Thinnings.FindAll()];

    public Thinning ThinClientRecords(FileThinning batch, Thinning record)
    {
        InTransaction(() =>
        {
            foreach (long clientId in batch.ClientIds)
            {
                var entries = Journal.Find(Query.EQ(nameof(JournalEntry.ClientId), clientId)).Where(e => e.Series == batch.Series).ToList();
                List<Case> cases = batch.CaseTimelines ? [.. _cases.Find(Query.EQ(nameof(Case.ClientId), clientId))] : [];
                List<CaseEvent> events = [.. cases.SelectMany(c => _events.Find(Query.EQ(nameof(CaseEvent.CaseId), c.Id)))];
                if (RecordDates.WrittenSince(entries, events, cases, batch.LastEntryBeforeUtc) || entries.Count + events.Count == 0)
                {
                    continue;
                }

                foreach (JournalEntry e in entries)
                {
                    Journal.Delete(e.Id);
                }

                foreach (CaseEvent e in events)
                {
                    _events.Delete(e.Id);
                }

                record.ClientIds.Add(clientId);
                record.JournalEntries += entries.Count;
                record.CaseEvents += events.Count;
            }

            if (record.ClientIds.Count > 0)
            {
                Thinnings.Insert(record);
            }
        });
        return record;
    }

    public Thinning ThinAccessLog(DateTime beforeUtc, int max, Thinning record)
    {
        InTransaction(() =>
        {
            var ids = Access.Find(Query.LT(nameof(AccessLogEntry.AtUtc), beforeUtc), limit: max).Select(e => e.Id).ToList();
            foreach (long id in ids)
            {
                Access.Delete(id);
            }

            record.AccessLogEntries = ids.Count;
            if (ids.Count > 0)
            {
                Thinnings.Insert(record);
            }
        });
        return record;
    }

    public Thinning ThinDrafts(DateTime beforeUtc, Thinning record)
    {
        InTransaction(() =>
        {
            var ids = _drafts.FindAll().Where(d => d.SavedUtc < beforeUtc).Select(d => d.Id).ToList();
            foreach (string id in ids)
            {
                _drafts.Delete(id);
            }

            record.Drafts = ids.Count;
            if (ids.Count > 0)
            {
                Thinnings.Insert(record);
            }
        });
        return record;
    }
}
