using System.Diagnostics;
using System.Security.Cryptography;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.Sessions;

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
    /// with the same key, and sessions are not held up. Written to FILE.tmp and renamed; then
    /// FILE.sha256. The copy is opened read-only to prove it is a database before it is reported.
    /// </summary>
    public BackupResult BackupTo(string targetPath)
    {
        string source = FilePath ?? throw new JourException(ErrorCodes.BackupTargetInvalid, targetPath);
        string target = Path.GetFullPath(targetPath);
        if (string.Equals(target, Path.GetFullPath(source), StringComparison.Ordinal) || target.EndsWith("-log.db", StringComparison.Ordinal))
        {
            throw new JourException(ErrorCodes.BackupTargetInvalid, target);
        }

        if (File.Exists(target))
        {
            throw new JourException(ErrorCodes.BackupTargetExists, target);
        }

        var clock = Stopwatch.StartNew();
        string temporary = target + ".tmp";
        string sha;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            lock (_checkpointGate)
            {
                _db.Checkpoint();
                sha = CopyWithHash(source, temporary);
            }

            File.Move(temporary, target);
            File.WriteAllText(target + ".sha256", $"{sha}  {Path.GetFileName(target)}\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new JourException(ErrorCodes.BackupFailed, target, ex.Message);
        }

        long cases = DatabaseCheck.CountCases(target, Password);
        return new BackupResult(target, new FileInfo(target).Length, sha, cases, clock.Elapsed.TotalSeconds);
    }

    public CheckReport Check() => DatabaseCheck.Run(_db, FilePath ?? "", Stopwatch.StartNew());

    private static string CopyWithHash(string source, string target)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0))
        using (var output = new FileStream(target, options))
        {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }

            output.Flush(flushToDisk: true);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind as FILE.tmp; the next backup to the same name refuses nothing for it.
        }
    }
}
