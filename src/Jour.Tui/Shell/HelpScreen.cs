using Jour.Tui.Resources;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// Every command of the screen it was opened from, then the global ones, from the same table that dispatches
/// them: wrapped at the terminal's width and scrolled, so the last line is as reachable as the first.
/// </summary>
public sealed class HelpScreen(IScreen from, IReadOnlyList<ScreenCommand> globals) : IScreen
{
    private const int KeyColumn = 24;
    private int _top;
    private int _rows = 1;
    private int _lineCount;

    public string Title => Format.Text(UiText.Help_Title, from.Title);

    public IReadOnlyList<ScreenCommand> Commands { get; } =
    [
        ScreenCommand.Handled("help.scroll", "Up,Down,PgUp,PgDn,Space,Home,End", UiText.Help_Scroll, hint: UiText.Hint_Scroll),
    ];

    /// <summary>Every line at <paramref name="width"/> columns, none longer.</summary>
    public IReadOnlyList<string> Lines(int width)
    {
        var lines = new List<string> { from.Title };
        foreach (string paragraph in from.Explanation)
        {
            // A paragraph that starts with spaces is a formula's line: it keeps them, and wraps under itself.
            int indent = paragraph.Length - paragraph.TrimStart(' ').Length;
            lines.AddRange(paragraph.Length == 0 ? [""] : Format.Wrap(paragraph.TrimStart(' '), Math.Max(20, width - indent)).Select(l => new string(' ', indent) + l));
        }

        foreach ((string key, string text) in from.Help)
        {
            lines.AddRange(Entry(key, text, width));
        }

        lines.Add("");
        lines.Add(UiText.Help_Global);
        foreach (ScreenCommand command in globals)
        {
            lines.AddRange(Entry(command.KeyLabel, command.Help, width));
        }

        if (KeyMap.Current.Source is { } source)
        {
            lines.Add("");
            lines.AddRange(Format.Wrap(Format.Text(UiText.Keys_Source, source), width));
            foreach (string problem in KeyMap.Current.Problems)
            {
                lines.AddRange(Format.Wrap("! " + problem, width));
            }
        }

        return lines;
    }

    public void Draw(Canvas canvas)
    {
        IReadOnlyList<string> lines = Lines(canvas.Width);
        _rows = canvas.Height;
        _lineCount = lines.Count;
        _top = Math.Clamp(_top, 0, Math.Max(0, lines.Count - canvas.Height));
        bool more = _top + canvas.Height < lines.Count;
        for (int row = 0; row < canvas.Height; row++)
        {
            int index = _top + row;
            bool lastRow = row == canvas.Height - 1;
            canvas.Line(row, lastRow && more ? UiText.Help_More : index < lines.Count ? lines[index] : "");
        }
    }

    public bool HandleKey(Key key)
    {
        int page = Math.Max(1, _rows - 1);
        int? top = key.KeyCode switch
        {
            _ when key == Key.CursorDown => _top + 1,
            _ when key == Key.CursorUp => _top - 1,
            _ when key == Key.PageDown || key == Key.Space => _top + page,
            _ when key == Key.PageUp => _top - page,
            _ when key == Key.Home => 0,
            _ when key == Key.End => _lineCount,
            _ => null,
        };
        if (top is not { } t)
        {
            return false;
        }

        _top = Math.Clamp(t, 0, Math.Max(0, _lineCount - _rows));
        return true;
    }

    // The key in its column and the text beside it, wrapped under itself; a key too wide for the column, or a
    // terminal too narrow for two columns, puts the text on the lines below.
    private static IEnumerable<string> Entry(string key, string text, int width)
    {
        bool beside = key.Length < KeyColumn - 2 && width >= KeyColumn + 30;
        if (beside)
        {
            bool first = true;
            foreach (string line in Format.Wrap(text, width - KeyColumn - 2))
            {
                yield return "  " + (first ? key : "").PadRight(KeyColumn) + line;
                first = false;
            }

            yield break;
        }

        foreach (string line in Format.Wrap(key, width - 2))
        {
            yield return "  " + line;
        }

        foreach (string line in Format.Wrap(text, width - 6))
        {
            yield return "      " + line;
        }
    }
}
