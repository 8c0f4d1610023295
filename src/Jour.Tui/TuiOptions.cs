namespace Jour.Tui;

/// <summary>How a terminal session looks and behaves.</summary>
public sealed class TuiOptions
{
    /// <summary>Plain ASCII borders and symbols.</summary>
    public bool Ascii { get; init; }

    /// <summary>Monochrome: NO_COLOR is set. Meaning never depends on colour anyway.</summary>
    public bool NoColor { get; init; }

    public bool Kiosk { get; init; }

    public TimeSpan IdleLock { get; init; } = TimeSpan.FromMinutes(5);

    public string DataDirectory { get; init; } = "";

    /// <summary>On a demo database, sign in as this user (JOUR_USER) instead of the officer on call, e.g. the incoming one.</summary>
    public string? DemoUser { get; init; }

    /// <summary>Whether the terminal has gone away (checked every few seconds); the session then ends.</summary>
    public Func<bool> TerminalGone { get; init; } = () => false;

    /// <summary>Kiosk mode: makes the kernel ignore SIGINT, SIGQUIT and SIGTSTP (set by the executable; called before the loop runs).</summary>
    public Action IgnoreSignals { get; init; } = () => { };

    /// <summary>
    /// Completes when Terminal.Gui's settings are applied. Normally its module initializer has done that
    /// before Main; the Native AOT executable leaves it out and applies them on another thread while the
    /// session connects (see TerminalGuiSettings in the executable).
    /// </summary>
    public Task TerminalGuiConfigured { get; init; } = Task.CompletedTask;

    /// <summary>Exports from the follow-up and access-log screens (to the installation's export directory); null: none.</summary>
    public IPaperExports? Exports { get; init; }

    /// <summary>The clock; tests freeze it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
