using Jour.Cli;
using Jour.Configuration;
using Jour.Core.Generation;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Tests.Postgres;

/// <summary>`jour generate` on a data directory bound to PostgreSQL: the same generated data, written into the bound schema.</summary>
public sealed class PgGenerateTests(PostgresCluster cluster) : IDisposable
{
    private static readonly LargeDataOptions s_small = new()
    {
        Cases = 200,
        Clients = 40,
        Staff = 10,
        Years = 2,
        OpenCases = 10,
        UpcomingDeployments = 5,
        TimeReportsPerCase = 2,
        BatchSize = 50,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("jour-pg-generate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generate_FillsTheBoundSchema_WritesNoLiteDbFile_AndRefusesASchemaWithRealData()
    {
        string connection = cluster.NewSchema();
        var paths = new JourPaths(_dir);
        new JourConfig { PostgresConnection = connection }.Save(paths);
        var output = new StringWriter();

        Assert.Equal(0, GenerateCommand.Run(paths, dataDirGiven: true, s_small, force: false, output, TextWriter.Null));

        Assert.False(File.Exists(paths.Database), "no LiteDB file beside a PostgreSQL binding");
        Assert.Contains("postgresql://", output.ToString(), StringComparison.Ordinal);
        Assert.NotNull(JourConfig.LoadOrCreate(paths).DatabaseCreatedUtc);
        using (PgJourStore store = PgJourStore.Open(connection))
        {
            Assert.Equal(s_small.Cases, store.CountCases());
            Assert.True(store.IsDemo);
            Assert.True(store.Check().IsSound);

            // Generated data is demo data: a second generate replaces it; real data it refuses, even with --force.
            Assert.Equal(0, GenerateCommand.Run(paths, dataDirGiven: true, s_small, force: false, TextWriter.Null, TextWriter.Null));
            Assert.Equal(s_small.Cases, store.CountCases());
            store.Reset(isDemo: false);
            store.AddUser(new Jour.Core.Users.User { Name = "Riktig Admin", Roles = Jour.Core.Users.Role.Admin });
        }

        var refused = Assert.Throws<CliException>(() => GenerateCommand.Run(paths, dataDirGiven: true, s_small, force: true, TextWriter.Null, TextWriter.Null));
        Assert.Contains("riktiga data", refused.Message, StringComparison.Ordinal);
        using PgJourStore kept = PgJourStore.Open(connection);
        Assert.Equal(0, kept.CountCases());
    }
}
