using System.Diagnostics;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Generation;
using Jour.Core.Operations;
using Jour.Storage.Postgres;
using Jour.Testing;
using Npgsql;

namespace Jour.Storage.Tests.Postgres;

/// <summary>
/// `jour backup` and `jour check` on PostgreSQL: a pg_dump archive that pg_restore brings back with the same cases,
/// written as safely as LiteDB's copy; a check that finds what can be wrong in the content; opening refuses an empty
/// schema where the data directory had a database, and a server with fsync off; a reset empties everything at once.
/// </summary>
public sealed class PgMaintenanceTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("jour-pg-data-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("jour-pg-out-").FullName;
    private readonly List<PgJourStore> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(s => s.Dispose());
        Directory.Delete(_dataDirectory, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private (PgJourStore Store, string Connection) Generated()
    {
        string connection = cluster.NewSchema();
        PgJourStore store = PgJourStore.Open(connection, _dataDirectory);
        _opened.Add(store);
        LargeData.Generate(store, store, new LargeDataOptions { Cases = 120, Clients = 20, Staff = 10, OpenCases = 15, UpcomingDeployments = 20, BatchSize = 50 }, TimeProvider.System);
        return (store, connection);
    }

    [Fact]
    public void Backup_IsAPgDumpArchive_ThatPgRestoreBringsBack_WithTheSameCases_AndItsChecksum()
    {
        (PgJourStore store, string connection) = Generated();
        string target = Path.Combine(_elsewhere, "backup", "jour.dump");

        BackupResult result = store.BackupTo(target);

        Assert.Equal(BackupKind.PgDump, result.Kind);
        Assert.Equal(120, result.Cases);
        Assert.Equal(new FileInfo(target).Length, result.Bytes);
        Assert.Equal($"{result.Sha256}  jour.dump\n", File.ReadAllText(target + ".sha256"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }
        Assert.Throws<JourException>(() => store.BackupTo(target));

        // A real round trip: pg_restore into a new database, then the same cases by number, state and revision.
        string schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;
        string restored = RestoreIntoNewDatabase(target, schema);
        using PgJourStore copy = PgJourStore.Open(restored);
        Assert.Equal(store.CountCases(), copy.CountCases());
        Case someCase = store.LoadOpenCases()[0];
        Case copied = copy.FindCaseByNumber(someCase.Number)!;
        Assert.Equal((someCase.Id, someCase.State, someCase.Revision, someCase.ClientId), (copied.Id, copied.State, copied.Revision, copied.ClientId));
        Assert.True(copy.Check().IsSound);
    }

    [Fact]
    public void Backup_IntoTheDataDirectory_OrThroughALink_IsRefused()
    {
        (PgJourStore store, _) = Generated();
        string link = Path.Combine(_elsewhere, "link.dump");
        File.CreateSymbolicLink(link, Path.Combine(_elsewhere, "elsewhere.dump"));

        Assert.Equal(ErrorCodes.OutputInDataDirectory, Assert.Throws<JourException>(() => store.BackupTo(Path.Combine(_dataDirectory, "b.dump"))).Code);
        Assert.Equal(ErrorCodes.OutputIsLink, Assert.Throws<JourException>(() => store.BackupTo(link)).Code);
        Assert.Empty(Directory.GetFiles(_dataDirectory));
        Assert.False(File.Exists(Path.Combine(_elsewhere, "elsewhere.dump")));
    }

    [Fact]
    public void Check_OfAGeneratedDatabase_IsSound_AndCountsEveryTable()
    {
        (PgJourStore store, _) = Generated();

        CheckReport report = store.Check();

        Assert.True(report.IsSound, string.Join("; ", report.Findings.Select(f => f.Code + " " + string.Join(",", f.Args))));
        Assert.Equal(PgJourStore.LatestSchemaVersion, report.SchemaVersion);
        Assert.Equal(120, report.Counts.Single(c => c.Collection == "cases").Count);
        Assert.NotNull(report.LastActivityUtc);
        Assert.DoesNotContain("Password", report.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("UPDATE cases SET revision = revision + 7 WHERE id = (SELECT min(id) FROM cases)", "Check_ColumnDisagrees", "revision")]
    [InlineData("UPDATE cases SET state = 'Closed' WHERE id = (SELECT min(id) FROM cases WHERE state <> 'Closed')", "Check_ColumnDisagrees", "state")]
    [InlineData("UPDATE counters SET value = 1 WHERE id = (SELECT min(id) FROM counters)", "Check_CounterBehind", "")]
    [InlineData("DELETE FROM clients WHERE id = (SELECT min(client_id) FROM cases)", "Check_Dangling", "ClientId")]
    [InlineData("UPDATE deployments SET case_id = 99999 WHERE id = (SELECT min(id) FROM deployments)", "Check_Dangling", "CaseId")]
    [InlineData("UPDATE users SET doc = '{\"Id\": \"not a number\"}' WHERE id = (SELECT min(id) FROM users)", "Check_Unreadable", "users")]
    [InlineData("DELETE FROM meta", "Check_MetaMissing", "")]
    [InlineData("DROP TABLE handovers", "Check_Unreadable", "handovers")]
    [InlineData("UPDATE deployments SET doc = jsonb_set(doc, '{AssistantId}', '\"x\"') WHERE id = (SELECT min(id) FROM deployments)", "Check_Unreadable", "deployments")]
    [InlineData("INSERT INTO schema_migrations (version) VALUES (999)", "Check_SchemaNewer", "999")]
    public void Check_FindsWhatIsWrong(string damage, string code, string named)
    {
        (PgJourStore store, string connection) = Generated();
        Execute(connection, damage);

        CheckReport report = store.Check();

        Assert.False(report.IsSound);
        CheckFinding finding = Assert.Single(report.Findings, f => f.Code == code);
        Assert.True(named.Length == 0 || finding.Args.Contains(named), string.Join(",", finding.Args));

        // A step that fails spoils none after it: the cases are still counted.
        Assert.Equal(120, report.Counts.Single(c => c.Collection == "cases").Count);
    }

    [Fact]
    public void Open_AnEmptySchema_WhereTheDataDirectoryHadADatabase_IsRefused_AndCreatesNothing()
    {
        string connection = cluster.NewSchema();

        var ex = Assert.Throws<JourException>(() => PgJourStore.Open(connection, _dataDirectory, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(ErrorCodes.StoragePgEmpty, ex.Code);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'cases'"));
        using PgJourStore created = PgJourStore.Open(connection);
        Assert.True(created.WasCreated);
        using PgJourStore again = PgJourStore.Open(connection, _dataDirectory, DateTime.UtcNow);
        Assert.False(again.WasCreated);
    }

    [Fact]
    public async Task Open_OnAServerWithFsyncOff_IsRefused_ForAnAcknowledgedCommitCouldBeLost()
    {
        if (cluster.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        await using PostgresCluster careless = await PostgresCluster.StartWithAsync("-c fsync=off");

        var ex = Assert.Throws<JourException>(() => PgJourStore.Open(careless.NewSchema()));

        Assert.Equal(ErrorCodes.StoragePgNotDurable, ex.Code);
        Assert.Equal(["fsync", "off"], ex.Args.Skip(1));
    }

    [Fact]
    public void Reset_EmptiesEveryTable_AndRestartsNumbering_InOneTransaction()
    {
        (PgJourStore store, _) = Generated();

        store.Reset(isDemo: true);

        Assert.True(store.IsDemo);
        Assert.Equal(0, store.CountCases());
        CheckReport report = store.Check();
        Assert.True(report.IsSound);
        Assert.All(report.Counts, c => Assert.Equal(0, c.Count));
        Case added = store.AddCase(new Case { ClientId = 1, ReceivedUtc = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), UpdatedUtc = DateTime.UtcNow, Revision = 1 }, new CaseEvent { AtUtc = DateTime.UtcNow, To = CaseState.Received, Text = "t" });
        Assert.Equal("2026-0001", added.Number);
        Assert.Equal(1, added.Id);
    }

    private string RestoreIntoNewDatabase(string archive, string schema)
    {
        var admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        string database = "restored_" + schema;
        Execute(cluster.ConnectionString, $"CREATE DATABASE {database}");
        var start = new ProcessStartInfo(Path.Combine(PgBinaries.DirectoryWith("pg_restore")!, "pg_restore"))
        {
            RedirectStandardError = true,
            ArgumentList = { "--exit-on-error", "-h", admin.Host!, "-p", admin.Port.ToString(SwedishCulture.Instance), "-U", admin.Username!, "-d", database, archive },
        };
        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = database, SearchPath = schema }.ConnectionString;
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    private static long Scalar(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar(), SwedishCulture.Instance);
    }
}
