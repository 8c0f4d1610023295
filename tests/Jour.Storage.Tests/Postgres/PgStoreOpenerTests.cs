using Jour.Core.Changes;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage.Postgres;
using Jour.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Storage.Tests.Postgres;

/// <summary>StoreOpener on a binding that names a PostgreSQL connection: a new database's first content as on LiteDB.</summary>
public sealed class PgStoreOpenerTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-pg-opener-").FullName;
    private readonly List<DateTime> _recorded = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private OpenedStore Open(string connection, bool demo, DateTime? createdUtc = null) =>
        StoreOpener.Open(
            new StoreBinding(_dir, Path.Combine(_dir, "jour.db"), createdUtc, demo, Reserve: null, connection),
            NullLogger.Instance,
            _recorded.Add,
            store => new JourUseCases(store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance));

    [Fact]
    public void AFirstStart_WithoutTheDemo_CreatesTheSchema_RecordsWhen_AndIssuesASetUpCodeStoredOnlyAsItsHash()
    {
        DateTime before = DateTime.UtcNow;
        OpenedStore opened = Open(cluster.NewSchema(), demo: false);
        using var store = (PgJourStore)opened.Store;

        Assert.Equal(StoreKind.PostgreSql, store.Kind);
        Assert.InRange(Assert.Single(_recorded), before, DateTime.UtcNow);
        Assert.NotNull(opened.SetUpCode);
        Assert.True(SetUpCode.Verify(opened.SetUpCode, store.LoadSetUpCodeHash()));
        Assert.False(store.IsDemo);
        Assert.Empty(store.LoadUsers());
        Assert.False(File.Exists(Path.Combine(_dir, "jour.db")));
    }

    [Fact]
    public void AFirstStart_WithTheDemo_SeedsIt_AndALaterStartNeitherSeedsAgainNorIssuesACode()
    {
        string connection = cluster.NewSchema();
        long cases;
        using (var first = (PgJourStore)Open(connection, demo: true).Store)
        {
            Assert.True(first.IsDemo);
            cases = first.CountCases();
            Assert.True(cases > 0);
        }

        OpenedStore again = Open(connection, demo: true, createdUtc: Assert.Single(_recorded));
        using var store = (PgJourStore)again.Store;

        Assert.Null(again.SetUpCode);
        Assert.Equal(cases, store.CountCases());
        Assert.Single(_recorded);
    }
}
