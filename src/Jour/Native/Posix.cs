using System.Runtime.InteropServices;

namespace Jour.Native;

/// <summary>The few POSIX calls .NET does not expose.</summary>
internal static partial class Posix
{
    /// <summary>
    /// Leaves the caller's session and controlling terminal, so a hang-up of the SSH session that
    /// started the server does not end it (and every other officer's session with it).
    /// </summary>
    public static void DetachFromTerminal()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = setsid();
        }
    }

    /// <summary>
    /// True when the terminal on standard input has hung up (the SSH link or the tmux pane is gone).
    /// A session must not outlive its terminal: a read loop on a dead terminal only spins.
    /// </summary>
    public static bool TerminalHungUp()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var fd = new PollFd { Fd = 0, Events = PollIn };
        int ready = poll(ref fd, 1, 0);
        return ready < 0 || (fd.Revents & (PollHup | PollErr | PollNval)) != 0;
    }

    /// <summary>
    /// Kiosk mode: SIGINT, SIGQUIT and SIGTSTP ignored by the kernel (SIG_IGN). Through .NET's own
    /// handling a cancelled SIGINT or SIGQUIT still restored the terminal's cooked mode, so the session
    /// kept running but echoed keys and lost Ctrl+Q; ignoring them below .NET leaves the terminal alone.
    /// Call once everything that registers signal handlers has run.
    /// </summary>
    public static void IgnoreInteractiveSignals()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (int number in new[] { SigInt, SigQuit, SigTstp })
        {
            _ = signal(number, SigIgn);
        }
    }

    /// <summary>
    /// umask 077: every file this process creates (the database and its log, which LiteDB creates
    /// with no say over the mode, the server lock, the log files, drafts) starts owner-only instead of
    /// 0644 until the next start tightens it. Modes set explicitly (the socket's 0660) are not affected.
    /// Hook: with a shared service group (see <c>JourPaths.DirectoryMode</c>) this would be 027.
    /// </summary>
    public static void RestrictNewFilesToOwner()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = umask(0b000_111_111);
        }
    }

    [LibraryImport("libc")]
    private static partial uint umask(uint mask);

    private const int SigInt = 2;
    private const int SigQuit = 3;
    private const int SigTstp = 20;

    private const nint SigIgn = 1;

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint signal(int signum, nint handler);

    private const short PollIn = 0x001;
    private const short PollErr = 0x008;
    private const short PollHup = 0x010;
    private const short PollNval = 0x020;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();

    /// <summary>This process's effective uid: what the kernel reports to a peer with SO_PEERCRED.</summary>
    public static int EffectiveUserId() => (int)geteuid();

    /// <summary>This process's effective gid.</summary>
    public static int EffectiveGroupId() => (int)getegid();

    [LibraryImport("libc")]
    private static partial uint geteuid();

    /// <summary>
    /// Gives <paramref name="path"/> (a link itself, never its target) to <paramref name="uid"/>:<paramref name="gid"/>;
    /// false with the errno in <see cref="Marshal.GetLastPInvokeError"/> when the kernel refuses.
    /// </summary>
    public static bool ChangeOwner(string path, int uid, int gid) => lchown(path, (uint)uid, (uint)gid) == 0;

    /// <summary>True when this process may search (enter) the directory: what connecting to a socket in it needs.</summary>
    public static bool MaySearch(string directory) => OperatingSystem.IsWindows() || access(directory, XOk) == 0;

    private const int XOk = 1;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int lchown(string path, uint owner, uint group);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);

    [LibraryImport("libc")]
    private static partial uint getegid();
}
