using Jour.Configuration;
using Jour.Native;

namespace Jour.Server;

/// <summary>
/// Which accounts may talk to the server: its own, the users and the group named in jour.json. The socket's
/// file mode is not enough on its own: in a group-writable data directory a group member can move the socket
/// aside, so the server also asks the kernel who connected.
/// </summary>
internal sealed class PeerPolicy
{
    private readonly HashSet<int> _allowedUsers;
    private readonly int? _allowedGroup;

    public PeerPolicy(int serverUid, IEnumerable<int> allowedUsers, int? allowedGroup, int maxConnectionsPerUser)
    {
        ServerUid = serverUid;
        _allowedUsers = [.. allowedUsers];
        _allowedGroup = allowedGroup;
        MaxConnectionsPerUser = Math.Max(1, maxConnectionsPerUser);
    }

    /// <summary>The account the server runs as; it may always connect and stop the server.</summary>
    public int ServerUid { get; }

    public int MaxConnectionsPerUser { get; }

    /// <summary>The policy of jour.json for a server running as this process's account.</summary>
    public static PeerPolicy FromConfig(JourConfig config)
    {
        if (OperatingSystem.IsWindows())
        {
            // No SO_PEERCRED: the socket file's ACL in the user's profile decides.
            return new PeerPolicy(-1, [], null, config.MaxConnectionsPerUser);
        }

        int uid = Posix.EffectiveUserId();
        int? group = config.AllowedGroup switch
        {
            null => Posix.EffectiveGroupId(),
            "" => null,
            // An unknown name admits nobody rather than everybody.
            { } named => UnixAccounts.GroupId(named) ?? int.MinValue,
        };
        IEnumerable<int> users = config.AllowedUsers.Select(u => UnixAccounts.UserId(u.Trim())).OfType<int>();
        return new PeerPolicy(uid, users, group, config.MaxConnectionsPerUser);
    }

    /// <summary>True when the peer may use the server. A peer the kernel cannot name (not Linux) is taken to be the server's own account.</summary>
    public bool Admits(PeerCredentials? peer)
    {
        if (peer is not { } p)
        {
            return true;
        }

        return p.Uid == ServerUid
            || _allowedUsers.Contains(p.Uid)
            || (_allowedGroup is { } gid && gid != int.MinValue && (p.Gid == gid || UnixAccounts.IsMember(p.Uid, gid)));
    }

    /// <summary>True when the peer runs as the server's own account (or the kernel cannot tell).</summary>
    public bool IsServerAccount(PeerCredentials? peer) => peer is not { } p || p.Uid == ServerUid;
}
