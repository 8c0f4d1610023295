using System.Buffers.Binary;
using System.Net.Sockets;

namespace Jour.Native;

/// <summary>Who is at the other end of a connected Unix socket, as the kernel recorded it (SO_PEERCRED).</summary>
internal readonly record struct PeerCredentials(int Pid, int Uid, int Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The peer's credentials, or null where the kernel cannot tell (not Linux).</summary>
    public static PeerCredentials? Of(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct ucred: pid, uid, gid as 32-bit integers; GetRawSocketOption needs no P/Invoke (AOT-safe).
        Span<byte> ucred = stackalloc byte[12];
        int length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length < 12)
        {
            return null;
        }

        return new PeerCredentials(
            BinaryPrimitives.ReadInt32LittleEndian(ucred),
            BinaryPrimitives.ReadInt32LittleEndian(ucred[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(ucred[8..]));
    }
}
