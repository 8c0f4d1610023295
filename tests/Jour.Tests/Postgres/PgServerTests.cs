using Jour.Cli;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Server;
using Jour.Storage;
using Jour.Testing;
using Jour.Tests.Server;

namespace Jour.Tests.Postgres;

/// <summary>A server whose data directory is bound to PostgreSQL: it creates the demo there, serves sessions, backs up and checks.</summary>
public sealed class PgServerTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("jour-pg-backup-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AServerBoundToPostgreSql_CreatesTheDemoThere_ServesASession_AndBacksUpAndChecksThroughIt()
    {
        var config = new JourConfig { PostgresConnection = cluster.NewSchema() };
        await using TestServer server = TestServer.Start(config: config);

        Assert.NotNull(config.DatabaseCreatedUtc);
        Assert.False(File.Exists(server.Paths.Database), "no LiteDB file beside a PostgreSQL binding");
        using (SocketJourService session = await CliSession.OpenAsync(server.Paths, Ct))
        {
            Assert.True((await session.SendAsync(new GetInstallInfo(), Ct)).IsDemo);
            IReadOnlyList<CaseSummary> board = await session.SendAsync(new GetOpenCases(), Ct);
            Assert.NotEmpty(board);
        }

        var backup = new StringWriter();
        string target = Path.Combine(_elsewhere, "jour.dump");
        Assert.Equal(0, await OperatorCommands.BackupAsync(server.Paths, target, backup, Ct));
        Assert.Contains("pg_dump", backup.ToString(), StringComparison.Ordinal);
        Assert.True(new FileInfo(target).Length > 0);
        Assert.True(File.Exists(target + ".sha256"));

        var check = new StringWriter();
        Assert.Equal(0, await OperatorCommands.CheckAsync(server.Paths, null, false, check, Ct));
        Assert.Contains("OK: databasen är hel", check.ToString(), StringComparison.Ordinal);
        Assert.Contains("postgresql://", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaterStart_OpensTheSameDatabase_WithoutSeedingAgain_AndAnEmptySchemaWhereOneWasCreated_IsRefused()
    {
        string connection = cluster.NewSchema();
        var config = new JourConfig { PostgresConnection = connection };
        string dataDirectory = Directory.CreateTempSubdirectory("jour-server-").FullName;
        int cases;
        TestServer first = TestServer.Start(config: config, dataDirectory: dataDirectory);
        using (SocketJourService session = await CliSession.OpenAsync(first.Paths, Ct))
        {
            cases = (await session.SendAsync(new GetOpenCases(), Ct)).Count;
        }

        await first.StopAsync();

        // With no server running: `jour check` reads the database without migrating it (restore: PgRestoreTests).
        var check = new StringWriter();
        Assert.Equal(0, await OperatorCommands.CheckAsync(first.Paths, null, false, check, Ct));
        Assert.Contains("OK: databasen är hel", check.ToString(), StringComparison.Ordinal);

        // --rebuild-facts: nothing to rebuild on PostgreSQL is said plainly, and the check runs as asked (exit 0).
        var rebuild = new StringWriter();
        Assert.Equal(0, await OperatorCommands.CheckAsync(first.Paths, null, true, rebuild, Ct));
        Assert.Contains("inte har någon sammanställning att bygga om", rebuild.ToString(), StringComparison.Ordinal);
        Assert.Contains("OK: databasen är hel", rebuild.ToString(), StringComparison.Ordinal);

        await using (TestServer again = TestServer.Start(config: config, dataDirectory: dataDirectory))
        {
            using SocketJourService session = await CliSession.OpenAsync(again.Paths, Ct);
            Assert.Equal(cases, (await session.SendAsync(new GetOpenCases(), Ct)).Count);
        }

        // The same settings (a database recorded as created) bound to an empty schema: refused, nothing created.
        var moved = new JourConfig { PostgresConnection = cluster.NewSchema(), DatabaseCreatedUtc = config.DatabaseCreatedUtc };
        var paths = new JourPaths(Directory.CreateTempSubdirectory("jour-server-").FullName, null);
        try
        {
            using var host = new ServerHost(paths, moved, null, new RecordingLoggerProvider(), PeerPolicy.FromConfig(moved));
            var refused = Assert.Throws<JourException>(host.Start);
            Assert.Equal(ErrorCodes.StoragePgEmpty, refused.Code);
        }
        finally
        {
            Directory.Delete(paths.DataDirectory, recursive: true);
        }
    }
}
