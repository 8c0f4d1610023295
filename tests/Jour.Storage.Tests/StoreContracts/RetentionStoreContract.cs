using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Drafts;
using Jour.Core.Journals;
using Jour.Core.Retention;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>
/// What every <see cref="IRetentionStore"/> does, whichever database is under it: the rules read the same record
/// dates, and a thinning deletes exactly what is still due, with its record, in one transaction.
/// </summary>
public abstract class RetentionStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IRetentionStore, IJournalStore, IAccessLogStore, ICaseStore, IClientStore, IDraftStore
{
    private static readonly DateTime s_cutoff = At(2021, 1, 1);

    [Fact]
    public void TheSettings_ReadBackAsSaved_AndNoneBeforeTheFirstSave()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LoadRetentionSettings());

        store.SaveRetentionSettings(new RetentionSettings { OperatorKind = OperatorKind.Private, KeepResearchSample = false, AccessLogYears = 7 });
        store.SaveRetentionSettings(new RetentionSettings { OperatorKind = OperatorKind.Private, KeepResearchSample = true, AccessLogYears = 8 });

        RetentionSettings read = store.LoadRetentionSettings()!;
        Assert.Equal((OperatorKind.Private, (bool?)true, 8), (read.OperatorKind, read.KeepResearchSample, read.AccessLogYears));
    }

    [Fact]
    public void RecordDates_FoldBothSeries_TheTimelinesAndTheCasesOwnDates_PerClient()
    {
        TStore store = Stores.Open();
        Client anna = store.AddClient(new Client { Name = "Anna", PersonalIdentityNumber = "19500101-1234" });
        Client bo = store.AddClient(new Client { Name = "Bo", PersonalIdentityNumber = "19600101-2345" });
        store.AddClient(new Client { Name = "Utan anteckningar", PersonalIdentityNumber = "19700101-3456" });
        Note(store, anna.Id, JournalSeries.Sol, At(2019, 3, 1));
        Note(store, anna.Id, JournalSeries.Sol, At(2020, 3, 1));
        Note(store, anna.Id, JournalSeries.Lss, At(2018, 3, 1));
        AddCase(store, anna.Id, At(2019, 5, 1), CaseState.Closed, At(2019, 6, 1));
        AddCase(store, bo.Id, At(2024, 5, 1), CaseState.Staffing, null);

        var dates = store.LoadClientRecordDates().ToDictionary(d => d.ClientId);

        Assert.Equal([anna.Id, bo.Id], dates.Keys.Order());
        ClientRecordDates a = dates[anna.Id];
        Assert.Equal(("19500101-1234", At(2020, 3, 1), 2, 1, 1, false), (a.PersonalIdentityNumber, a.LastSolUtc, a.SolEntries, a.LssEntries, a.CaseEvents, a.HasOpenCase));
        Assert.Equal(At(2019, 6, 1), a.LastLssUtc);
        ClientRecordDates b = dates[bo.Id];
        Assert.Equal((null, 0, 1, true), (b.LastSolUtc, b.SolEntries, b.CaseEvents, b.HasOpenCase));
        Assert.Equal(At(2024, 5, 1), b.LastLssUtc);
    }

    [Fact]
    public void ThinClientRecords_TakesOnlyWhatIsStillDue_KeepsCasesAndOpenFiles_AndRecordsIt()
    {
        TStore store = Stores.Open();
        long due = store.AddClient(new Client { Name = "Due" }).Id;
        long writtenSince = store.AddClient(new Client { Name = "Written since" }).Id;
        long withOpenCase = store.AddClient(new Client { Name = "Open case" }).Id;
        Note(store, due, JournalSeries.Lss, At(2018, 1, 1));
        Note(store, due, JournalSeries.Sol, At(2018, 1, 1));
        Case dueCase = AddCase(store, due, At(2018, 2, 1), CaseState.Closed, At(2018, 3, 1));
        Note(store, writtenSince, JournalSeries.Lss, At(2018, 1, 1));
        Note(store, writtenSince, JournalSeries.Lss, At(2022, 1, 1));
        Note(store, withOpenCase, JournalSeries.Lss, At(2018, 1, 1));
        AddCase(store, withOpenCase, At(2018, 2, 1), CaseState.Staffing, null);

        Thinning record = store.ThinClientRecords(
            new FileThinning(RetentionRules.LssPrivate, JournalSeries.Lss, true, s_cutoff, [due, writtenSince, withOpenCase]),
            new Thinning { AtUtc = At(2026, 11, 23), UserId = 7, Rule = RetentionRules.LssPrivate, LastEntryBeforeUtc = s_cutoff });

        Assert.Equal([due], record.ClientIds);
        Assert.Equal((1, 1), (record.JournalEntries, record.CaseEvents));
        Assert.Empty(store.LoadJournal(due, JournalSeries.Lss));
        Assert.Single(store.LoadJournal(due, JournalSeries.Sol));
        Assert.Empty(store.LoadTimeline(dueCase.Id));
        Assert.NotNull(store.FindCase(dueCase.Id));
        Assert.Equal(2, store.LoadJournal(writtenSince, JournalSeries.Lss).Count);
        Assert.Single(store.LoadJournal(withOpenCase, JournalSeries.Lss));
        Thinning stored = Assert.Single(store.LoadThinnings());
        Assert.Equal((record.Id, 7L, RetentionRules.LssPrivate, 1, 1), (stored.Id, stored.UserId, stored.Rule, stored.JournalEntries, stored.CaseEvents));
        Assert.Equal([due], stored.ClientIds);
    }

    [Fact]
    public void ThinClientRecords_WithNothingDue_RecordsNothing()
    {
        TStore store = Stores.Open();
        long client = store.AddClient(new Client { Name = "Ny" }).Id;
        Note(store, client, JournalSeries.Sol, At(2025, 1, 1));

        Thinning record = store.ThinClientRecords(
            new FileThinning(RetentionRules.Sol, JournalSeries.Sol, false, s_cutoff, [client]),
            new Thinning { AtUtc = At(2026, 11, 23), UserId = 7, Rule = RetentionRules.Sol, LastEntryBeforeUtc = s_cutoff });

        Assert.Empty(record.ClientIds);
        Assert.Empty(store.LoadThinnings());
        Assert.Single(store.LoadJournal(client, JournalSeries.Sol));
    }

    [Fact]
    public void ThinAccessLog_TakesTheOldestUpToTheBatch_ThinDrafts_TheOnesSavedBefore()
    {
        TStore store = Stores.Open();
        for (int i = 0; i < 10; i++)
        {
            store.AppendAccess(new AccessLogEntry { AtUtc = At(2020, 1, 1).AddDays(i * 100), UserId = 1, ClientId = 1 });
        }

        store.SaveDraft(new Draft { Id = Draft.IdFor(1, "old"), UserId = 1, Form = "old", SavedUtc = At(2026, 1, 1) });
        store.SaveDraft(new Draft { Id = Draft.IdFor(1, "new"), UserId = 1, Form = "new", SavedUtc = At(2026, 11, 1) });
        DateTime before = At(2022, 1, 1);
        Assert.Equal(8, store.CountAccessLogBefore(before));
        Assert.Equal([At(2026, 1, 1), At(2026, 11, 1)], store.LoadDraftSaveTimes().Order());

        Thinning first = store.ThinAccessLog(before, 5, new Thinning { AtUtc = At(2026, 11, 23), Rule = RetentionRules.AccessLog, LastEntryBeforeUtc = before });
        Thinning second = store.ThinAccessLog(before, 5, new Thinning { AtUtc = At(2026, 11, 23), Rule = RetentionRules.AccessLog, LastEntryBeforeUtc = before });
        Thinning none = store.ThinAccessLog(before, 5, new Thinning { AtUtc = At(2026, 11, 23), Rule = RetentionRules.AccessLog, LastEntryBeforeUtc = before });
        Thinning drafts = store.ThinDrafts(At(2026, 6, 1), new Thinning { AtUtc = At(2026, 11, 23), Rule = RetentionRules.Drafts, LastEntryBeforeUtc = At(2026, 6, 1) });

        Assert.Equal((5, 3, 0, 1), (first.AccessLogEntries, second.AccessLogEntries, none.AccessLogEntries, drafts.Drafts));
        Assert.Equal(0, store.CountAccessLogBefore(before));
        Assert.Equal(2, store.LoadAccessLog(At(2019, 1, 1), At(2030, 1, 1)).Count);
        Assert.NotNull(store.FindDraft(Draft.IdFor(1, "new")));
        Assert.Null(store.FindDraft(Draft.IdFor(1, "old")));
        Assert.Equal(3, store.LoadThinnings().Count);
    }

    private static void Note(TStore store, long clientId, JournalSeries series, DateTime atUtc) =>
        store.AppendJournalEntry(new JournalEntry { ClientId = clientId, Series = series, AtUtc = atUtc, AuthorId = 2, Text = "anteckning" });

    private static Case AddCase(TStore store, long clientId, DateTime receivedUtc, CaseState state, DateTime? endedUtc) =>
        store.AddCase(
            new Case { State = state, ClientId = clientId, ReceivedUtc = receivedUtc, UpdatedUtc = receivedUtc, EndedUtc = endedUtc, Revision = 1 },
            new CaseEvent { AtUtc = receivedUtc, To = CaseState.Received, Text = "mottaget" });
}

public sealed class LiteRetentionStoreTests() : RetentionStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgRetentionStoreTests(PostgresCluster cluster) : RetentionStoreContract<PgJourStore>(new PgStores(cluster));
