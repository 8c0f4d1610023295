using Jour.Core.Cases;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests;

/// <summary>The follow-up fact blocks stay equal to what the cases and deployments say, through every kind of write.</summary>
public sealed class FollowUpFactsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-facts-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void AfterTheDemoSeed_TheFactsEqualTheCasesAndReports()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(PathOf("demo.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);

        FactsComparison facts = store.CompareFacts();

        Assert.Empty(facts.Differences);
        Assert.Equal(facts.Expected, facts.Stored);
        Assert.True(facts.Stored > store.CountCases(), "every case and every time report has a fact");
    }

    [Fact]
    public void ClientsWithCaseBefore_NamesOnlyThoseWithACaseReceivedEarlier_AndPaidHoursReadBackByMonth()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(PathOf("before.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        var byClient = store.LoadCaseFacts(DateTime.MinValue, DateTime.MaxValue).GroupBy(c => c.ClientId).ToList();
        var clientWithTwo = byClient.First(g => g.Select(c => c.ReceivedUtc).Distinct().Count() >= 2);
        DateTime second = clientWithTwo.Select(c => c.ReceivedUtc).Order().ElementAt(1);
        DateTime first = clientWithTwo.Min(c => c.ReceivedUtc);

        Assert.Equal([clientWithTwo.Key], store.ClientsWithCaseBefore([clientWithTwo.Key, clientWithTwo.Key], second));
        Assert.Empty(store.ClientsWithCaseBefore([clientWithTwo.Key], first));

        store.SavePaidHours([new Core.Contracts.PaidHours { Id = "1:2026-10", AssistantId = 1, Month = "2026-10", Hours = 160.5m, OtherContractHours = 40m }]);
        store.SavePaidHours([new Core.Contracts.PaidHours { Id = "1:2026-10", AssistantId = 1, Month = "2026-10", Hours = 150m }, new Core.Contracts.PaidHours { Id = "1:2026-11", AssistantId = 1, Month = "2026-11", Hours = 10m }]);
        Assert.Equal([("2026-10", 150m, 0m)], store.LoadPaidHours("2026-09", "2026-10").Select(p => (p.Month, p.Hours, p.OtherContractHours)));
        Assert.Equal(2, store.LoadPaidHours("2026-01", "2026-12").Count);
    }

    [Fact]
    public void AReportMovedToAnotherDay_AndSigned_LeavesItsOldDay_AndCountsSignedOnTheNew()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(PathOf("move.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Deployment d = store.LoadDeployments(now.AddDays(-150), now).First(x => x.Report is { IsSigned: false });
        DateTime oldStart = d.Report!.StartUtc;
        DateTime newStart = oldStart.AddDays(-3);

        d.Report.StartUtc = newStart;
        d.Report.EndUtc = d.Report.EndUtc.AddDays(-3);
        d.Report.AssistantSignedUtc = now;
        d.Report.ClientSignedUtc = now;
        store.UpdateDeployment(d);

        DateTime oldDay = ReportPeriod.StartOf(ReportPeriod.LocalDate(oldStart));
        Assert.DoesNotContain(store.LoadReportFacts(oldDay, oldDay.AddDays(1)), r => r.DeploymentId == d.Id);
        Assert.DoesNotContain(store.LoadTimeReportLines(oldDay, oldDay.AddDays(1)), l => l.DeploymentId == d.Id);
        ReportFact moved = Assert.Single(store.LoadReportFacts(newStart, newStart.AddTicks(1)), r => r.DeploymentId == d.Id);
        Assert.True(moved.IsSigned);
        Assert.Equal(InvoiceBasisBuilder.WorkedMinutes(d.Report), moved.Minutes);
        Assert.Empty(store.CompareFacts().Differences);
    }

    [Fact]
    public void ACaseThatEnds_LeavesTheOpenCases_AndIsCountedUntilItsEnd()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(PathOf("end.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Case open = store.LoadOpenCases().First(c => c.State is CaseState.Received);
        int revision = open.Revision;
        // UtcNow has finer ticks than LiteDB keeps; the fact must still equal the one rebuilt from the stored case.
        now = now.AddTicks(4_321);
        CaseEvent entry = open.Withdraw(now, 1, "Anordnaren löste det själv");
        open.Revision = revision + 1;
        Assert.True(store.TrySaveCase(open, revision, entry));

        Assert.Contains(store.LoadCaseFacts(now.AddMilliseconds(-1), now.AddDays(1)), c => c.CaseId == open.Id && c.State == CaseState.Withdrawn);
        Assert.DoesNotContain(store.LoadCaseFacts(now.AddMinutes(1), now.AddDays(1)), c => c.CaseId == open.Id);
        Assert.Empty(store.CompareFacts().Differences);
    }

    [Fact]
    public void AFileWithoutFacts_GetsThemBuiltOnOpen_EqualToTheCasesAndReports()
    {
        string path = PathOf("old.db");
        int lines;
        using (LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true))
        {
            DemoData.Seed(store, _time);
            DateTime now = _time.GetUtcNow().UtcDateTime;
            lines = store.LoadTimeReportLines(now.AddYears(-1), now).Count;

            // As a file from before the facts existed.
            store.Database.DropCollection("followup_facts");
        }

        using LiteJourStore reopened = LiteJourStore.OpenFile(path, "k", mayCreate: true);
        DateTime at = _time.GetUtcNow().UtcDateTime;

        Assert.True(lines > 0);
        Assert.Equal(lines, reopened.LoadTimeReportLines(at.AddYears(-1), at).Count);
        FactsComparison facts = reopened.CompareFacts();
        Assert.Empty(facts.Differences);
        Assert.Equal(facts.Expected, facts.Stored);
    }

    [Fact]
    public void CompareFacts_FindsABlockThatDisagrees()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(PathOf("bad.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        var blocks = store.Database.GetCollection("followup_facts");
        var block = blocks.FindOne(LiteDB.Query.StartsWith("_id", "r:"));
        blocks.Delete(block["_id"]);

        Assert.NotEmpty(store.CompareFacts().Differences);
    }
}
