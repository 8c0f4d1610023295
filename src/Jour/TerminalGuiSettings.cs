using System.Runtime.CompilerServices;
using Jour.Core.Common;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;

namespace Jour;

/// <summary>
/// Terminal.Gui binds its settings and themes through Microsoft.Extensions.Configuration in a module
/// initializer, which Native AOT runs before Main for every command: a third of a `jour --version`, and
/// on the way to the first frame. The AOT build replaces that initializer with an empty one
/// (TerminalGui.Substitutions.xml, with the switch below); a session then applies the same settings on
/// another thread while it connects, signs in and loads the board, and only the TUI pays for them.
/// </summary>
internal static class TerminalGuiSettings
{
    private const string DeferredSwitch = "Jour.TerminalGuiSettingsDeferred";
    private static readonly Lock s_gate = new();
    private static Task? s_applied;

    /// <summary>
    /// Applies Terminal.Gui's settings on a pool thread when the build deferred them (once; a second call
    /// returns the same task); a JIT build has applied them before Main.
    /// </summary>
    public static Task ApplyInBackground()
    {
        lock (s_gate)
        {
            if (s_applied is null && AppContext.TryGetSwitch(DeferredSwitch, out bool deferred) && deferred)
            {
                // Terminal.Gui's Application type lists the cultures .NET knows in its static constructor,
                // which applying the settings reaches half-way: begun on its own thread, it is done by then.
                _ = Task.Run(() => RuntimeHelpers.RunClassConstructor(typeof(Application).TypeHandle));
                s_applied = Task.Run(Apply);
            }

            return s_applied ??= Task.CompletedTask;
        }
    }

    /// <summary>True when the arguments start a terminal session (no command first), so Main can begin at once.</summary>
    public static bool StartsASession(string[] args) => args.Length == 0 || args[0].StartsWith('-');

    private static void Apply()
    {
        try
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // As Terminal.Gui's own initializer does: a broken user configuration file leaves the defaults.
            TuiJsonErrors.Add(ex.Message);
        }

        StartupTrace.Mark("terminal settings");
    }
}
