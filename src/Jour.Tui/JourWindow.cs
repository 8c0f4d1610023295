using Terminal.Gui.Views;

namespace Jour.Tui;

/// <summary>The session's one window; knows how to go back to the sign-in screen (kiosk mode after an unexpected error).</summary>
public sealed class JourWindow : Window
{
    /// <summary>Saves drafts, signs out and shows the sign-in screen; set by <see cref="JourApp.CreateMainWindowAsync"/>.</summary>
    public Action? ReturnToSignIn { get; set; }

    /// <summary>
    /// Its one subview (the sign-in screen or the shell) fills it and clears itself; clearing underneath
    /// it first would be one more pass over every cell of every frame.
    /// </summary>
    protected override bool OnClearingViewport() => SubViews.Count > 0;
}
