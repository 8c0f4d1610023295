using Terminal.Gui.Views;

namespace Jour.Tui;

/// <summary>The session's one window; knows how to go back to the sign-in screen (kiosk mode after an unexpected error).</summary>
public sealed class JourWindow : Window
{
    /// <summary>Saves drafts, signs out and shows the sign-in screen; set by <see cref="JourApp.CreateMainWindowAsync"/>.</summary>
    public Action? ReturnToSignIn { get; set; }
}
