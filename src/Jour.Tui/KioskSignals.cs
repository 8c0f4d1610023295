using System.Runtime.InteropServices;

namespace Jour.Tui;

/// <summary>
/// Kiosk mode ignores the signals a keyboard or a stray `kill` could use to stop or suspend the
/// session: SIGINT (Ctrl+C), SIGQUIT (Ctrl+\) and SIGTSTP (Ctrl+Z). In the terminal's raw mode those
/// keys arrive as keys anyway; this covers the moments before raw mode and signals sent from outside.
/// SIGTERM and SIGHUP still end the session (shutdown, a dropped SSH link); the kiosk's loop restarts it.
/// </summary>
public sealed class KioskSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private KioskSignals()
    {
        foreach (PosixSignal signal in Signals)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context => context.Cancel = true));
        }
    }

    /// <summary>The signals ignored in kiosk mode.</summary>
    public static IReadOnlyList<PosixSignal> Signals { get; } =
        OperatingSystem.IsWindows() ? [PosixSignal.SIGINT, PosixSignal.SIGQUIT] : [PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGTSTP];

    public static KioskSignals Ignore() => new();

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
