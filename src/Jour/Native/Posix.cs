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

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();
}
