using BenchmarkDotNet.Attributes;
using Jour.Core.Changes;
using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Bench;

/// <summary>
/// Issue 8's numbers on the generated database (<see cref="BenchDatabase.Standard"/>: 100,000 cases
/// over a year, about 500,000 time reports, encrypted file): a year of statistics, and one month's
/// invoicing basis, each through the use case as the server runs it.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class FollowUpBenchmarks
{
    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private SessionInfo _finance = null!;
    private StatisticsRequest _year = null!;
    private StatisticsRequest _quarter = null!;
    private InvoiceRequest _month = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = BenchDatabase.Open(_directory);
        Prepare();
    }

    private void Prepare()
    {
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _finance = new SessionInfo(1, "bench", Role.Finance, false);
        DateOnly today = ReportPeriod.LocalDate(DateTime.UtcNow);
        _year = new StatisticsRequest(today.AddYears(-1).AddDays(1), today);
        ReportPeriod lastQuarter = ReportPeriod.QuarterOf(ReportPeriod.QuarterOf(today).From.AddDays(-1));
        _quarter = new StatisticsRequest(lastQuarter.From, lastQuarter.To);
        DateOnly last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        _month = new InvoiceRequest(last.Year, last.Month);

        StatisticsReport s = _useCases.GetStatistics(_year);
        InvoiceBasis b = _useCases.GetInvoiceBasis(_finance, _month);
        Console.WriteLine($"// year: {s.CasesReceived} cases received, {s.TimeReports} time reports, {s.MinutesDeployed / 60} h; month: {b.SignedCount} signed, {b.UnsignedCount} unsigned");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Stage timings on an existing data directory (a copy: the store opens it for writing).</summary>
    public static void Profile(string dataDir)
    {
        string key = File.ReadAllText(Path.Combine(dataDir, DatabaseKey.FileName)).Trim();
        var opened = System.Diagnostics.Stopwatch.StartNew();
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(dataDir, "jour.db"), key, mayCreate: true);
        Console.WriteLine($"open: {opened.ElapsedMilliseconds} ms");
        var b = new FollowUpBenchmarks { _store = store };
        b.Prepare();
        for (int i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            StatisticsReport s = b.StatisticsForAYear();
            long year = watch.ElapsedMilliseconds;
            watch.Restart();
            StatisticsReport q = b.StatisticsForAQuarter();
            long quarter = watch.ElapsedMilliseconds;
            watch.Restart();
            InvoiceBasis m = b.InvoiceBasisForAMonth();
            long invoice = watch.ElapsedMilliseconds;
            watch.Restart();
            ProviderBasis providers = b.ProviderBasisForAMonth();
            long providerBasis = watch.ElapsedMilliseconds;
            var period = new ReportPeriod(b._quarter.From, b._quarter.To);
            watch.Restart();
            var facts = store.LoadCaseFacts(period.FromUtc, period.ToUtc);
            long caseFacts = watch.ElapsedMilliseconds;
            watch.Restart();
            int earlier = store.ClientsWithCaseBefore(facts.Where(c => c.ReceivedUtc >= period.FromUtc).Select(c => c.ClientId), period.FromUtc).Count;
            Console.WriteLine($"  quarter's case facts {caseFacts} ms; clients with an earlier case {watch.ElapsedMilliseconds} ms ({earlier})");
            Console.WriteLine($"year of statistics: {year} ms ({s.TimeReports} reports); quarter: {quarter} ms ({q.TimeReports} reports, {q.NewPersons} new); month's invoicing basis: {invoice} ms ({m.SignedCount} signed); provider basis: {providerBasis} ms ({providers.Providers.Count} providers)");
        }
    }

    [Benchmark]
    public StatisticsReport StatisticsForAYear() => _useCases.GetStatistics(_year);

    [Benchmark]
    public StatisticsReport StatisticsForAQuarter() => _useCases.GetStatistics(_quarter);

    [Benchmark]
    public InvoiceBasis InvoiceBasisForAMonth() => _useCases.GetInvoiceBasis(_finance, _month);

    [Benchmark]
    public ProviderBasis ProviderBasisForAMonth() => _useCases.GetProviderBasis(_finance, new ProviderBasisRequest(_month.Year, _month.Month));
}
