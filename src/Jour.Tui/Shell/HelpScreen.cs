using Jour.Tui.Resources;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>Every binding of the screen it was opened from, then the global ones.</summary>
public sealed class HelpScreen(IScreen from) : IScreen
{
    public string Title => Format.Text(UiText.Help_Title, from.Title);

    public IReadOnlyList<(string Key, string Text)> Help => [];

    public IReadOnlyList<string> KeyHints => [UiText.Key_Back];

    public void Draw(Canvas canvas)
    {
        int row = 0;
        canvas.Line(row++, from.Title);
        foreach ((string key, string text) in from.Help)
        {
            canvas.Line(row++, $"  {key,-24}{text}");
        }

        row++;
        canvas.Line(row++, UiText.Help_Global);
        canvas.Line(row++, $"  {UiText.Help_F1,-24}{UiText.Help_F1_Text}");
        canvas.Line(row++, $"  {"F2–F7, Alt+A/S/P/B/R/O",-24}{UiText.Help_Screens_Text}");
        canvas.Line(row++, $"  {"Alt+L, Alt+I",-24}{UiText.Help_RecordScreens_Text}");
        canvas.Line(row++, $"  {"Esc",-24}{UiText.Help_Esc_Text}");
        canvas.Line(row++, $"  {"Ctrl+Q",-24}{UiText.Help_Quit_Text}");
        canvas.Line(row++, $"  {"F8, Alt+U",-24}{UiText.Help_Users_Text}");
        canvas.Line(row++, $"  {"Ctrl+L",-24}{UiText.Help_Lock_Text}");
        canvas.Line(row++, $"  {"Alt+X",-24}{UiText.Help_Switch_Text}");
        canvas.Line(row++, $"  {"Alt+K",-24}{UiText.Help_OwnPin_Text}");
        while (row < canvas.Height)
        {
            canvas.Line(row++, "");
        }
    }

    public bool HandleKey(Key key) => false;
}
