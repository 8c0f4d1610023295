using System.Formats.Tar;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Native;

namespace Jour.Client;

/// <summary>
/// Whether the socket leads to the real server, before a session sends anything (a PIN) through it. In a data
/// directory that others can change, one of them could move the socket aside and put a relay in its place;
/// the relay would run as that other account, which is what gives it away.
/// </summary>
internal static class ServerTrust
{
    /// <summary>
    /// The account the server must run as (jour.json's <c>serverUser</c>, else the data directory's owner),
    /// after checking that the directory belongs to it and, for a session of another account, that nobody
    /// else can replace files in it. Null where the kernel cannot name peers (not Linux).
    /// </summary>
    /// <exception cref="JourException">The directory is not the server account's, or others may change it.</exception>
    public static int? ExpectedServerUid(JourPaths paths)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        int owner = OwnerOf(paths.DataDirectory);
        int expected = ConfiguredServerUid(paths) ?? owner;
        if (owner != expected)
        {
            throw new JourException(ErrorCodes.ServerNotTrusted, paths.DataDirectory, Number(owner), Number(expected));
        }

        // A session of the server's own account is checked by the peer below; its directory may stay as it was
        // (0770, as Jour creates it). A session of another account needs a directory where only the owner can
        // move or replace files: not writable by group or others, or writable with the sticky bit set.
        UnixFileMode mode = File.GetUnixFileMode(paths.DataDirectory);
        bool othersMayReplace = (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 && (mode & UnixFileMode.StickyBit) == 0;
        if (expected != Posix.EffectiveUserId() && othersMayReplace)
        {
            throw new JourException(ErrorCodes.ServerDirectoryWritable, paths.DataDirectory, Number(owner));
        }

        return expected;
    }

    /// <summary>Refuses a connected socket whose other end does not run as the expected account.</summary>
    /// <remarks>
    /// This is the check that counts: whoever created the socket file, the process that answers is what the
    /// kernel names here (SO_PEERCRED), and a relay put in the server's place runs as its maker.
    /// </remarks>
    public static void CheckPeer(Socket socket, JourPaths paths, int expectedUid)
    {
        int? uid = PeerCredentials.Of(socket)?.Uid;
        if (uid != expectedUid)
        {
            throw new JourException(ErrorCodes.ServerNotTrusted, paths.Socket, uid is { } found ? Number(found) : "?", Number(expectedUid));
        }
    }

    private static int? ConfiguredServerUid(JourPaths paths)
    {
        if (!File.Exists(paths.Config))
        {
            return null;
        }

        string? serverUser;
        try
        {
            using FileStream stream = File.OpenRead(paths.Config);
            serverUser = JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.JourConfig)?.ServerUser;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable here: the directory's owner is the expected account, as without the setting.
            return null;
        }

        if (string.IsNullOrWhiteSpace(serverUser))
        {
            return null;
        }

        // An account that does not exist here cannot be the server: nothing will match it.
        return UnixAccounts.UserId(serverUser.Trim()) ?? int.MinValue;
    }

    // .NET has no call for a file's owner; the tar writer reads it with the runtime's own stat (no P/Invoke,
    // nothing that depends on the platform's struct stat layout). Only the directory's header is written.
    private static int OwnerOf(string directory)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(directory, "d");
        }

        buffer.Position = 0;
        using var reader = new TarReader(buffer);
        return reader.GetNextEntry()?.Uid ?? -1;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
