using System.Globalization;
using Jour.Cli;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Journals;
using Jour.Core.Users;
using Jour.Storage;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Tests.Postgres;

/// <summary>
/// `jour store migrate / use / show` end to end on the throwaway cluster: a demo data directory moved into PostgreSQL
/// reads the same there (cases, timelines, journals, users and their PINs, counts), a second directory is bound to it,
/// and what must be refused is.
/// </summary>
public sealed class StoreCommandsTests(PostgresCluster cluster) : IDisposable
{
    // Trust login in the test cluster ignores it; it only has to stay out of jour.json and every output.
    private const string Password = "pg-secret-4711";
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly List<string> _dirs = [];

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        // A test server deletes the directory it ran in when it stops.
        foreach (string dir in _dirs.Where(Directory.Exists))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_ADemoDirectory_CopiesEverything_BindsTheDirectory_AndPutsTheFileAside()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        JourPaths paths = DemoDirectory();
        string schema = WithPassword(cluster.NewSchema());
        Snapshot before = Snapshot.Of(paths.Database, DatabaseKey.ResolveExisting(paths.DataDirectory));
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = await StoreCommands.MigrateAsync(paths, schema, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        string said = output.ToString() + error.ToString();
        Assert.Contains("Flyttade", said, StringComparison.Ordinal);
        Assert.Contains("LiteDB-filen är flyttad åt sidan till", said, StringComparison.Ordinal);
        Assert.Contains("Lösenordet är förseglat med datakatalogens nyckel", said, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, said, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(paths.Config), StringComparison.Ordinal);
        Assert.False(File.Exists(paths.Database), "the LiteDB file is out of the way");
        string aside = Assert.Single(Directory.GetFiles(paths.DataDirectory, "jour.db.moved-to-postgres-*"));
        Assert.Equal(before, Snapshot.Of(aside, DatabaseKey.ResolveExisting(paths.DataDirectory)));

        JourConfig config = JourConfig.LoadOrCreate(paths);
        string bound = PostgresBinding.ConnectionOf(paths, config)!;
        Assert.Equal(Password, PostgresBinding.Parse(bound).Password);
        using PgJourStore postgres = PgJourStore.Open(bound);
        Assert.Equal(before, Snapshot.Of(postgres));
        Assert.True(postgres.IsDemo);

        // The same PIN signs in: the user and its hash came over as they were.
        User pinUser = postgres.LoadUsers().Single(u => u.Name == DemoData.PinUserName);
        Assert.True(PinHasher.Verify(DemoData.PinUserPin, pinUser.PinHash));

        // The counters came along: the next case takes the next number of its year, never one already given.
        Case next = postgres.AddCase(
            new Case { ClientId = postgres.LoadClients()[0].Id, ReceivedUtc = DateTime.UtcNow, Revision = 1 },
            new CaseEvent { AtUtc = DateTime.UtcNow, Text = "test" });
        Assert.DoesNotContain(next.Number, before.CaseNumbers);
        Assert.Equal(
            before.CaseNumbers.Where(n => n.StartsWith(next.Number[..5], StringComparison.Ordinal)).Select(n => int.Parse(n[5..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1,
            int.Parse(next.Number[5..], CultureInfo.InvariantCulture));

        // Bound once: a second migrate is refused and changes nothing.
        var again = await Assert.ThrowsAsync<CliException>(() => StoreCommands.MigrateAsync(paths, schema, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Contains("redan bunden", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_IntoADatabaseThatHoldsJourData_IsRefused_AndTheDirectoryStaysAsItWas()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        string schema = cluster.NewSchema();
        Assert.Equal(0, await StoreCommands.MigrateAsync(DemoDirectory(), schema, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
        JourPaths second = DemoDirectory();
        string configBefore = File.ReadAllText(second.Config);

        var refused = await Assert.ThrowsAsync<JourException>(() => StoreCommands.MigrateAsync(second, schema, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.StorageMoveTargetNotEmpty, refused.Code);
        Assert.True(File.Exists(second.Database));
        Assert.Equal(configBefore, File.ReadAllText(second.Config));
    }

    [Fact]
    public async Task Use_BindsANewDirectory_ThroughTheUnixSocket_ToTheMovedDatabase_AndShowSaysWhere()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        JourPaths first = DemoDirectory();
        string schema = WithPassword(cluster.NewSchema());
        Assert.Equal(0, await StoreCommands.MigrateAsync(first, schema, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
        JourPaths second = NewDirectory();
        var output = new StringWriter();

        Assert.Equal(0, await StoreCommands.UseAsync(second, schema, output, TestContext.Current.CancellationToken));

        Assert.Contains("schemaversion " + PgJourStore.LatestSchemaVersion, output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(second.DataDirectory, DatabaseKey.FileName)), "the new directory has its own key");
        Assert.NotNull(JourConfig.LoadOrCreate(second).DatabaseCreatedUtc);
        Assert.NotEqual(JourConfig.LoadOrCreate(first).PostgresPasswordSealed, JourConfig.LoadOrCreate(second).PostgresPasswordSealed);
        Assert.DoesNotContain(Password, File.ReadAllText(second.Config), StringComparison.Ordinal);
        string host = PostgresBinding.Parse(schema).Host!;
        Assert.StartsWith("/", host, StringComparison.Ordinal);
        using (PgJourStore viaFirst = PgJourStore.Open(PostgresBinding.ConnectionOf(first, JourConfig.LoadOrCreate(first))!))
        using (PgJourStore viaSecond = PgJourStore.Open(PostgresBinding.ConnectionOf(second, JourConfig.LoadOrCreate(second))!))
        {
            Assert.Equal(Snapshot.Of(viaFirst), Snapshot.Of(viaSecond));
        }

        var shown = new StringWriter();
        Assert.Equal(0, await StoreCommands.ShowAsync(second, shown));
        string show = shown.ToString();
        Assert.Contains("Lagring: PostgreSQL", show, StringComparison.Ordinal);
        Assert.Contains($"Unix-uttag i {host}", show, StringComparison.Ordinal);
        Assert.Contains("Lösenord: förseglat i jour.json", show, StringComparison.Ordinal);
        Assert.Contains($"Nås: ja, schemaversion {PgJourStore.LatestSchemaVersion}", show, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, show, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhileAServerRuns_IsRefused_AndNothingMoves()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        JourPaths paths = DemoDirectory();
        string schema = cluster.NewSchema();
        await using (Server.TestServer server = Server.TestServer.Start(dataDirectory: paths.DataDirectory))
        {
            var refused = await Assert.ThrowsAsync<CliException>(() => StoreCommands.MigrateAsync(paths, schema, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
            Assert.Contains("En server kör", refused.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(paths.Database));
            Assert.Null(JourConfig.LoadOrCreate(paths).PostgresConnection);
            Assert.Equal(0, PgJourStore.SchemaVersionAt(schema));
        }
    }

    [Fact]
    public async Task Use_AnEmptyDatabase_OrADirectoryWithADatabase_IsRefused()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        string empty = cluster.NewSchema();
        JourPaths fresh = NewDirectory();

        var noSchema = await Assert.ThrowsAsync<CliException>(() => StoreCommands.UseAsync(fresh, empty, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Contains("jour store migrate", noSchema.Message, StringComparison.Ordinal);
        Assert.Null(JourConfig.LoadOrCreate(fresh).PostgresConnection);
        Assert.Equal(0, PgJourStore.SchemaVersionAt(empty));

        var hasDatabase = await Assert.ThrowsAsync<CliException>(() => StoreCommands.UseAsync(DemoDirectory(), empty, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Contains("har redan en databas", hasDatabase.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ALiteDbDirectory_SaysTheFile()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        JourPaths paths = DemoDirectory();
        var shown = new StringWriter();

        Assert.Equal(0, await StoreCommands.ShowAsync(paths, shown));

        Assert.Contains($"Lagring: LiteDB-filen {paths.Database}", shown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ADatabaseThatCannotBeReached_OrAPasswordThatCannotBeUnsealed_SaysWhy_WithExitCode1()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        JourPaths paths = NewDirectory();
        JourConfig config = JourConfig.LoadOrCreate(paths);
        var nowhere = new Npgsql.NpgsqlConnectionStringBuilder(cluster.NewSchema()) { Port = 1, Password = Password };
        PostgresBinding.Bind(config, nowhere.ConnectionString, DatabaseKey.Resolve(paths.DataDirectory, paths.Database));
        config.Save(paths);
        var shown = new StringWriter();

        Assert.Equal(1, await StoreCommands.ShowAsync(paths, shown));
        Assert.Contains("Nås: nej – PostgreSQL", shown.ToString(), StringComparison.Ordinal);

        // Another key in the directory: the sealed password cannot be opened, and show says so without it.
        File.WriteAllText(Path.Combine(paths.DataDirectory, DatabaseKey.FileName), Convert.ToBase64String(new byte[32]));
        shown = new StringWriter();
        Assert.Equal(1, await StoreCommands.ShowAsync(paths, shown));
        Assert.Contains("Nås: nej – Lösenordet till PostgreSQL", shown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, shown.ToString(), StringComparison.Ordinal);
    }

    private static string WithPassword(string connection) => new Npgsql.NpgsqlConnectionStringBuilder(connection) { Password = Password }.ConnectionString;

    private JourPaths NewDirectory()
    {
        string dir = Directory.CreateTempSubdirectory("jour-store-").FullName;
        _dirs.Add(dir);
        var paths = new JourPaths(dir);
        JourConfig.LoadOrCreate(paths);
        return paths;
    }

    /// <summary>A data directory with the demo database, as a first server start makes it.</summary>
    private JourPaths DemoDirectory()
    {
        JourPaths paths = NewDirectory();
        using (LiteJourStore store = LiteJourStore.OpenFile(paths.Database, DatabaseKey.Resolve(paths.DataDirectory, paths.Database), mayCreate: true))
        {
            DemoData.Seed(store, TimeProvider.System);
        }

        return paths;
    }

    /// <summary>What a person would see of a database: its cases with timelines, journals, users, and every table's count.</summary>
    private sealed record Snapshot(string Cases, string Journals, string Users, string Counts, IReadOnlyList<string> CaseNumbers)
    {
        public static Snapshot Of(string liteFile, string key)
        {
            using LiteJourStore store = LiteJourStore.OpenFile(liteFile, key);
            return Of(
                Enum.GetValues<CaseState>().SelectMany(store.LoadCases),
                store.LoadTimeline,
                store.LoadJournal,
                store.LoadUsers(),
                string.Join(", ", PgJourStore.CopiedTables.Select(t => $"{t}={store.Database.GetCollection(t).LongCount()}")));
        }

        public static Snapshot Of(PgJourStore store)
        {
            IReadOnlyDictionary<string, long> counts = store.CountRows();
            return Of(
                Enum.GetValues<CaseState>().SelectMany(store.LoadCases),
                store.LoadTimeline,
                store.LoadJournal,
                store.LoadUsers(),
                string.Join(", ", PgJourStore.CopiedTables.Select(t => $"{t}={counts[t]}")));
        }

        private static Snapshot Of(IEnumerable<Case> cases, Func<long, IReadOnlyList<CaseEvent>> timeline, Func<long, JournalSeries, IReadOnlyList<JournalEntry>> journal, IEnumerable<User> users, string counts)
        {
            List<Case> ordered = [.. cases.OrderBy(c => c.Id)];
            return new Snapshot(
                string.Join("\n", ordered.Select(c => $"{c.Id} {c.Number} {c.State} {c.Revision} {c.ClientId} {c.ReceivedUtc:O} " +
                    string.Join("|", timeline(c.Id).OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.AtUtc:O}:{e.Text}")))),
                string.Join("\n", ordered.Select(c => c.ClientId).Distinct().Order().SelectMany(client =>
                    Enum.GetValues<JournalSeries>().SelectMany(s => journal(client, s)).OrderBy(j => j.Id).Select(j => $"{j.Id} {j.ClientId} {j.Series} {j.AtUtc:O} {j.Text}"))),
                string.Join("\n", users.OrderBy(u => u.Id).Select(u => $"{u.Id} {u.Name} {u.Roles} {u.PinHash}")),
                counts,
                [.. ordered.Select(c => c.Number)]);
        }

        // Records compare lists by reference; the numbers are in Cases already.
        public bool Equals(Snapshot? other) => other is not null && (Cases, Journals, Users, Counts) == (other.Cases, other.Journals, other.Users, other.Counts);

        public override int GetHashCode() => HashCode.Combine(Cases, Journals, Users, Counts);
    }
}
