using Jour.Core.Common;
using Jour.Core.Handover;
using Jour.Storage.Postgres;
using Jour.Testing;
using Npgsql;

namespace Jour.Storage.Tests.Postgres;

/// <summary>The schema's versioned migrations on a real PostgreSQL: applied once, each whole or not at all, never downwards.</summary>
public sealed class PgMigrationTests(PostgresCluster cluster)
{
    [Fact]
    public void Open_MigratesAnEmptySchemaToTheLatestVersion_AndOpeningAgainChangesNothing()
    {
        string connection = cluster.NewSchema();
        using (PgJourStore store = PgJourStore.Open(connection))
        {
            Assert.Equal(PgJourStore.LatestSchemaVersion, store.SchemaVersion);
            Assert.False(store.IsDemo);
        }

        using PgJourStore again = PgJourStore.Open(connection);
        Assert.Equal(Enumerable.Range(1, PgJourStore.LatestSchemaVersion), Versions(connection));
    }

    [Fact]
    public async Task TwoServersStartingTogether_MigrateOnce_AndBothWork()
    {
        string connection = cluster.NewSchema();
        Task<PgJourStore>[] starting = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(() => PgJourStore.Open(connection)))];
        PgJourStore[] stores = await Task.WhenAll(starting);
        try
        {
            Assert.Equal(Enumerable.Range(1, PgJourStore.LatestSchemaVersion), Versions(connection));
            HandoverRecord written = stores[0].AddHandover(new HandoverRecord { Notes = "från en" });
            Assert.Equal("från en", stores[2].FindHandover(written.Id)!.Notes);
        }
        finally
        {
            foreach (PgJourStore store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public void AMigrationThatFails_LeavesNothingOfItself_AndTheNextOpenCompletesIt()
    {
        string connection = cluster.NewSchema();
        // A table in the way of migration 2's last statement: its earlier statements must not stay behind.
        Execute(connection, "CREATE TABLE hygiene_checks (x int)");

        Assert.ThrowsAny<PostgresException>(() => PgJourStore.Open(connection));

        Assert.Equal([1], Versions(connection));
        Assert.False(TableExists(connection, "rotations"));
        Execute(connection, "DROP TABLE hygiene_checks");
        using PgJourStore store = PgJourStore.Open(connection);
        Assert.Equal(PgJourStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.True(TableExists(connection, "rotations"));
    }

    [Fact]
    public void ADatabaseMigratedByANewerJour_IsRefusedWithAClearCode()
    {
        string connection = cluster.NewSchema();
        using (PgJourStore.Open(connection))
        {
        }

        Execute(connection, $"INSERT INTO schema_migrations (version) VALUES ({PgJourStore.LatestSchemaVersion + 1})");

        var refused = Assert.Throws<JourException>(() => PgJourStore.Open(connection));
        Assert.Equal(ErrorCodes.StorageNewerSchema, refused.Code);
        Assert.Equal([(PgJourStore.LatestSchemaVersion + 1).ToString(SwedishCulture.Instance), PgJourStore.LatestSchemaVersion.ToString(SwedishCulture.Instance)], refused.Args);
    }

    private static List<int> Versions(string connection)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", c);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static bool TableExists(string connection, string table)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", c);
        command.Parameters.AddWithValue("t", table);
        return (bool)command.ExecuteScalar()!;
    }

    private static void Execute(string connection, string sql)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
