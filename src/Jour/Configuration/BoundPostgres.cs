namespace Jour.Configuration;

/// <summary>The PostgreSQL database a data directory is bound to, as the server and the command line connect to it.</summary>
internal static class BoundPostgres
{
    /// <summary>
    /// The full connection string, or null when the directory keeps its LiteDB file. MERGE (issue 22, pgmove): the one
    /// place to switch to <c>PostgresBinding.ConnectionOf(paths, config)</c>, which adds the sealed password; until
    /// then the connection string is used as jour.json holds it (the test clusters need no password).
    /// </summary>
    public static string? ConnectionOf(JourPaths paths, JourConfig config) =>
        string.IsNullOrWhiteSpace(config.PostgresConnection) ? null : config.PostgresConnection;
}
