using System.Text.Json;
using Jour.Native;

namespace Jour.Configuration;

/// <summary>
/// What <c>jour install --system</c> recorded beside the binary it installed (<c>/opt/jour/install.json</c>):
/// where the installation's data and socket are and which account runs its server. Sessions of other accounts
/// cannot read the data directory (0700) and its jour.json, so this root-owned, world-readable file is how they
/// find the socket and know whom to trust behind it.
/// </summary>
public sealed class InstallManifest
{
    public const string FileName = "install.json";

    public string DataDirectory { get; set; } = "";

    public string SocketDirectory { get; set; } = "";

    public string ServerUser { get; set; } = "";

    /// <summary>
    /// The manifest beside <paramref name="executable"/>, or null when there is none or it cannot be trusted:
    /// only a file that root (or this account) owns and nobody else may change speaks for the installation.
    /// </summary>
    public static InstallManifest? Beside(string? executable)
    {
        if (string.IsNullOrEmpty(executable) || Path.GetDirectoryName(executable) is not { } directory)
        {
            return null;
        }

        string path = Path.Combine(directory, FileName);
        if (FileStatus.Of(path) is not { IsSymbolicLink: false, IsDirectory: false } status
            || (status.Uid != 0 && status.Uid != Posix.EffectiveUserId())
            || (status.Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            return null;
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            InstallManifest? manifest = JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.InstallManifest);
            return manifest is { DataDirectory.Length: > 0 } && Path.IsPathRooted(manifest.DataDirectory) ? manifest : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable or garbled: the binary behaves as one that was never installed.
            return null;
        }
    }
}
