using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>Empty PostgreSQL stores, each on a schema of its own in the test cluster.</summary>
public sealed class PgStores(PostgresCluster cluster) : IStores<PgJourStore>
{
    private readonly List<PgJourStore> _opened = [];
    private readonly Dictionary<PgJourStore, string> _connections = [];

    public PgJourStore Open()
    {
        string connection = cluster.NewSchema();
        PgJourStore store = PgJourStore.Open(connection);
        _opened.Add(store);
        _connections[store] = connection;
        return store;
    }

    public PgJourStore OpenAgain(PgJourStore first)
    {
        PgJourStore again = PgJourStore.Open(_connections[first]);
        _opened.Add(again);
        return again;
    }

    public Lock? OneWriterAtATime => null;

    public void Dispose() => _opened.ForEach(s => s.Dispose());
}
