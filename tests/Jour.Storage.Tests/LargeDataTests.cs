using System.Diagnostics;
using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.Generation;
using Jour.Storage;

namespace Jour.Storage.Tests;

/// <summary>The large-data generator (issue 9) on a real encrypted file, at a small scale.</summary>
public sealed class LargeDataTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc);

    private static readonly LargeDataOptions s_small = new()
    {
        Cases = 3_000,
        Clients = 200,
        Staff = 80,
        OpenCases = 140,
        UpcomingDeployments = 400,
        TimeReportsPerCase = 4,
        NowUtc = s_now,
        BatchSize = 500,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("jour-gen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generate_WritesTheRequestedShape_ThroughTheRealCaseMachine()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "a.db"), "k", mayCreate: true);
        var clock = Stopwatch.StartNew();
        LargeDataSummary summary = LargeData.Generate(store, store, s_small, TimeProvider.System);
        output.WriteLine($"{summary} in {clock.ElapsedMilliseconds} ms");

        Assert.True(store.IsDemo);
        Assert.Equal(3_000, store.CountCases());
        Assert.Empty(store.CompareFacts().Differences);
        Assert.Equal(140, store.CountOpenCases());
        Assert.Equal(200, store.LoadClients().Count);
        Assert.Equal(80, store.LoadStaff().Count);
        Assert.Equal(200, store.LoadClients().Select(c => c.PersonalIdentityNumber).Distinct().Count());

        // Every state of the lifecycle occurs, open ones only among the recent cases.
        foreach (CaseState state in Enum.GetValues<CaseState>())
        {
            Assert.NotEmpty(store.LoadCases(state));
        }

        // Case numbers are unique and follow time within a year.
        var all = Enum.GetValues<CaseState>().SelectMany(store.LoadCases).ToList();
        Assert.Equal(all.Count, all.Select(c => c.Number).Distinct().Count());

        // The next 24 hours hold the requested deployments, in every state a coming one can have.
        var coming = store.LoadDeployments(s_now, s_now.AddHours(24));
        Assert.Equal(400, summary.UpcomingDeployments);
        Assert.InRange(coming.Count, 400, 440);
        foreach (DeploymentState state in new[] { DeploymentState.Proposed, DeploymentState.Contacted, DeploymentState.Confirmed, DeploymentState.Declined, DeploymentState.OnSite })
        {
            Assert.Contains(coming, d => d.State == state);
        }

        // About the requested time reports per case; closed cases have every one signed, open ones may not.
        Assert.InRange(summary.TimeReports, 3_000 * 3.5, 3_000 * 4.5);
        Assert.InRange(summary.UnsignedTimeReports, 1, summary.TimeReports / 20);
        foreach (Case closed in store.LoadCases(CaseState.Closed).Take(300))
        {
            var deployments = store.LoadDeploymentsForCase(closed.Id);
            Assert.All(deployments.Where(d => d.State == DeploymentState.Completed), d => Assert.True(d.Report!.IsSigned));
            Assert.All(closed.Needs, w => Assert.Equal(deployments.Count(d => d.Covers && d.FromUtc <= w.FromUtc && d.ToUtc >= w.ToUtc), w.Confirmed));
            Assert.Equal(closed.Revision, store.LoadTimeline(closed.Id).Count);
            Assert.True(closed.UpdatedUtc < s_now);
        }

        // Bemannas has a gap in the next 24 hours; Bemannat has none.
        Assert.All(store.LoadCases(CaseState.Staffing), c => Assert.NotNull(c.NextUncoveredWindow(s_now)));
        Assert.All(store.LoadCases(CaseState.Covered), c => Assert.Null(c.NextUncoveredWindow(s_now)));
        Assert.Contains(store.LoadCases(CaseState.HandedBack), c => store.LoadDeploymentsForCase(c.Id).Any(d => d.OwesTimeReport));
    }

    [Fact]
    public void Generate_TheSameSeedAndNow_GiveTheSameData()
    {
        var small = s_small with { Cases = 400, OpenCases = 40, UpcomingDeployments = 100 };
        using LiteJourStore a = LiteJourStore.OpenFile(Path.Combine(_dir, "a.db"), "k", mayCreate: true);
        using LiteJourStore b = LiteJourStore.OpenFile(Path.Combine(_dir, "b.db"), "other key", mayCreate: true);
        LargeData.Generate(a, a, small, TimeProvider.System);
        LargeData.Generate(b, b, small, TimeProvider.System);

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(LargeDataFor(small with { Seed = 7 })));
    }

    private LiteJourStore LargeDataFor(LargeDataOptions options)
    {
        LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, $"s{options.Seed}.db"), "k", mayCreate: true);
        LargeData.Generate(store, store, options, TimeProvider.System);
        return store;
    }

    private static string Fingerprint(LiteJourStore store) => string.Join(
        "\n",
        Enum.GetValues<CaseState>().SelectMany(store.LoadCases).OrderBy(c => c.Id)
            .Select(c => $"{c.Number} {c.State} {c.ClientId} {c.ReceivedUtc:O} {c.UpdatedUtc:O} {c.Needs.Count} {store.LoadDeploymentsForCase(c.Id).Count}")
            .Concat(store.LoadStaff().Select(s => $"{s.Name} {string.Join(',', s.Competences)}"))
            .Concat(store.LoadClients().Select(c => $"{c.Name} {c.PersonalIdentityNumber}")));
}
