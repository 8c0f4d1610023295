using Jour.Cli;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Journals;
using Jour.Storage.Postgres;
using Jour.Testing;
using Jour.Tests.Server;
using Npgsql;

namespace Jour.Tests.Postgres;

/// <summary>`jour restore` on a data directory bound to PostgreSQL: a pg_dump archive replaces the schema, the old one is kept aside.</summary>
public sealed class PgRestoreTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("jour-pg-restore-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupThroughTheServer_RestoredAfterAChange_BringsTheOldDataBack_AndKeepsTheReplacedSchemaAside()
    {
        string connection = cluster.NewSchema();
        await using TestServer server = TestServer.Start(config: new JourConfig { PostgresConnection = connection });
        string archive = await BackUpAsync(server);
        await server.StopAsync();
        long written = Write(connection);

        var output = new StringWriter();
        Assert.Equal(0, await OperatorCommands.RestoreAsync(server.Paths, archive, force: false, output, TextWriter.Null, Ct));

        using (PgJourStore restored = PgJourStore.Open(connection))
        {
            Assert.Null(restored.FindJournalEntry(written));
            Assert.NotEmpty(restored.LoadClients());
        }

        string schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;
        string aside = Assert.Single(Schemas(connection), s => s.StartsWith(schema + "_before_restore_", StringComparison.Ordinal));
        using (PgJourStore kept = PgJourStore.Open(new NpgsqlConnectionStringBuilder(connection) { SearchPath = aside }.ConnectionString))
        {
            Assert.NotNull(kept.FindJournalEntry(written));
        }

        Assert.Contains(aside, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("OK: databasen är hel", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileAnotherServerIsConnected_ALiteDbFile_OrAWrongChecksum_IsRefused_AndNothingChanges()
    {
        string connection = cluster.NewSchema();
        await using TestServer server = TestServer.Start(config: new JourConfig { PostgresConnection = connection });
        string archive = await BackUpAsync(server);
        await server.StopAsync();
        long written = Write(connection);

        using (PgJourStore.Open(connection))
        {
            var inUse = await Assert.ThrowsAsync<CliException>(() => OperatorCommands.RestoreAsync(server.Paths, archive, force: true, TextWriter.Null, TextWriter.Null, Ct));
            Assert.Contains("Jour-anslutningar", inUse.Message, StringComparison.Ordinal);
            Assert.Contains("--force", inUse.Message, StringComparison.Ordinal);
        }

        string lite = Path.Combine(_elsewhere, "jour.db");
        await File.WriteAllBytesAsync(lite, [.. "\0\0\0\0LiteDB"u8], Ct);
        await File.WriteAllTextAsync(lite + ".sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(lite, Ct))) + "  jour.db\n", Ct);
        var notPgDump = await Assert.ThrowsAsync<CliException>(() => OperatorCommands.RestoreAsync(server.Paths, lite, force: false, TextWriter.Null, TextWriter.Null, Ct));
        Assert.Contains("jour store migrate", notPgDump.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(archive + ".sha256", new string('0', 64) + "  jour.dump\n", Ct);
        await Assert.ThrowsAsync<CliException>(() => OperatorCommands.RestoreAsync(server.Paths, archive, force: false, TextWriter.Null, TextWriter.Null, Ct));

        using PgJourStore unchanged = PgJourStore.Open(connection);
        Assert.NotNull(unchanged.FindJournalEntry(written));
        string schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;
        Assert.DoesNotContain(Schemas(connection), s => s.StartsWith(schema + "_before_restore_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARestoreThatFails_PutsTheReplacedSchemaBackUnderItsOwnName()
    {
        string source = cluster.NewSchema();
        string archive;
        await using (TestServer other = TestServer.Start(config: new JourConfig { PostgresConnection = source }))
        {
            archive = await BackUpAsync(other);
        }

        // The archive recreates its own schema, which still exists: the restore fails after the rename aside and undoes it.
        string connection = cluster.NewSchema();
        await using TestServer server = TestServer.Start(config: new JourConfig { PostgresConnection = connection });
        await server.StopAsync();
        long written = Write(connection);

        var failed = await Assert.ThrowsAsync<JourException>(() => OperatorCommands.RestoreAsync(server.Paths, archive, force: false, TextWriter.Null, TextWriter.Null, Ct));

        Assert.Equal(ErrorCodes.StorageRestoreFailed, failed.Code);
        using PgJourStore unchanged = PgJourStore.Open(connection);
        Assert.NotNull(unchanged.FindJournalEntry(written));
        string schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;
        Assert.DoesNotContain(Schemas(connection), s => s.StartsWith(schema + "_before_restore_", StringComparison.Ordinal));
    }

    private async Task<string> BackUpAsync(TestServer server)
    {
        string archive = Path.Combine(_elsewhere, "jour.dump");
        Assert.Equal(0, await OperatorCommands.BackupAsync(server.Paths, archive, TextWriter.Null, Ct));
        return archive;
    }

    /// <summary>A change after the backup: a journal entry the archive does not hold.</summary>
    private static long Write(string connection)
    {
        using PgJourStore store = PgJourStore.Open(connection);
        long clientId = store.LoadClients()[0].Id;
        return store.AppendJournalEntry(new JournalEntry { ClientId = clientId, Series = JournalSeries.Sol, AtUtc = DateTime.UtcNow, AuthorId = 1, Text = "after the backup" }).Id;
    }

    private static List<string> Schemas(string connection)
    {
        using var sql = new NpgsqlConnection(connection);
        sql.Open();
        using var command = new NpgsqlCommand("SELECT nspname FROM pg_namespace", sql);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
