using System.Security.Cryptography;
using System.Text;
using Jour.Core.Common;

namespace Jour.Storage;

/// <summary>
/// What every store's backup does with its file, whatever writes the content (LiteDB's data file, pg_dump's
/// archive): the target checked before any work (never in the data directory, never through a link, never over
/// an existing file), written through <see cref="SafeOutput"/> while hashing, and FILE.sha256 beside it as
/// sha256sum writes it.
/// </summary>
internal static class BackupOutput
{
    /// <summary>
    /// Validates the target and its checksum file before the copy starts; a missing folder is made, but only once the
    /// path is known not to lie in the data directory. Returns the target as the file system resolves it.
    /// </summary>
    public static string Validate(string targetPath, string dataDirectory)
    {
        string target = ValidatePath(Path.GetFullPath(targetPath), dataDirectory);
        ValidatePath(target + ".sha256", dataDirectory);
        return target;
    }

    /// <summary>The new file at <paramref name="target"/> gets what <paramref name="produce"/> hands to its copier; returns its SHA-256 (hex).</summary>
    public static string Write(string target, string dataDirectory, Action<Action<Stream>> produce)
    {
        string sha = "";
        SafeOutput.Write(target, dataDirectory, replace: false, output => produce(input => sha = CopyWithHash(input, output)));
        return sha;
    }

    /// <summary>FILE.sha256 beside the backup, in sha256sum's format.</summary>
    public static void WriteChecksum(string target, string dataDirectory, string sha) =>
        SafeOutput.WriteText(target + ".sha256", dataDirectory, replace: false, $"{sha}  {Path.GetFileName(target)}\n", new UTF8Encoding(false));

    /// <summary>
    /// <see cref="SafeOutput.Validate"/>, with the backup's own words for an existing file; a missing
    /// folder is made, but only once the path is known not to lie in the data directory.
    /// </summary>
    private static string ValidatePath(string path, string dataDirectory)
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

    private static string CopyWithHash(Stream input, FileStream output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
