using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage.Postgres;
using Jour.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>
/// The use cases over either store: the demo seeded into each, then the same session (take a case, deploy an
/// assistant, a stale save, hand over) through the real pipeline gives the same answers on LiteDB and PostgreSQL,
/// word for word — ids, numbers, revisions, states, refusals.
/// </summary>
public sealed class UseCaseParityTests(PostgresCluster cluster)
{
    [Fact]
    public async Task TheDemoAndOneNightsWork_GiveTheSameAnswers_OnLiteDbAndPostgreSql()
    {
        using LiteJourStore lite = LiteJourStore.InMemory();
        using PgJourStore pg = cluster.NewStore();

        List<string> onLite = await NightOn(lite);
        List<string> onPg = await NightOn(pg);

        Assert.Equal(onLite, onPg);
        Assert.Contains($"stale save: {ErrorCodes.CaseChangedByOther}", onPg);
        Assert.True(onPg.Count(line => line.StartsWith("board:", StringComparison.Ordinal)) >= 5, string.Join("\n", onPg));
        Assert.Contains(onPg, line => line.StartsWith("deployed:", StringComparison.Ordinal) && line.Contains(":Confirmed", StringComparison.Ordinal));
    }

    /// <summary>What a session sees, one line per answer; every step also asserts what must hold on any store.</summary>
    private static async Task<List<string>> NightOn(IJourStore store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 40, 0, TimeSpan.Zero));
        DemoData.Seed(store, time);
        Assert.True(store.IsDemo);
        var useCases = new JourUseCases(store, time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        using var service = new LocalJourService(useCases);
        SessionInfo session = await service.SendAsync(new SignInUser(useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, ""));
        var seen = new List<string> { $"signed in: {session.UserId} demo {session.IsDemo}" };

        IReadOnlyList<CaseSummary> board = await service.SendAsync(new GetOpenCases());
        seen.AddRange(board.Select(c => $"board: {c.Id} {c.Number} {c.State} {c.Urgency} r{c.Revision} {c.ClientName}"));

        // Take a case: the officer starts assessing a received one.
        CaseSummary received = board.First(c => c.State == CaseState.Received);
        time.Advance(TimeSpan.FromMinutes(3));
        CaseDetail taken = await service.SendAsync(new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision));
        Assert.Equal(received.Revision + 1, taken.Summary.Revision);
        seen.Add($"taken: {taken.Summary.Number} {taken.Summary.State} r{taken.Summary.Revision} timeline {taken.Timeline.Count}");

        // The same save again, from a screen that still shows the old revision: refused, nothing stored.
        seen.Add("stale save: " + await Refusal(() => service.SendAsync(new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision))));
        Assert.Equal(taken.Summary.Revision, (await service.SendAsync(new GetCase(received.Id))).Summary.Revision);

        // Deploy: the best eligible candidate for the first window of a case being staffed.
        CaseSummary staffing = board.First(c => c.State == CaseState.Staffing);
        CandidateList candidates = await service.SendAsync(new CandidateRequest(staffing.Id, 0));
        seen.AddRange(candidates.Candidates.Select(c => $"candidate: {c.AssistantId} {c.IsEligible} {c.NeedsOverride}"));
        CandidateData chosen = candidates.Candidates.First(c => c.IsEligible);
        time.Advance(TimeSpan.FromMinutes(2));
        CaseDetail deployed = await service.SendAsync(new AssignRequest(staffing.Id, 0, chosen.AssistantId, DeploymentState.Confirmed, chosen.NeedsOverride ? "ingen annan" : ""));
        seen.Add($"deployed: {deployed.Summary.Number} {deployed.Summary.State} r{deployed.Summary.Revision} " +
            string.Join(",", deployed.Deployments.Select(d => $"{d.Id}:{d.AssistantId}:{d.State}")));

        // Hand over at the end of the night.
        time.Advance(TimeSpan.FromHours(4));
        HandoverRecordData handover = await service.SendAsync(new HandoverNotesRequest("Lugn natt."));
        seen.Add($"handover: {handover.Id} {handover.Text.Length}");

        IReadOnlyList<CaseSummary> after = await service.SendAsync(new GetOpenCases());
        seen.AddRange(after.Select(c => $"after: {c.Id} {c.Number} {c.State} r{c.Revision}"));
        return seen;
    }

    private static async Task<string> Refusal(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return "saved";
        }
        catch (JourException ex)
        {
            return ex.Code;
        }
    }
}
