using Jour.Storage.Postgres;

namespace Jour.Testing;

/// <summary>Apart from <see cref="PostgresCluster"/>, which the end-to-end tests use without referencing Jour.Storage.</summary>
public static class PostgresClusterStores
{
    /// <summary>A store on a new, empty schema (skips the test when there is no PostgreSQL).</summary>
    public static PgJourStore NewStore(this PostgresCluster cluster) => PgJourStore.Open(cluster.NewSchema());
}
