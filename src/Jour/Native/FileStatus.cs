using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Jour.Native;

/// <summary>
/// A file's owner, group and mode as the kernel has them, without following a final symbolic link. .NET gives
/// the mode but no owner. <c>statx</c> is used rather than <c>stat</c> because its structure has the same
/// layout on every architecture, so no per-platform struct is declared here.
/// </summary>
internal readonly partial record struct FileStatus(int Uid, int Gid, UnixFileMode Mode, bool IsDirectory, bool IsSymbolicLink, bool IsSocket)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int FileTypeMask = 0xF000;

    /// <summary>The status of <paramref name="path"/> (a link itself, not its target), or null when it cannot be read (missing, or not Linux).</summary>
    public static unsafe FileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx: stx_uid at 20, stx_gid at 24, stx_mode (16 bits) at 28; 256 bytes in all.
        byte* buffer = stackalloc byte[256];
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        var bytes = new ReadOnlySpan<byte>(buffer, 256);
        // The kernel fills it in the machine's own byte order.
        int mode = BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[28..]);

        int type = mode & FileTypeMask;
        return new FileStatus(
            (int)ReadUInt32(bytes[20..]),
            (int)ReadUInt32(bytes[24..]),
            (UnixFileMode)(mode & 0xFFF),
            type == 0x4000,
            type == 0xA000,
            type == 0xC000);
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
