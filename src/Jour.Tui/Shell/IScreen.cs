using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>One of the main screens (or a screen opened from one), drawn by the shell into the content area.</summary>
public interface IScreen
{
    /// <summary>Shown in the title line and the help.</summary>
    string Title { get; }

    /// <summary>The keys that work on this screen, for the help (key, what it does).</summary>
    IReadOnlyList<(string Key, string Text)> Help { get; }

    /// <summary>The short key hints of the status line.</summary>
    IReadOnlyList<string> KeyHints { get; }

    /// <summary>True where printable keys are typed text, so '?' is not the help key there.</summary>
    bool TypesText => false;

    void Draw(Canvas canvas);

    /// <summary>Handles a key; false lets the shell handle it (global keys, Esc to go back).</summary>
    bool HandleKey(Key key);
}
