using BenchmarkDotNet.Attributes;
using Jour.Core.Changes;
using Jour.Core.Demo;
using Jour.Core.Handover;
using Jour.Core.UseCases;
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
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "bench-key", mayCreate: true);
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

    /// <summary>Where the time goes, stage by stage (bench/Jour.Bench.dll --profile-handover).</summary>
    public void Profile()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HandoverSummary summary = HandoverComposer.Compose(_source, _now, new HandoverOptions());
        double compose = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var blocks = HandoverText.Blocks(summary);
        double draw = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        string paged = HandoverText.Paged(summary);
        double pagedMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        for (int i = 0; i < 10_000; i++)
        {
            HandoverText.Local(_now.AddMinutes(i));
        }

        double local = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        for (int i = 0; i < 10_000; i++)
        {
            Jour.Core.Common.Messages.Get("Handover_NotConfirmed");
        }

        double get = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        for (int i = 0; i < 10_000; i++)
        {
            _ = HandoverText.Wrap("2026-11-23 22:00–07:00 (9 h)  Kalle Persson 073-100 10 10 och lite mer text så att raden blir lång nog att brytas", 4).ToList();
        }

        double wrap = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"10k Local {local:0.0} ms, 10k Messages.Get {get:0.0} ms, 10k Wrap {wrap:0.0} ms");
        Console.WriteLine($"compose {compose:0.0} ms, blocks {draw:0.0} ms ({blocks.Count} blocks), paged (blocks + pages) {pagedMs:0.0} ms, {paged.Length} chars");
    }

    [Benchmark(Description = "compose + A4 text, 500 open cases, 2,000 deployments/24 h")]
    public string ComposeAndDraw() => HandoverText.Paged(HandoverComposer.Compose(_source, _now, new HandoverOptions()));

    [Benchmark(Description = "continuity printout (72 h), compose + A4 text")]
    public string Continuity() => HandoverText.Paged(HandoverComposer.ComposeContinuity(_source, _now, new HandoverOptions()));

    [Benchmark(Description = "use case: load from the file, compose, A4 text")]
    public string UseCase() => _useCases.GetHandover(new HandoverRequest(null, false, false, true)).Text;
}
