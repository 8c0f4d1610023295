using Npgsql;

namespace Jour.Storage.Postgres;

// What a database holds before a store is opened on it: opening migrates, which binding a second data directory must not
// do to a database that has no Jour schema at all (jour store use refuses it instead).
public sealed partial class PgJourStore
{
    /// <summary>
    /// A data source with only the type handlers used (the full builder pulls in reflection-based JSON, which Native AOT
    /// trims badly) and TLS, which the slim builder leaves out unless asked: <c>SSL Mode=VerifyFull</c> must work.
    /// </summary>
    internal static NpgsqlDataSource NewSource(string connectionString) =>
        new NpgsqlSlimDataSourceBuilder(connectionString).EnableTransportSecurity().Build();

    /// <summary>The Jour schema version of the database at <paramref name="connectionString"/>, 0 when it has none; changes nothing.</summary>
    public static int SchemaVersionAt(string connectionString)
    {
        using NpgsqlDataSource source = NewSource(connectionString);
        using NpgsqlConnection connection = source.OpenConnection();
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        return PgMigrations.CurrentVersion(connection);
    }
}
