using System.Globalization;
using System.Security.Cryptography;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Resources;
using Jour.Storage;
using Jour.Storage.Postgres;

namespace Jour.Cli;

/// <summary>
/// `jour backup FILE`, `jour check [--file FILE]`, `jour restore FILE [--force]` (issue 9; on PostgreSQL, issue 22). A backup
/// and a check of the live database go through the server that owns the file, so sessions keep
/// working. A restore replaces the file itself, so it refuses while a server runs and holds the
/// server lock meanwhile: stopping the sessions first is the operator's deliberate act.
/// </summary>
internal static class OperatorCommands
{
    public static async Task<int> BackupAsync(JourPaths paths, string file, TextWriter output, CancellationToken cancellationToken)
    {
        string target = Path.GetFullPath(file);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        BackupResult result = await service.SendAsync(new BackupRequest(target), cancellationToken);
        await output.WriteLineAsync(Format(CliText.Cli_BackupDone, result.Path, result.Bytes / (1024.0 * 1024.0), result.Cases, result.Seconds, result.Sha256, result.Path + ".sha256"));
        if (result.Kind == BackupKind.PgDump)
        {
            await output.WriteLineAsync(CliText.Cli_BackupPgDump);
        }

        return 0;
    }

    public static async Task<int> CheckAsync(JourPaths paths, string? file, bool rebuildFacts, TextWriter output, CancellationToken cancellationToken)
    {
        CheckReport report;
        if (rebuildFacts && PostgresOf(paths) is not null)
        {
            // PostgreSQL keeps no follow-up facts beside the cases (its statistics are queries on them): nothing to rebuild
            // is no mistake of the operator's, so say so and check the database as asked, not refuse.
            await output.WriteLineAsync(Format(CliText.Cli_RebuildFactsPostgres, paths.DataDirectory));
            return await CheckAsync(paths, file, rebuildFacts: false, output, cancellationToken);
        }

        if (rebuildFacts)
        {
            if (await ServerLauncher.TryConnectAsync(paths, cancellationToken) is { } running)
            {
                running.Dispose();
                throw new CliException(Format(CliText.Cli_RebuildFactsServerRunning, paths.DataDirectory));
            }

            using FileStream serverLock = TakeServerLock(paths);
            using (LiteJourStore store = LiteJourStore.OpenFile(paths.Database, Key(paths)))
            {
                store.RebuildFollowUpFacts();
            }

            await output.WriteLineAsync(CliText.Cli_RebuildFactsDone);
            report = DatabaseCheck.RunFile(paths.Database, Key(paths));
        }
        else if (file is not null)
        {
            report = DatabaseCheck.RunFile(Path.GetFullPath(file), Key(paths));
        }
        else if (await ServerLauncher.TryConnectAsync(paths, cancellationToken) is { } socket)
        {
            socket.Dispose();
            report = await CheckThroughServerAsync(paths, cancellationToken) ?? await CheckOfflineAsync(paths, cancellationToken);
        }
        else
        {
            report = await CheckOfflineAsync(paths, cancellationToken);
        }

        await Print(report, output);
        return report.IsSound ? 0 : 1;
    }

    /// <summary>
    /// The running server checks the file it has open; null when it failed on the file itself (a damaged or
    /// truncated file, a full disk): it then stops, and the file is checked offline instead.
    /// </summary>
    private static async Task<CheckReport?> CheckThroughServerAsync(JourPaths paths, CancellationToken cancellationToken)
    {
        try
        {
            using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
            return await service.SendAsync(new CheckDatabase(), cancellationToken);
        }
        catch (JourException ex) when (ex.Code is ErrorCodes.StorageFailed or ErrorCodes.StorageFull or ErrorCodes.ServerUnavailable)
        {
            return null;
        }
    }

    private static async Task<CheckReport> CheckOfflineAsync(JourPaths paths, CancellationToken cancellationToken)
    {
        // A server that just stopped after a storage failure lets go of its lock within moments.
        for (int i = 0; i < 100 && !ServerCommand.LockIsFree(paths); i++)
        {
            await Task.Delay(50, cancellationToken);
        }

        using FileStream serverLock = TakeServerLock(paths);
        if (PostgresOf(paths) is { } connection)
        {
            // Read only, not migrated: other servers may be using the database.
            return PgJourStore.CheckDatabase(connection);
        }

        return DatabaseCheck.RunFile(paths.Database, Key(paths));
    }

    private static string? PostgresOf(JourPaths paths) =>
        PostgresBinding.ConnectionOf(paths, File.Exists(paths.Config) ? JourConfig.LoadOrCreate(paths) : new JourConfig());

    public static async Task<int> RestoreAsync(JourPaths paths, string file, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string backup = Path.GetFullPath(file);
        using FileStream serverLock = await TakeServerLockAsync(paths, cancellationToken);
        VerifyChecksum(backup, force, error);
        if (PostgresOf(paths) is { } connection)
        {
            return await RestorePostgresAsync(paths, connection, backup, output);
        }

        string key = Key(paths);
        CheckReport incoming = DatabaseCheck.RunFile(backup, key);
        if (!incoming.IsSound)
        {
            await Print(incoming, error);
            throw new CliException(Format(CliText.Cli_RestoreUnsound, backup));
        }

        if (File.Exists(paths.Database))
        {
            DateTime? live = LastActivity(paths.Database, key);
            if (live > incoming.LastActivityUtc && !force)
            {
                throw new CliException(Format(CliText.Cli_RestoreNewer, paths.Database, Local(live), Local(incoming.LastActivityUtc)));
            }

            string aside = LiteJourStore.MoveAside(paths.Database, "before-restore");
            await error.WriteLineAsync(Format(CliText.Cli_RestoreKeptAside, aside));
        }

        string temporary = paths.Database + ".restoring";
        File.Copy(backup, temporary, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, paths.Database);
        CheckReport restored = DatabaseCheck.RunFile(paths.Database, key);
        await Print(restored, output);
        await output.WriteLineAsync(Format(CliText.Cli_RestoreDone, backup, paths.Database));
        return restored.IsSound ? 0 : 1;
    }

