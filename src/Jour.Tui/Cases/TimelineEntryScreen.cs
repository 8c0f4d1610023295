using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Cases;

/// <summary>One timeline entry in full: when, who, the change of state, and the whole text, wrapped.</summary>
public sealed class TimelineEntryScreen(ShellView shell, CaseSummary summary, TimelineEntry entry) : IScreen
{
    private int _top;
    private int _count;
    private int _rows = 1;

    public string Title => Format.Text(UiText.Entry_Title, summary.Number, SwedishTime.FormatLocal(entry.AtUtc));

    public IReadOnlyList<ScreenCommand> Commands { get; } =
    [
        ScreenCommand.Handled("entry.scroll", "Up,Down,PgUp,PgDn", UiText.Help_Entry_Scroll),
    ];

    public void Draw(Canvas canvas)
    {
        var lines = new List<string>
        {
            Format.Text(UiText.Entry_When, SwedishTime.FormatLocal(entry.AtUtc), Format.Ago(entry.AtUtc, shell.UtcNow)),
            Format.Text(UiText.Entry_Who, entry.UserName),
        };
        if (entry.To is { } to)
        {
            lines.Add(Format.Text(
                UiText.Entry_State,
                entry.From is { } from ? $"{Messages.Get("State_" + from)} {canvas.Arrow} {Messages.Get("State_" + to)}" : Messages.Get("State_" + to)));
        }

        lines.Add("");
        lines.AddRange(Format.Wrap(entry.Render(), canvas.Width - 2).Select(l => "  " + l));
        _count = lines.Count;
        _rows = canvas.Height;
        _top = Math.Clamp(_top, 0, Math.Max(0, lines.Count - canvas.Height));
        for (int row = 0; row < canvas.Height; row++)
        {
            canvas.Line(row, _top + row < lines.Count ? lines[_top + row] : "");
        }
    }

    public bool HandleKey(Key key)
    {
        int? by = key switch
        {
            _ when key == Key.CursorDown => 1,
            _ when key == Key.CursorUp => -1,
            _ when key == Key.PageDown => _rows - 1,
            _ when key == Key.PageUp => 1 - _rows,
            _ => null,
        };
        if (by is not { } step)
        {
            return false;
        }

        _top = Math.Clamp(_top + step, 0, Math.Max(0, _count - _rows));
        return true;
    }
}
