using System.Diagnostics;
using System.Globalization;
using Jour.Configuration;
using Jour.Core.Generation;
using Jour.Resources;
using Jour.Storage;
using Jour.Storage.Postgres;

namespace Jour.Cli;

/// <summary>
/// `jour generate`: believable data at scale for benchmarks and load tests, written straight into the
/// database of the data directory given with --data-dir. Safe by default: without --data-dir (the
/// ordinary database) it refuses unless --force; it refuses while a server owns the directory (it
/// holds the server lock itself while writing, so none can start); a database that holds real data
/// (not demo or generated) is refused unless --force, and then kept aside as jour.db.replaced-TIME,
/// never deleted. The generated database is marked demo: nobody in it is real.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(JourPaths paths, bool dataDirGiven, LargeDataOptions options, bool force, TextWriter output, TextWriter error)
    {
        Validate(options);
        if (!dataDirGiven && !force)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateNeedsDataDir, paths.DataDirectory));
        }

        paths.EnsureExists();
        FileStream serverLock;
        try
        {
            serverLock = new FileStream(paths.ServerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateServerRunning, paths.DataDirectory));
        }

        using (serverLock)
        {
            if (PostgresBinding.ConnectionOf(paths, JourConfig.LoadOrCreate(paths)) is { } connection)
            {
                return GeneratePostgres(connection, paths, options, output, error);
            }

            string key = DatabaseKey.Resolve(paths.DataDirectory, paths.Database);
            if (File.Exists(paths.Database))
            {
                bool demo;
                using (LiteJourStore existing = LiteJourStore.OpenFile(paths.Database, key))
                {
                    demo = existing.IsDemo;
                }

                if (!demo && !force)
                {
                    throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateRealDatabase, paths.Database));
                }

                if (demo)
                {
                    File.Delete(paths.Database);
                }
                else
                {
                    string aside = $"{paths.Database}.replaced-{DateTime.UtcNow:yyyyMMddTHHmmssZ}";
                    File.Move(paths.Database, aside);
                    error.WriteLine(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateKeptAside, aside));
                }
            }

            var clock = Stopwatch.StartNew();
            LargeDataSummary summary;
            using (LiteJourStore store = LiteJourStore.OpenFile(paths.Database, key, mayCreate: true))
            {
                summary = LargeData.Generate(store, store, options, TimeProvider.System, Progress(options, error));
            }

            Report(paths, summary, clock.Elapsed, paths.Database, new FileInfo(paths.Database).Length, output);
            return 0;
        }
    }

    /// <summary>
    /// The same data written through the same store ports into the bound PostgreSQL schema (the generator's reset empties
    /// it first, as it does a LiteDB file). Demo content (what a first server start seeds) may go; real content is refused even with --force: there is no file to keep aside,
    /// and `jour restore` is the way to replace it.
    /// </summary>
    private static int GeneratePostgres(string connection, JourPaths paths, LargeDataOptions options, TextWriter output, TextWriter error)
    {
        using PgJourStore store = PgJourStore.Open(connection, paths.DataDirectory);
        if (store.HoldsData() && !store.IsDemo)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateRealPostgres, store.Describe()));
        }

        var clock = Stopwatch.StartNew();
        LargeDataSummary summary = LargeData.Generate(store, store, options, TimeProvider.System, Progress(options, error));
        Report(paths, summary, clock.Elapsed, store.Describe(), store.StoredBytes(), output);
        return 0;
    }

    private static Action<int> Progress(LargeDataOptions options, TextWriter error)
    {
        int step = Math.Max(options.BatchSize, options.Cases / 10);
        int reported = 0;
        return written =>
        {
            if (written - reported >= step || (written == options.Cases && reported < written))
            {
                reported = written;
                error.WriteLine(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateProgress, written, options.Cases));
            }
        };
    }

    private static void Report(JourPaths paths, LargeDataSummary summary, TimeSpan elapsed, string where, long bytes, TextWriter output)
    {
        // The directory now has a database: were it to vanish, the server refuses to start an empty one.
        JourConfig config = JourConfig.LoadOrCreate(paths);
        config.DatabaseCreatedUtc ??= DateTime.UtcNow;
        config.Save(paths);
        output.WriteLine(string.Format(
            CultureInfo.CurrentCulture,
            CliText.Cli_GenerateDone,
            summary.Cases,
            summary.OpenCases,
            summary.Clients,
            summary.Providers,
            summary.Staff,
            summary.Officers,
            summary.Events,
            summary.Deployments,
            summary.UpcomingDeployments,
            summary.TimeReports,
            summary.UnsignedTimeReports,
            elapsed.TotalSeconds,
            where,
            bytes / (1024.0 * 1024.0)));
        LargeRecordsSummary r = summary.Records;
        output.WriteLine(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateRecords, r.SolEntries, r.LssEntries, r.AccessLogEntries, r.Incidents, r.Complaints));
    }

    private static void Validate(LargeDataOptions o)
    {
        Require(o.Cases >= 1, "--cases", "≥ 1");
        Require(o.Clients >= 1, "--clients", "≥ 1");
        Require(o.Staff >= 1, "--staff", "≥ 1");
        Require(o.Officers >= 1, "--officers", "≥ 1");
        Require(o.Providers >= 0, "--providers", "≥ 0");
        Require(o.Years > 0 && o.Years <= 50, "--years", "0–50");
        Require(o.OpenCases >= 0, "--open", "≥ 0");
        Require(o.UpcomingDeployments >= 0, "--upcoming", "≥ 0");
        Require(o.TimeReportsPerCase >= 0 && o.TimeReportsPerCase <= 50, "--reports-per-case", "0–50");
    }

    private static void Require(bool ok, string option, string allowed)
    {
        if (!ok)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_GenerateBadValue, option, allowed));
        }
    }
}