    /// <summary>
    /// The bound schema replaced by a pg_dump archive of one (<see cref="PgRestore"/>). Other servers on the same
    /// binding hold no lock file here, so PostgreSQL's own list of connections is asked; --force does not override
    /// that: a server whose schema is pulled from under it would go on writing into the restored one.
    /// </summary>
    private static async Task<int> RestorePostgresAsync(JourPaths paths, string connection, string backup, TextWriter output)
    {
        if (!PgRestore.IsPgDumpArchive(backup))
        {
            throw new CliException(Format(CliText.Cli_RestoreNotPgDump, backup, paths.DataDirectory));
        }

        int others = PgRestore.OtherJourConnections(connection);
        if (others > 0)
        {
            throw new CliException(Format(CliText.Cli_RestorePgInUse, others, PgJourStore.Describe(connection)));
        }

        PgRestoreReport report = PgRestore.Restore(connection, backup);
        await Print(report.Check, output);
        await output.WriteLineAsync(Format(CliText.Cli_RestorePgDone, backup, PgJourStore.Describe(connection), report.Cases, report.Check.SchemaVersion));
        if (report.KeptAsSchema is { } aside)
        {
            await output.WriteLineAsync(Format(CliText.Cli_RestorePgKeptAside, aside));
        }

        return report.Check.IsSound ? 0 : 1;
    }

    /// <summary>The report in the user's language: the file, its schema, every collection's count, then each finding.</summary>
    public static async Task Print(CheckReport report, TextWriter output)
    {
        await output.WriteLineAsync(Format(CliText.Cli_CheckHeader, report.Path));
        await output.WriteLineAsync(Format(CliText.Cli_CheckSchema, report.SchemaVersion, report.ExpectedSchemaVersion));
        foreach (CheckCount count in report.Counts.Where(c => c.Count >= 0))
        {
            await output.WriteLineAsync(Format(CliText.Cli_CheckCount, count.Collection, count.Count));
        }

        if (report.LastActivityUtc is { } last)
        {
            await output.WriteLineAsync(Format(CliText.Cli_CheckLast, Local(last)));
        }

        foreach (CheckFinding finding in report.Findings)
        {
            string text = Messages.Format(finding.Code, finding.Args);
            await output.WriteLineAsync(Format(finding.IsError ? CliText.Cli_CheckError : CliText.Cli_CheckNote, text));
        }

        int errors = report.Findings.Count(f => f.IsError);
        await output.WriteLineAsync(errors == 0
            ? Format(CliText.Cli_CheckSound, report.Seconds)
            : Format(CliText.Cli_CheckUnsound, errors, report.Seconds));
    }

    private static void VerifyChecksum(string backup, bool force, TextWriter error)
    {
        if (!File.Exists(backup))
        {
            throw new CliException(Format(CliText.Cli_RestoreMissing, backup));
        }

        string sums = backup + ".sha256";
        if (!File.Exists(sums))
        {
            if (!force)
            {
                throw new CliException(Format(CliText.Cli_RestoreNoChecksum, sums));
            }

            error.WriteLine(Format(CliText.Cli_RestoreNoChecksumForced, sums));
            return;
        }

        string expected = File.ReadAllText(sums).Split(' ', 2)[0].Trim();
        string actual;
        using (FileStream stream = File.OpenRead(backup))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(Format(CliText.Cli_RestoreChecksumWrong, backup, sums));
        }
    }

    private static DateTime? LastActivity(string database, string key)
    {
        try
        {
            return DatabaseCheck.RunFile(database, key).LastActivityUtc;
        }
        catch (JourException)
        {
            // The file to be replaced cannot be read: it is not newer than anything.
            return null;
        }
    }

    /// <summary>
    /// For what replaces the database under the server (restore, jour store): refused while a server answers (stopping
    /// the sessions is the operator's deliberate act), then the server lock held so none starts meanwhile.
    /// </summary>
    internal static async Task<FileStream> TakeServerLockAsync(JourPaths paths, CancellationToken cancellationToken)
    {
        if (await ServerLauncher.TryConnectAsync(paths, cancellationToken) is { } socket)
        {
            socket.Dispose();
            throw new CliException(Format(CliText.Cli_RestoreServerRunning, paths.DataDirectory));
        }

        return TakeServerLock(paths);
    }

    private static FileStream TakeServerLock(JourPaths paths)
    {
        paths.EnsureExists();
        try
        {
            return new FileStream(paths.ServerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new CliException(Format(CliText.Cli_RestoreServerRunning, paths.DataDirectory));
        }
    }

    /// <summary>The key as the server finds it (JOUR_DB_KEY, else jour.key); never creates one.</summary>
    private static string Key(JourPaths paths) => DatabaseKey.ResolveExisting(paths.DataDirectory);

    private static string Local(DateTime? utc) => utc is { } t ? SwedishTime.FormatLocal(t) : "—";

    private static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
