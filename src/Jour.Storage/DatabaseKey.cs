using System.Security.Cryptography;
using Jour.Core.Common;

namespace Jour.Storage;

/// <summary>
/// The encryption key of the database: the environment variable JOUR_DB_KEY, else the key file
/// in the data directory, created (owner-only) only when there is no database yet, so a lost key
/// can never lead to a fresh empty database over the old one.
/// </summary>
public static class DatabaseKey
{
    public const string EnvironmentVariable = "JOUR_DB_KEY";
    public const string FileName = "jour.key";

    /// <summary>The key as the server finds it (JOUR_DB_KEY, else jour.key in <paramref name="dataDirectory"/>); never creates one.</summary>
    public static string ResolveExisting(string dataDirectory)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        string keyPath = Path.Combine(dataDirectory, FileName);
        return File.Exists(keyPath) ? File.ReadAllText(keyPath).Trim() : throw new JourException(ErrorCodes.StorageKeyMissing, keyPath);
    }

    /// <summary>Returns the key, creating the key file on a first start.</summary>
    public static string Resolve(string dataDirectory, string databasePath)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        string keyPath = Path.Combine(dataDirectory, FileName);
        if (File.Exists(keyPath))
        {
            return File.ReadAllText(keyPath).Trim();
        }

        if (File.Exists(databasePath))
        {
            throw new JourException(ErrorCodes.StorageKeyMissing, keyPath);
        }

        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(keyPath, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key);
        }

        return key;
    }
}
