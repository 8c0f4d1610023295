using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Handover;

/// <summary>Lines of text scrolled a line or a page at a time (the handover, a past handover).</summary>
public sealed class TextView
{
    private int _top;

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public int Top => _top;

    /// <summary>Replaces the text, keeping the scroll position where it still fits.</summary>
    public void SetText(string text) => Lines = text.Replace("\f", "", StringComparison.Ordinal).Split('\n');

    public void Draw(Canvas canvas, int firstRow)
    {
        int rows = canvas.Height - firstRow;
        _top = Math.Clamp(_top, 0, Math.Max(0, Lines.Count - rows));
        for (int i = 0; i < rows; i++)
        {
            int index = _top + i;
            canvas.Line(firstRow + i, index < Lines.Count ? Lines[index] : "");
        }
    }

    /// <summary>Arrows, PgUp/PgDn, Home/End and Space scroll; true when the key was one of them.</summary>
    public bool Scroll(Key key, int pageRows)
    {
        int page = Math.Max(1, pageRows - 1);
        int? top = key == Key.CursorDown ? _top + 1
            : key == Key.CursorUp ? _top - 1
            : key == Key.PageDown || key == Key.Space ? _top + page
            : key == Key.PageUp ? _top - page
            : key == Key.Home ? 0
            : key == Key.End ? Lines.Count
            : null;
        if (top is not { } t)
        {
            return false;
        }

        _top = Math.Clamp(t, 0, Math.Max(0, Lines.Count - pageRows));
        return true;
    }
}
