using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Resources;
using Jour.Storage;
using Jour.Storage.Postgres;
using Npgsql;

namespace Jour.Cli;

/// <summary>
/// `jour store migrate --to CONNECTION`, `jour store use CONNECTION`, `jour store show` (issue 22): which store a data
/// directory is bound to. Migrate and use change what the server opens, so they refuse while a server runs and hold the
/// server lock meanwhile, as restore does. The connection's password never reaches jour.json, the output or a log in
/// the clear: <see cref="PostgresBinding"/> seals it with the directory's database key.
/// </summary>
internal static class StoreCommands
{
    public static async Task<int> MigrateAsync(JourPaths paths, string connection, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using FileStream serverLock = await OperatorCommands.TakeServerLockAsync(paths, cancellationToken);
        JourConfig config = JourConfig.LoadOrCreate(paths);
        RefuseBound(paths, config);
        if (!LiteJourStore.FileIsThere(paths.Database))
        {
            throw new CliException(Format(CliText.Store_NoDatabase, paths.Database));
        }

        NpgsqlConnectionStringBuilder target = PostgresBinding.Parse(connection);
        string key = DatabaseKey.ResolveExisting(paths.DataDirectory);
        CheckReport check = DatabaseCheck.RunFile(paths.Database, key);
        if (!check.IsSound)
        {
            await OperatorCommands.Print(check, error);
            throw new CliException(Format(CliText.Store_MigrateUnsound, paths.Database));
        }

        await error.WriteLineAsync(Format(CliText.Store_MigrateChecked, paths.Database, check.Seconds));
        MoveReport report;
        using (PgJourStore postgres = Open(target))
        using (LiteJourStore lite = LiteJourStore.OpenFile(paths.Database, key))
        {
            await error.WriteLineAsync(Format(CliText.Store_MigrateCopying, Where(target)));
            report = LiteToPostgres.Move(lite, postgres, table => error.WriteLine(Format(CliText.Store_MigrateTable, table.Name, table.Rows)));
        }

        // Bound first, then the file aside: a stop between the two leaves a directory that opens PostgreSQL, never an empty file.
        PostgresBinding.Bind(config, connection, key);
        config.Save(paths);
        string aside = MoveAside(paths);

        await output.WriteLineAsync(Format(CliText.Store_MigrateCountsHeader, "", "LiteDB", "PostgreSQL"));
        foreach (MovedTable table in report.Tables)
        {
            await output.WriteLineAsync(Format(CliText.Store_MigrateCounts, table.Name, table.LiteRows, table.PostgresRows));
        }

        await output.WriteLineAsync(Format(
            CliText.Store_MigrateDone,
            report.Tables.Sum(t => t.PostgresRows),
            report.Tables.Count,
            Where(target),
            report.Copying.TotalSeconds,
            report.Checking.TotalSeconds,
            report.MonthsCompared,
            clock.Elapsed.TotalSeconds));
        await output.WriteLineAsync(Format(CliText.Store_MigrateBound, paths.DataDirectory));
        await output.WriteLineAsync(Sealed(config));
        await output.WriteLineAsync(Format(CliText.Store_MigrateAside, aside));
        return 0;
    }

    public static async Task<int> UseAsync(JourPaths paths, string connection, TextWriter output, CancellationToken cancellationToken)
    {
        using FileStream serverLock = await OperatorCommands.TakeServerLockAsync(paths, cancellationToken);
        JourConfig config = JourConfig.LoadOrCreate(paths);
        RefuseBound(paths, config);
        if (LiteJourStore.FileIsThere(paths.Database))
        {
            throw new CliException(Format(CliText.Store_UseHasDatabase, paths.DataDirectory, paths.Database));
        }

        NpgsqlConnectionStringBuilder target = PostgresBinding.Parse(connection);
        int version = Reach(target, () => PgJourStore.SchemaVersionAt(target.ConnectionString));
        if (version == 0)
        {
            throw new CliException(Format(CliText.Store_UseEmpty, Where(target)));
        }

        if (version > PgJourStore.LatestSchemaVersion)
        {
            throw new JourException(ErrorCodes.StorageNewerSchema, version.ToString(CultureInfo.InvariantCulture), PgJourStore.LatestSchemaVersion.ToString(CultureInfo.InvariantCulture));
        }

        // A new directory gets its own key here, as a first server start would make one: the password is sealed with it.
        string key = DatabaseKey.Resolve(paths.DataDirectory, paths.Database);
        PostgresBinding.Bind(config, connection, key);

        // The directory has a database now, the bound one: nothing may ever create an empty LiteDB file in its place.
        config.DatabaseCreatedUtc ??= DateTime.UtcNow;
        config.Save(paths);
        await output.WriteLineAsync(Format(CliText.Store_UseDone, paths.DataDirectory, Where(target), version));
        await output.WriteLineAsync(Sealed(config));
        return 0;
    }

