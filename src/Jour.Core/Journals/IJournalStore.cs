namespace Jour.Core.Journals;

/// <summary>
/// Where journal entries are kept. There is deliberately no update and no delete: the journal is
/// append-only (a test checks that this port offers nothing else). The one exception is thinning under the
/// retention rules, <see cref="Retention.IRetentionStore.ThinClientRecords"/>.
/// </summary>
public interface IJournalStore
{
    /// <summary>One client's entries in one series, in no particular order.</summary>
    IReadOnlyList<JournalEntry> LoadJournal(long clientId, JournalSeries series);

    JournalEntry? FindJournalEntry(long id);

    /// <summary>Appends an entry and assigns its id.</summary>
    JournalEntry AppendJournalEntry(JournalEntry entry);
}
