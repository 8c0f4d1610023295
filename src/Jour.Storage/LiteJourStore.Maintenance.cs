using System.Diagnostics;
using Jour.Core.Common;
using Jour.Core.Operations;

namespace Jour.Storage;

/// <summary>Backup and integrity check of the open file.</summary>
public sealed partial class LiteJourStore : IMaintenanceStore
{
    private readonly Lock _checkpointGate = new();

    /// <summary>The database file, when opened from one.</summary>
    public string? FilePath { get; private init; }

    private string Password { get; init; } = "";

    /// <summary>
    /// Checkpoints (every committed write moves into the data file) and copies the data file while
    /// holding off further checkpoints. Commits meanwhile go to the log file only (the store never
    /// checkpoints on its own), so the copy is the database exactly as of the checkpoint, encrypted
    /// with the same key, and sessions are not held up. Written through <see cref="SafeOutput"/> (never
    /// into the database's directory, never through a link, owner-only, never over an existing file);
    /// then FILE.sha256 the same way. The copy is opened read-only to prove it is a database before it
    /// is reported.
    /// </summary>
    public BackupResult BackupTo(string targetPath)
    {
        string source = FilePath ?? throw new JourException(ErrorCodes.BackupTargetInvalid, targetPath);
        string dataDirectory = Path.GetDirectoryName(Path.GetFullPath(source))!;
        string full = Path.GetFullPath(targetPath);
        if (full.EndsWith("-log.db", StringComparison.Ordinal))
        {
            // LiteDB would take the copy for some other database's log file.
            throw new JourException(ErrorCodes.BackupTargetInvalid, full);
        }

        // Refused before gigabytes are copied; the writes check again.
        string target = BackupOutput.Validate(full, dataDirectory);

        var clock = Stopwatch.StartNew();
        string sha;
        lock (_checkpointGate)
        {
            _db.Checkpoint();
            sha = BackupOutput.Write(target, dataDirectory, copy =>
            {
                using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0);
                copy(input);
            });
        }

        BackupOutput.WriteChecksum(target, dataDirectory, sha);
        long cases = DatabaseCheck.CountCases(target, Password);
        return new BackupResult(target, new FileInfo(target).Length, sha, cases, clock.Elapsed.TotalSeconds);
    }

    public CheckReport Check() => DatabaseCheck.Run(_db, FilePath ?? "", Stopwatch.StartNew());
}
