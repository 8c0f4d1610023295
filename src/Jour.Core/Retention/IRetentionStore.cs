namespace Jour.Core.Retention;

/// <summary>
/// Retention: the settings, what the rules read, and the thinning. The three Thin methods are the only way
/// anything deletes a journal entry, a case's timeline or an access-log entry (a test checks); each deletes and
/// writes its <see cref="Thinning"/> record in one transaction.
/// </summary>
public interface IRetentionStore
{
    RetentionSettings? LoadRetentionSettings();

    void SaveRetentionSettings(RetentionSettings settings);

    /// <summary>Every client with anything in a journal series or a case timeline.</summary>
    IReadOnlyList<ClientRecordDates> LoadClientRecordDates();

    /// <summary>When each draft was last saved.</summary>
    IReadOnlyList<DateTime> LoadDraftSaveTimes();

    long CountAccessLogBefore(DateTime beforeUtc);

    IReadOnlyList<Thinning> LoadThinnings();

    /// <summary>Deletes the batch's files that are still due and records it; <paramref name="record"/> gets the ids and counts.</summary>
    Thinning ThinClientRecords(FileThinning batch, Thinning record);

    /// <summary>Deletes access-log entries before <paramref name="beforeUtc"/> (at most <paramref name="max"/>) and records it.</summary>
    Thinning ThinAccessLog(DateTime beforeUtc, int max, Thinning record);

    /// <summary>Deletes drafts last saved before <paramref name="beforeUtc"/> and records it.</summary>
    Thinning ThinDrafts(DateTime beforeUtc, Thinning record);
}
