using Jour.Core.Cases;
using Jour.Core.Demo;
using Jour.Core.Journals;
using Jour.Core.Retention;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests;

/// <summary>Thinning on a real file: exactly what is due goes, in one transaction with its record, and the database stays whole.</summary>
public sealed class RetentionStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-retention-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public void ThinClientRecords_Sol_RemovesOnlyTheDueSeries_AndRecordsIt()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "sol.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        var clients = store.LoadClients();
        long due = clients[0].Id, written = clients[1].Id;
        Append(store, due, JournalSeries.Sol, Now.AddYears(-6));
        Append(store, due, JournalSeries.Sol, Now.AddYears(-5).AddDays(-1));
        Append(store, due, JournalSeries.Lss, Now.AddYears(-6));
        Append(store, written, JournalSeries.Sol, Now.AddYears(-6));
        Append(store, written, JournalSeries.Sol, Now.AddDays(-1));
        var before = Everything(store);
        DateTime cutoff = Now.AddYears(-5);

        Thinning record = store.ThinClientRecords(
            new FileThinning(RetentionRules.Sol, JournalSeries.Sol, false, cutoff, [due, written]),
            new Thinning { AtUtc = Now, UserId = 7, Rule = RetentionRules.Sol, LastEntryBeforeUtc = cutoff });

        Assert.Empty(store.LoadJournal(due, JournalSeries.Sol));
        Assert.Single(store.LoadJournal(due, JournalSeries.Lss));
        Assert.Equal(2, store.LoadJournal(written, JournalSeries.Sol).Count);
        var after = Everything(store);
        Assert.Equal(before.Journal - 2, after.Journal);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(before.Access, after.Access);
        Thinning stored = Assert.Single(store.LoadThinnings());
        Assert.Equal(record.Id, stored.Id);
        Assert.Equal([due], stored.ClientIds);
        Assert.Equal(2, stored.JournalEntries);
        Assert.Equal(0, stored.CaseEvents);
        Assert.Equal(7, stored.UserId);
        Assert.Equal(RetentionRules.Sol, stored.Rule);
        Assert.True(store.Check().IsSound);
    }

    [Fact]
    public void ThinClientRecords_Lss_TakesTheTimelinesOfClosedCases_KeepsTheCasesAndTheirFacts_SkipsAnOpenCase()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "lss.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        var cases = Enum.GetValues<CaseState>().SelectMany(store.LoadCases).ToList();
        long closedOnly = cases.GroupBy(c => c.ClientId).First(g => g.All(c => !c.IsOpen)).Key;
        long withOpen = cases.First(c => c.IsOpen).ClientId;
        Append(store, closedOnly, JournalSeries.Lss, Now.AddYears(-3));
        Append(store, withOpen, JournalSeries.Lss, Now.AddYears(-3));
        var closedCases = cases.Where(c => c.ClientId == closedOnly).ToList();
        int events = closedCases.Sum(c => store.LoadTimeline(c.Id).Count);
        int openEvents = cases.Where(c => c.ClientId == withOpen).Sum(c => store.LoadTimeline(c.Id).Count);
        DateTime cutoff = Now;

        Thinning record = store.ThinClientRecords(
            new FileThinning(RetentionRules.LssPrivate, JournalSeries.Lss, true, cutoff, [closedOnly, withOpen]),
            new Thinning { AtUtc = Now, UserId = 7, Rule = RetentionRules.LssPrivate, LastEntryBeforeUtc = cutoff });

        Assert.Equal([closedOnly], record.ClientIds);
        Assert.Equal(events, record.CaseEvents);
        Assert.True(events > 0);
        Assert.All(closedCases, c => Assert.Empty(store.LoadTimeline(c.Id)));
        Assert.All(closedCases, c => Assert.NotNull(store.FindCase(c.Id)));
        Assert.Empty(store.LoadJournal(closedOnly, JournalSeries.Lss));
        Assert.Single(store.LoadJournal(withOpen, JournalSeries.Lss));
        Assert.Equal(openEvents, cases.Where(c => c.ClientId == withOpen).Sum(c => store.LoadTimeline(c.Id).Count));
        Assert.Empty(store.CompareFacts().Differences);
        Assert.True(store.Check().IsSound);
    }

    [Fact]
    public void ThinAccessLog_TakesAtMostTheBatch_OldestFirst_AndNothingRecordsNothing()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "log.db"), "k", mayCreate: true);
        for (int i = 0; i < 5; i++)
        {
            store.AppendAccess(new Core.AccessLog.AccessLogEntry { AtUtc = Now.AddYears(-6).AddDays(i), UserId = 1, ClientId = 1 });
        }

        store.AppendAccess(new Core.AccessLog.AccessLogEntry { AtUtc = Now, UserId = 1, ClientId = 1 });
        DateTime cutoff = Now.AddYears(-5);

        Assert.Equal(3, store.ThinAccessLog(cutoff, 3, new Thinning { Rule = RetentionRules.AccessLog }).AccessLogEntries);
        Assert.Equal(2, store.ThinAccessLog(cutoff, 3, new Thinning { Rule = RetentionRules.AccessLog }).AccessLogEntries);
        Assert.Equal(0, store.ThinAccessLog(cutoff, 3, new Thinning { Rule = RetentionRules.AccessLog }).Id);
        Assert.Single(store.LoadAccessLog(DateTime.MinValue, DateTime.MaxValue));
        Assert.Equal([3, 2], store.LoadThinnings().Select(t => t.AccessLogEntries));
    }

    private static void Append(LiteJourStore store, long clientId, JournalSeries series, DateTime atUtc) =>
        store.AppendJournalEntry(new JournalEntry { ClientId = clientId, Series = series, AtUtc = atUtc, AuthorId = 1, Text = "Anteckning" });

    private static (long Journal, long Events, long Access) Everything(LiteJourStore store) =>
        (store.Database.GetCollection("journal").LongCount(), store.Database.GetCollection("case_events").LongCount(), store.Database.GetCollection("access_log").LongCount());
}
