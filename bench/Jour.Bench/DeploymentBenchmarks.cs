using BenchmarkDotNet.Attributes;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Sessions;
using Jour.Core.Staff;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Bench;

/// <summary>
/// Issue 5's numbers on an encrypted file: the ranked candidates for one window with 500 assistants
/// and 50,000 past deployments, and the coverage gaps of the next 24 hours for 500 open cases.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class DeploymentBenchmarks
{
    private const int Assistants = 500;
    private const int PastDeployments = 50_000;
    private const int OpenCases = 500;

    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private long _caseId;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "bench-key");
        DemoData.Seed(_store, TimeProvider.System);
        var random = new Random(7);
        string[] skills = ["Lyft", "Sondmatning", "Epilepsi", "Teckenspråk", "Andningsstöd", "Insulin"];
        DateTime now = DateTime.UtcNow;
        var staff = _store.Database.GetCollection<StandbyAssistant>("staff");
        staff.InsertBulk(Enumerable.Range(0, Assistants).Select(i => new StandbyAssistant
        {
            Name = $"Assistent {i:000}",
            Phone = "070-000 00 00",
            Competences = [.. skills.Where(_ => random.Next(3) == 0)],
            WeeklyHourLimit = 40,
            IsBlocked = i % 97 == 0,
        }));
        long[] ids = [.. _store.LoadStaff().Select(s => s.Id)];
        long[] clients = [.. _store.LoadClients().Select(c => c.Id)];

        // Past deployments over two years, plus a few around tonight so the rest rules have work to do.
        var deployments = _store.Database.GetCollection<Deployment>("deployments");
        deployments.InsertBulk(Enumerable.Range(0, PastDeployments).Select(i =>
        {
            DateTime from = i < 2_000 ? now.AddHours(-random.Next(1, 24 * 8)) : now.AddHours(-random.Next(24 * 8, 24 * 730));
            return new Deployment { CaseId = 1, AssistantId = ids[random.Next(ids.Length)], FromUtc = from, ToUtc = from.AddHours(8), State = DeploymentState.Completed };
        }));

        var cases = _store.Database.GetCollection<Case>("cases");
        cases.InsertBulk(Enumerable.Range(0, OpenCases).Select(i => new Case
        {
            Number = $"B-{i:0000}",
            ClientId = clients[i % clients.Length],
            State = CaseState.Staffing,
            Urgency = (Urgency)(i % 3),
            ReceivedUtc = now.AddHours(-i),
            Needs =
            [
                new NeedWindow { FromUtc = now.AddHours(2 + (i % 20)), ToUtc = now.AddHours(10 + (i % 20)), Assistants = 2, Competences = ["Lyft"], Confirmed = i % 2 },
                new NeedWindow { FromUtc = now.AddHours(30), ToUtc = now.AddHours(38), Assistants = 1 },
            ],
        }));
        _caseId = _store.LoadOpenCases().First(c => c.Number == "B-0007").Id;
        _store.Checkpoint();
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public int RankedCandidates() => _useCases.GetCandidates(new CandidateRequest(_caseId, 0)).Candidates.Count(c => c.IsEligible);

    /// <summary>The board's rows with the next uncovered window of every open case, as the server answers them.</summary>
    [Benchmark]
    public int CoverageGaps() => _useCases.GetOpenCases().Count(c => c.NextGapFromUtc is not null);
}
