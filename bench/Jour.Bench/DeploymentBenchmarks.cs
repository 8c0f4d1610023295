using BenchmarkDotNet.Attributes;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Bench;

/// <summary>
/// Issue 5's numbers on an encrypted file (<see cref="BenchDatabase.Standard"/>: 500 assistants,
/// 500,000 past deployments, 2,000 in the next 24 hours): the ranked candidates for one window, and
/// the coverage gaps of the next 24 hours for 500 open cases.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class DeploymentBenchmarks
{
    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private long _caseId;
    private int _window;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = BenchDatabase.Open(_directory);

        // A case with a gap tonight: the window the officer looks for someone to send to.
        DateTime now = DateTime.UtcNow;
        Case gap = _store.LoadCases(CaseState.Staffing).First(c => c.NextUncoveredWindow(now) is not null);
        _caseId = gap.Id;
        _window = gap.Needs.IndexOf(gap.NextUncoveredWindow(now)!);
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public int RankedCandidates() => _useCases.GetCandidates(new CandidateRequest(_caseId, _window)).Candidates.Count(c => c.IsEligible);

    /// <summary>The board's rows with the next uncovered window of every open case, as the server answers them.</summary>
    [Benchmark]
    public int CoverageGaps() => _useCases.GetOpenCases().Count(c => c.NextGapFromUtc is not null);
}
