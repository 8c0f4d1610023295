using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
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

        // Both refused before gigabytes are copied; the writes check again.
        string target = ValidateBackupPath(full, dataDirectory);
        ValidateBackupPath(target + ".sha256", dataDirectory);

        var clock = Stopwatch.StartNew();
        string sha = "";
        lock (_checkpointGate)
        {
            _db.Checkpoint();
            SafeOutput.Write(target, dataDirectory, replace: false, output => sha = CopyWithHash(source, output));
        }

        SafeOutput.WriteText(target + ".sha256", dataDirectory, replace: false, $"{sha}  {Path.GetFileName(target)}\n", new UTF8Encoding(false));
        long cases = DatabaseCheck.CountCases(target, Password);
        return new BackupResult(target, new FileInfo(target).Length, sha, cases, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// <see cref="SafeOutput.Validate"/>, with the backup's own words for an existing file; a missing
    /// folder is made, but only once the path is known not to lie in the data directory.
    /// </summary>
    private static string ValidateBackupPath(string path, string dataDirectory)
    {
        try
        {
            return SafeOutput.Validate(path, dataDirectory, replace: false);
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.OutputExists)
        {
            throw new JourException(ErrorCodes.BackupTargetExists, ex.Args[0]);
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.OutputNoDirectory)
        {
            try
            {
                Directory.CreateDirectory(ex.Args[0]);
            }
            catch (Exception io) when (io is IOException or UnauthorizedAccessException)
            {
                throw new JourException(ErrorCodes.BackupFailed, path, io.Message);
            }

            return SafeOutput.Validate(path, dataDirectory, replace: false);
        }
    }

    public CheckReport Check() => DatabaseCheck.Run(_db, FilePath ?? "", Stopwatch.StartNew());

    private static string CopyWithHash(string source, FileStream output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0))
        {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
