using System.Globalization;
using System.Text.Json;
using Jour.Cli;
using Jour.Configuration;
using Jour.Core.Generation;
using Jour.Core.Journals;
using Jour.Storage;
using Jour.Tests.Server;

namespace Jour.Tests.Cli;

/// <summary>
/// `jour retention` on eight generated years (issue 20, Done when): a dry run, then a thinning, SoL entries due and
/// thinned, no LSS entry or case timeline touched, `jour check` passing after, old backups named and kept.
/// </summary>
[Collection(nameof(CommandLineCollection))]
public sealed class RetentionCommandTests : IDisposable
{
    private static readonly LargeDataOptions s_eightYears = new()
    {
        Cases = 1_500,
        Clients = 300,
        Staff = 60,
        Years = 8,
        OpenCases = 40,
        UpcomingDeployments = 100,
        TimeReportsPerCase = 2,
        BatchSize = 500,
    };

    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly string _backups = Directory.CreateTempSubdirectory("jour-backups-").FullName;

    public RetentionCommandTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        Directory.Delete(_backups, recursive: true);
    }

    [Fact]
    public async Task DryRunThenThinning_OnEightGeneratedYears_ThinsDueSolOnly_AndJourCheckPasses()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = Directory.CreateTempSubdirectory("jour-retention-").FullName;
        var paths = new JourPaths(dir, null);
        Assert.Equal(0, GenerateCommand.Run(paths, dataDirGiven: true, s_eightYears, force: false, TextWriter.Null, TextWriter.Null));
        var before = Counts(paths);
        string old = Backup("jour-2019-01-01.db", DateTime.UtcNow.AddYears(-6));
        Backup("jour-last-night.db", DateTime.UtcNow.AddDays(-1));

        await using (TestServer server = TestServer.Start(dataDirectory: dir))
        {
            using JsonDocument dry = JsonDocument.Parse(await RunAsync(server, dryRun: true, "json"));
            JsonElement sol = dry.RootElement.GetProperty("sol");
            JsonElement lss = dry.RootElement.GetProperty("lss");
            int dueFiles = sol.GetProperty("due").GetInt32();
            long dueEntries = sol.GetProperty("journalEntries").GetInt64();
            Assert.True(dueFiles > 0, dry.RootElement.ToString());
            Assert.True(dueEntries >= dueFiles);
            Assert.Equal("lss-municipal", lss.GetProperty("rule").GetString());
            Assert.Equal(0, lss.GetProperty("due").GetInt32());
            Assert.False(dry.RootElement.GetProperty("thinned").GetBoolean());
            Assert.Equal([old], dry.RootElement.GetProperty("backupsToDelete").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains(dry.RootElement.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "access-log");

            // The dry run changed nothing: a second one finds the same.
            using JsonDocument again = JsonDocument.Parse(await RunAsync(server, dryRun: true, "json"));
            Assert.Equal(dueEntries, again.RootElement.GetProperty("sol").GetProperty("journalEntries").GetInt64());

            string text = await RunAsync(server, dryRun: false, "text");
            Assert.Contains("Gallrat och registrerat i", text);
            Assert.Contains($"gallrat: {dueFiles:N0} akter ({dueEntries:N0} anteckningar", text);

            using JsonDocument after = JsonDocument.Parse(await RunAsync(server, dryRun: true, "json"));
            Assert.Equal(0, after.RootElement.GetProperty("sol").GetProperty("due").GetInt32());

            var check = new StringWriter();
            Assert.Equal(0, await OperatorCommands.CheckAsync(server.Paths, null, false, check, ct));
            Assert.Contains("OK: databasen är hel", check.ToString());
            await server.StopAsync();

            var thinned = Counts(paths);
            Assert.Equal(before.Sol - dueEntries, thinned.Sol);
            Assert.Equal(before.Lss, thinned.Lss);
            Assert.Equal(before.Events, thinned.Events);
            Assert.Equal(before.Cases, thinned.Cases);
            Assert.True(thinned.Access < before.Access, "access-log entries older than five years are thinned too");
            Assert.Contains(thinned.Thinnings, t => t.Rule == "sol" && t.JournalEntries == dueEntries);
            Assert.True(File.Exists(old), "a backup is named, never deleted");
        }
    }

    [Fact]
    public void OldBackups_NamesOnlyDatabaseFilesWrittenBeforeTheDay()
    {
        string old = Backup("a.db", new DateTime(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc));
        Backup("b.db", new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));
        Backup("a.db.sha256", new DateTime(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal([old], RetentionCommand.OldBackups(_backups, new DateOnly(2021, 1, 1)));
        Assert.Empty(RetentionCommand.OldBackups(Path.Combine(_backups, "missing"), new DateOnly(2021, 1, 1)));
    }

    private async Task<string> RunAsync(TestServer server, bool dryRun, string format)
    {
        var output = new StringWriter();
        Assert.Equal(0, await RetentionCommand.RunAsync(server.Paths, dryRun, format, _backups, output, TestContext.Current.CancellationToken));
        return output.ToString();
    }

    private string Backup(string name, DateTime writtenUtc)
    {
        string path = Path.Combine(_backups, name);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    private static (long Sol, long Lss, long Events, long Cases, long Access, IReadOnlyList<Core.Retention.Thinning> Thinnings) Counts(JourPaths paths)
    {
        using LiteJourStore store = LiteJourStore.OpenFile(paths.Database, DatabaseKey.Resolve(paths.DataDirectory, paths.Database));
        var journal = store.Database.GetCollection<JournalEntry>("journal").FindAll().ToList();
        return (
            journal.LongCount(e => e.Series == JournalSeries.Sol),
            journal.LongCount(e => e.Series == JournalSeries.Lss),
            store.Database.GetCollection("case_events").LongCount(),
            store.CountCases(),
            store.Database.GetCollection("access_log").LongCount(),
            store.LoadThinnings());
    }
}
