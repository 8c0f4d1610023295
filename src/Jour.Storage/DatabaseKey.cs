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
    public static string ResolveExisting(string dataDirectory) =>
        Found(dataDirectory) ?? throw new JourException(ErrorCodes.StorageKeyMissing, KeyPath(dataDirectory));

    /// <summary>Returns the key, creating the key file on a first start.</summary>
    public static string Resolve(string dataDirectory, string databasePath)
    {
        if (Found(dataDirectory) is { } existing)
        {
            return existing;
        }

        string keyPath = KeyPath(dataDirectory);
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

    private static string KeyPath(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    private static string? Found(string dataDirectory)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        string keyPath = KeyPath(dataDirectory);
        return File.Exists(keyPath) ? File.ReadAllText(keyPath).Trim() : null;
    }
}
