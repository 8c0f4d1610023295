using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>One of the main screens (or a screen opened from one), drawn by the shell into the content area.</summary>
public interface IScreen
{
    /// <summary>Shown in the title line and the help.</summary>
    string Title { get; }

    /// <summary>
    /// What can be done here, each declared once: the shell dispatches its keys, and the help and the hint line
    /// are drawn from it. Keys the screen reads itself (typing, list movement) are declared with
    /// <see cref="ScreenCommand.Handled"/>, so that no command takes them.
    /// </summary>
    IReadOnlyList<ScreenCommand> Commands { get; }

    /// <summary>The keys that work on this screen, for the help (key, what it does).</summary>
    IReadOnlyList<(string Key, string Text)> Help => [.. Commands.Select(c => (c.KeyLabel, c.Help))];

    /// <summary>The hints of the status line, most important first.</summary>
    IReadOnlyList<string> KeyHints => [.. Commands.Select(c => c.HintText).OfType<string>()];

    /// <summary>What the screen's figures mean, shown in the help above its keys (F6 spells out its formulas); each entry a paragraph.</summary>
    IReadOnlyList<string> Explanation => [];

    /// <summary>True where printable keys are typed text, so '?' is not the help key there.</summary>
    bool TypesText => false;

    void Draw(Canvas canvas);

    /// <summary>Handles a key no command took; false lets the shell handle it (Esc to go back).</summary>
    bool HandleKey(Key key);
}
