using BenchmarkDotNet.Attributes;
using Jour.Core.Demo;
using Jour.Core.Handover;
using Jour.Core.Sessions;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Bench;

/// <summary>
/// Issue 6's numbers on an encrypted file with 500 open cases and 2,000 deployments in the next 24 hours:
/// composing and drawing the handover (A4 pages), the continuity printout, and the whole use case with
/// loading from the store.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class HandoverBenchmarks
{
    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private HandoverSource _source = null!;
    private DateTime _now;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "bench-key");
        DemoData.Seed(_store, TimeProvider.System);
        _now = DateTime.UtcNow;
        HandoverData.Fill(_store, _now);
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);

        // The composer's input exactly as the use case loads it, so the pure part is measured alone.
        var open = _store.LoadOpenCases();
        _source = new HandoverSource(
            true,
            [.. _useCases.GetOnCall(_now.AddDays(-2), _now.AddDays(4)).Select(s => new OfficerShift(s.StartUtc, s.EndUtc, s.OfficerName, s.OfficerPhone, s.OfficerId))],
            open,
            _store.LoadDeployments(open.Min(c => c.ReceivedUtc), _now.AddHours(72)),
            _store.LoadClients(),
            _store.LoadProviders(),
            _store.LoadStaff());
        int planned = HandoverComposer.Compose(_source, _now, new HandoverOptions()).Deployments.Count;
        Console.WriteLine($"// open cases {open.Count}, deployments in the next 24 h {planned}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "compose + A4 text, 500 open cases, 2,000 deployments/24 h")]
    public string ComposeAndDraw() => HandoverText.Paged(HandoverComposer.Compose(_source, _now, new HandoverOptions()));

    [Benchmark(Description = "continuity printout (72 h), compose + A4 text")]
    public string Continuity() => HandoverText.Paged(HandoverComposer.ComposeContinuity(_source, _now, new HandoverOptions()));

    [Benchmark(Description = "use case: load from the file, compose, A4 text")]
    public string UseCase() => _useCases.GetHandover(new HandoverRequest(null, false, false, true)).Text;
}