    public static async Task<int> ShowAsync(JourPaths paths, TextWriter output)
    {
        JourConfig config = JourConfig.LoadOrCreate(paths);
        await output.WriteLineAsync(Format(CliText.Store_ShowDirectory, paths.DataDirectory));
        if (string.IsNullOrWhiteSpace(config.PostgresConnection))
        {
            await output.WriteLineAsync(File.Exists(paths.Database)
                ? Format(CliText.Store_ShowLite, paths.Database, new FileInfo(paths.Database).Length / (1024.0 * 1024.0))
                : Format(CliText.Store_ShowLiteMissing, paths.Database));
            return 0;
        }

        NpgsqlConnectionStringBuilder bound = PostgresBinding.Parse(config.PostgresConnection);
        await output.WriteLineAsync(CliText.Store_ShowPostgres);
        string host = bound.Host ?? "localhost";
        await output.WriteLineAsync(IsSocket(host) ? Format(CliText.Store_ShowSocket, host, bound.Port) : Format(CliText.Store_ShowHost, host, bound.Port));
        await output.WriteLineAsync(Format(CliText.Store_ShowDatabase, bound.Database ?? bound.Username ?? "—"));
        await output.WriteLineAsync(Format(CliText.Store_ShowUser, bound.Username ?? Environment.UserName));
        await output.WriteLineAsync(Format(CliText.Store_ShowSsl, bound.SslMode));
        await output.WriteLineAsync(string.IsNullOrEmpty(config.PostgresPasswordSealed) ? CliText.Store_ShowNoPassword : CliText.Store_ShowPassword);
        try
        {
            string full = PostgresBinding.ConnectionOf(paths, config)!;
            int version = Reach(bound, () => PgJourStore.SchemaVersionAt(full));
            await output.WriteLineAsync(Format(CliText.Store_ShowReachable, version, PgJourStore.LatestSchemaVersion));
            return 0;
        }
        catch (Exception ex) when (ex is CliException or JourException)
        {
            await output.WriteLineAsync(Format(CliText.Store_ShowUnreachable, ex is JourException j ? j.Localized : ex.Message));
            return 1;
        }
    }

    private static string Sealed(JourConfig config) => config.PostgresPasswordSealed is null ? CliText.Store_NoPasswordToSeal : CliText.Store_PasswordSealed;

    /// <summary>Opens (and migrates) the store at <paramref name="target"/>, a failure to connect said plainly.</summary>
    private static PgJourStore Open(NpgsqlConnectionStringBuilder target) => Reach(target, () => PgJourStore.Open(target.ConnectionString));

    /// <summary>
    /// Runs <paramref name="work"/> against the database, turning a failure to connect (refused, unknown host, login, TLS)
    /// into one line naming the database and the reason; Npgsql's messages never hold the password.
    /// </summary>
    private static T Reach<T>(NpgsqlConnectionStringBuilder target, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is NpgsqlException or AuthenticationException or SocketException or TimeoutException or IOException)
        {
            // .NET's own words for a refused certificate name a callback, not the reason an operator can act on.
            if (Causes(ex).Any(e => e is AuthenticationException))
            {
                throw new CliException(Format(CliText.Store_CertificateRefused, Where(target), target.Host ?? "localhost", target.RootCertificate ?? CliText.Store_SystemRoots, target.SslMode, Reason(ex)));
            }

            throw new CliException(Format(CliText.Store_Unreachable, Where(target), Reason(ex)));
        }
    }

    /// <summary>The messages of an exception and its causes, once each: a TLS refusal's reason is in the innermost one.</summary>
    private static string Reason(Exception ex) => string.Join(" – ", Causes(ex).Select(e => e.Message).Distinct());

    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>The database as shown to an operator: host (or socket directory), port, database and user; never the password.</summary>
    internal static string Where(NpgsqlConnectionStringBuilder target)
    {
        string host = target.Host ?? "localhost";
        return $"{host}:{target.Port}/{target.Database ?? target.Username ?? ""} ({target.Username ?? Environment.UserName})";
    }

    private static bool IsSocket(string host) => host.StartsWith('/') || host.StartsWith('@');

    private static void RefuseBound(JourPaths paths, JourConfig config)
    {
        if (!string.IsNullOrWhiteSpace(config.PostgresConnection))
        {
            throw new CliException(Format(CliText.Store_AlreadyBound, paths.DataDirectory, Where(PostgresBinding.Parse(config.PostgresConnection))));
        }
    }

    /// <summary>Renames the LiteDB file (and a log beside it) out of the server's way, kept whole and synced; returns where it went.</summary>
    private static string MoveAside(JourPaths paths)
    {
        string aside = LiteJourStore.MoveAside(paths.Database, "moved-to-postgres");
        DirectorySync.Sync(paths.DataDirectory);
        return aside;
    }

    private static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
