using Jour.Core.AccessLog;
using Jour.Core.Journals;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IJournalStore"/> and <see cref="IAccessLogStore"/> does, whichever database is under it.</summary>
public abstract class JournalStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IJournalStore, IAccessLogStore
{
    [Fact]
    public void AJournal_IsOneClientsOneSeries_EntriesAsWritten()
    {
        TStore store = Stores.Open();
        JournalEntry first = store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "Första\nrad två" });
        JournalEntry correction = store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 9), AuthorId = 2, Text = "Rättelse", CorrectsId = first.Id });
        store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Sol, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "SoL" });
        store.AppendJournalEntry(new JournalEntry { ClientId = 2, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "Annan" });

        Assert.Equal(["Första\nrad två", "Rättelse"], store.LoadJournal(1, JournalSeries.Lss).OrderBy(e => e.AtUtc).Select(e => e.Text));
        Assert.Equal(["SoL"], store.LoadJournal(1, JournalSeries.Sol).Select(e => e.Text));
        Assert.Empty(store.LoadJournal(3, JournalSeries.Lss));
        Assert.Equal(Whole(correction), Whole(store.FindJournalEntry(correction.Id)));
        Assert.Equal(first.Id, store.FindJournalEntry(correction.Id)!.CorrectsId);
        Assert.Null(store.FindJournalEntry(correction.Id + 1000));
    }

    [Fact]
    public void TheAccessLog_OnePersonsEntries_InTheWindow_AndNoOneElses()
    {
        TStore store = Stores.Open();
        DateTime day = At(2026, 11, 1, 12);
        for (int i = 0; i < 30; i++)
        {
            store.AppendAccess(new AccessLogEntry { AtUtc = day.AddDays(i), UserId = 1, ClientId = 1 + (i % 3) });
        }

        var mine = store.LoadAccessLog(day.AddDays(3), day.AddDays(12), clientId: 2);

        Assert.Equal([4, 7, 10], mine.Select(e => (e.AtUtc - day).Days).Order()); // in no promised order: readers sort
        Assert.All(mine, e => Assert.Equal(2, e.ClientId));
        Assert.Equal(9, store.LoadAccessLog(day.AddDays(3), day.AddDays(12)).Count);
        Assert.Equal(30, store.LoadAccessLog(day, day.AddDays(30)).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void AnAccessLogEntry_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new AccessLogEntry { AtUtc = At(2026, 5, 1, 3), UserId = 2, ClientId = 7, AssistantId = 4, What = AccessedData.JournalLss, Basis = AccessBasis.Emergency, CaseId = 9, Reason = "Akut: \"brand\"" };

        store.AppendAccess(written);

        AccessLogEntry read = Assert.Single(store.LoadAccessLog(At(2026, 5, 1), At(2026, 5, 2), 7));
        Assert.Equal(Whole(written), Whole(read));
        Assert.True(read.IsEmergency);
    }
}

public sealed class LiteJournalStoreTests() : JournalStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgJournalStoreTests(PostgresCluster cluster) : JournalStoreContract<PgJourStore>(new PgStores(cluster));
