using System.Globalization;
using System.Net.Sockets;
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
    /// The account the server must run as (jour.json's <c>serverUser</c>, else the one <c>jour install</c> recorded
    /// beside the binary, else the owner of the socket's directory), after checking that the socket's directory
    /// belongs to it and, for a session of another account, that nobody else can replace files in it. Null where
    /// the kernel cannot name peers (not Linux).
    /// </summary>
    /// <exception cref="JourException">The directory is not the server account's, or others may change it.</exception>
    public static int? ExpectedServerUid(JourPaths paths)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // The socket's directory may not exist yet (systemd makes /run/jour when the service starts); then the
        // data directory says whose installation this is.
        string directory = Directory.Exists(paths.SocketDirectory) ? paths.SocketDirectory : paths.DataDirectory;
        int owner = FileStatus.Of(directory)?.Uid ?? -1;
        int expected = ConfiguredServerUid(paths) ?? owner;
        if (owner != expected)
        {
            throw new JourException(ErrorCodes.ServerNotTrusted, directory, Number(owner), Number(expected));
        }

        // A session of the server's own account is checked by the peer below; its directory may stay as it was
        // (0770, as Jour creates it). A session of another account needs a directory where only the owner can
        // move or replace files: not writable by group or others, or writable with the sticky bit set.
        UnixFileMode mode = File.GetUnixFileMode(directory);
        bool othersMayReplace = (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 && (mode & UnixFileMode.StickyBit) == 0;
        if (expected != Posix.EffectiveUserId() && othersMayReplace)
        {
            throw new JourException(ErrorCodes.ServerDirectoryWritable, directory, Number(owner));
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

    // An account that does not exist here cannot be the server: nothing will match it.
    private static int? ConfiguredServerUid(JourPaths paths) =>
        JourConfig.ServerUserOf(paths) is { } user ? UnixAccounts.UserId(user) ?? int.MinValue : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
