using BenchmarkDotNet.Attributes;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Storage;

namespace Jour.Bench;

/// <summary>
/// The store's kept reads at 100,000 stored cases (<see cref="BenchDatabase.Standard"/>: 500 open, 2,000 clients)
/// once kept: what every board, every refresh and every register asks for. What a reader gets may not change what
/// the next reader sees (issue 17), and that may not cost the board noticeably.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class ReadCacheBenchmarks
{
    private string _directory = "";
    private LiteJourStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = BenchDatabase.Open(_directory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "open cases (500), kept")]
    public int OpenCases()
    {
        IReadOnlyList<Case> open = _store.LoadOpenCases();
        return open.Count + open[0].Needs.Count;
    }

    [Benchmark(Description = "clients (2,000), kept")]
    public int Clients()
    {
        IReadOnlyList<Client> clients = _store.LoadClients();
        return clients.Count + clients[0].Representatives.Count;
    }

    [Benchmark(Description = "client names (2,000), kept")]
    public int ClientNames() => _store.LoadClientNames().Count;
}
