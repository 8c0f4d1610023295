using System.Globalization;
using Jour.Cli;
using Jour.Configuration;
using Jour.Core.Demo;
using Jour.Storage;
using Jour.Storage.Postgres;
using Jour.Testing;
using Npgsql;

namespace Jour.Tests.Postgres;

/// <summary>
/// `jour store` over TCP with <c>SSL Mode=VerifyFull</c>: a cluster whose certificate for localhost is signed by a test
/// authority; binding with that authority as the root works and the session is encrypted, another root is refused.
/// </summary>
public sealed class StoreTlsTests(TlsPostgresCluster cluster) : IClassFixture<TlsPostgresCluster>, IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly string _root = Directory.CreateTempSubdirectory("jour-tls-").FullName;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task MigrateAndUse_WithVerifyFull_Work_AndTheSessionIsEncrypted()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        string connection = cluster.NewTlsSchema(cluster.RootCertificate);
        JourPaths first = DataDirectory("first");
        using (LiteJourStore store = LiteJourStore.OpenFile(first.Database, DatabaseKey.Resolve(first.DataDirectory, first.Database), mayCreate: true))
        {
            DemoData.Seed(store, TimeProvider.System);
        }

        Assert.Equal(0, await StoreCommands.MigrateAsync(first, connection, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken));
        JourPaths second = DataDirectory("second");
        Assert.Equal(0, await StoreCommands.UseAsync(second, connection, TextWriter.Null, TestContext.Current.CancellationToken));

        var shown = new StringWriter();
        Assert.Equal(0, await StoreCommands.ShowAsync(second, shown));
        Assert.Contains("Värd: localhost", shown.ToString(), StringComparison.Ordinal);
        Assert.Contains("SSL-läge: VerifyFull", shown.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nås: ja", shown.ToString(), StringComparison.Ordinal);

        string bound = PostgresBinding.ConnectionOf(second, JourConfig.LoadOrCreate(second))!;
        Assert.Equal(SslMode.VerifyFull, PostgresBinding.Parse(bound).SslMode);
        await using var connectionOpened = new NpgsqlConnection(bound);
        await connectionOpened.OpenAsync(TestContext.Current.CancellationToken);
        await using var ssl = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connectionOpened);
        Assert.Equal(true, await ssl.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        using PgJourStore store2 = PgJourStore.Open(bound);
        Assert.Contains(store2.LoadUsers(), u => u.Name == DemoData.PinUserName);
    }

    [Fact]
    public async Task Use_WithAnotherRootCertificate_IsRefused_Clearly_AndNothingIsBound()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        string stranger = Certificates.Authority(Path.Combine(_root, "stranger"), "stranger");
        JourPaths paths = DataDirectory("refused");

        var refused = await Assert.ThrowsAsync<CliException>(() => StoreCommands.UseAsync(paths, cluster.NewTlsSchema(stranger), TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.StartsWith("PostgreSQL localhost:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("nås inte: servercertifikatet godtas inte", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"utfärdat av {stranger}", refused.Message, StringComparison.Ordinal);
        Assert.Null(JourConfig.LoadOrCreate(paths).PostgresConnection);
    }

    private JourPaths DataDirectory(string name)
    {
        var paths = new JourPaths(Directory.CreateDirectory(Path.Combine(_root, name)).FullName);
        JourConfig.LoadOrCreate(paths);
        return paths;
    }
}
