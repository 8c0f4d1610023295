using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Core.Generation;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IBulkStore"/> does: the generator's many rows, stored as the single writes store them.</summary>
public abstract class BulkStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IBulkStore, ICaseStore, IDeploymentStore, IFollowUpStore, IJournalStore, IAccessLogStore, IIncidentStore
{
    [Fact]
    public void CaseHistories_AreNumberedAsNewCasesAre_AfterThoseThere_WithTheirTimelinesAndDeployments()
    {
        TStore store = Stores.Open();
        store.AddCase(new Case { ClientId = 1, ReceivedUtc = At(2026, 2, 1), Revision = 1 }, new CaseEvent());

        store.AddCaseHistories(
        [
            History(2, At(2026, 2, 2), reportStartUtc: At(2026, 2, 3, 6)),
            History(3, At(2026, 12, 31, 23, 30), reportStartUtc: null),
            History(4, At(2026, 3, 1), reportStartUtc: null),
        ]);

        Assert.Equal(
            [(1L, "2026-0001"), (2L, "2026-0002"), (3L, "2027-0001"), (4L, "2026-0003")],
            store.LoadOpenCases().Select(c => (c.ClientId, c.Number)).OrderBy(x => x.ClientId));
        Case second = store.LoadOpenCases().Single(c => c.ClientId == 2);
        Assert.Equal(["a", "b"], store.LoadTimeline(second.Id).Select(e => e.Text).Order(StringComparer.Ordinal));
        Assert.All(store.LoadTimeline(second.Id), e => Assert.Equal(second.Id, e.CaseId));
        Deployment d = Assert.Single(store.LoadDeploymentsForCase(second.Id));
        Assert.Equal(second.Id, d.CaseId);
        TimeReportLine line = Assert.Single(store.LoadTimeReportLines(At(2026, 2, 1), At(2026, 3, 1)));
        Assert.Equal((d.Id, "2026-0002"), (line.DeploymentId, line.CaseNumber));
        Assert.Equal(3, store.LoadCaseFacts(At(2026, 1, 1), At(2026, 12, 31)).Count);
        Assert.Equal(4, store.CountCases());
    }

    [Fact]
    public void JournalAccessLogIncidentsAndComplaints_AreAddedWithIds()
    {
        TStore store = Stores.Open();
        store.AddJournalEntries([new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, Text = "a" }, new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, Text = "b" }]);
        store.AddAccessLogEntries([new AccessLogEntry { ClientId = 1, AtUtc = At(2026, 5, 1) }, new AccessLogEntry { ClientId = 2, AtUtc = At(2026, 5, 1, 1) }]);
        store.AddIncidents([new Incident { Description = "i1", Revision = 1 }, new Incident { Description = "i2", Revision = 1 }]);
        store.AddComplaints([new Complaint { About = "k1", Revision = 1 }]);

        IReadOnlyList<JournalEntry> journal = store.LoadJournal(1, JournalSeries.Lss);
        Assert.Equal(["a", "b"], journal.Select(e => e.Text).Order(StringComparer.Ordinal));
        Assert.Equal(2, journal.Select(e => e.Id).Where(id => id > 0).Distinct().Count());
        Assert.Equal(2, store.LoadAccessLog(At(2026, 5, 1), At(2026, 5, 2)).Select(e => e.Id).Distinct().Count());
        Assert.Equal(["i1", "i2"], store.LoadIncidents().Select(i => i.Description).Order(StringComparer.Ordinal));
        Assert.Equal("k1", Assert.Single(store.LoadComplaints()).About);
    }

    [Fact]
    public void GivenIds_AreKept_AndNewRowsTakeIdsAfterThem()
    {
        TStore store = Stores.Open();
        store.AddJournalEntries(
        [
            new JournalEntry { Id = 10, ClientId = 1, Series = JournalSeries.Lss, Text = "a" },
            new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, Text = "b" },
            new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, Text = "c" },
        ]);
        store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, Text = "d" });

        Assert.Equal(
            [(10L, "a"), (11L, "b"), (12L, "c"), (13L, "d")],
            store.LoadJournal(1, JournalSeries.Lss).Select(e => (e.Id, e.Text)).OrderBy(e => e.Id));
    }

    private static CaseHistory History(long client, DateTime receivedUtc, DateTime? reportStartUtc)
    {
        var c = new Case { State = CaseState.Covered, ClientId = client, ReceivedUtc = receivedUtc, UpdatedUtc = receivedUtc, Revision = 1 };
        List<Deployment> deployments = reportStartUtc is { } start
            ? [new Deployment { AssistantId = 4, FromUtc = start, ToUtc = start.AddHours(8), State = DeploymentState.Completed, Report = new TimeReport { StartUtc = start, EndUtc = start.AddHours(8) } }]
            : [];
        return new CaseHistory(c, [new CaseEvent { AtUtc = receivedUtc, Text = "a" }, new CaseEvent { AtUtc = receivedUtc.AddHours(1), Text = "b" }], deployments);
    }
}

public sealed class LiteBulkStoreTests() : BulkStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgBulkStoreTests(PostgresCluster cluster) : BulkStoreContract<PgJourStore>(new PgStores(cluster));
