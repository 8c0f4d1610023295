using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace Jour.Tui.Shell;

/// <summary>
/// Draws text lines into a view, clipped to a width, with the ASCII fallbacks for poor terminals.
/// Highlighting is always paired with a marker, so nothing depends on colour.
/// </summary>
public sealed class Canvas
{
    private readonly View _view;
    private readonly bool _ascii;
    private readonly int _originRow;
    private readonly bool[] _written;

    public Canvas(View view, bool ascii, int width, int height, int originRow = 0)
        : this(view, ascii, width, height, originRow, new bool[Math.Max(0, height)])
    {
    }

    private Canvas(View view, bool ascii, int width, int height, int originRow, bool[] written)
    {
        _view = view;
        _ascii = ascii;
        _originRow = originRow;
        Width = width;
        Height = height;
        _written = written;
    }

    public int Width { get; }

    public int Height { get; }

    public string Rule => new(_ascii ? '-' : '─', Width);

    public string Bar => _ascii ? "|" : "│";

    /// <summary>Plain ASCII only (--ascii): charts draw with # and . instead of block characters.</summary>
    public bool Ascii => _ascii;

    public string Marker => _ascii ? ">" : "▶";

    /// <summary>Marks a message that says something worked.</summary>
    public string Done => _ascii ? "OK" : "✓";

    public string Arrow => _ascii ? "->" : "→";

    /// <summary>
    /// The first <paramref name="rows"/> rows as a canvas of their own, so a list drawn to its bottom stops
    /// above what follows it. It shares which rows were written, so none is blanked twice or left stale.
    /// </summary>
    public Canvas Top(int rows) => new(_view, _ascii, Width, Math.Clamp(rows, 0, Height), _originRow, _written);

    /// <summary>Writes <paramref name="text"/> at a position, cut to fit, padded to <paramref name="width"/> when given.</summary>
    public void Text(int col, int row, string text, int width = -1, bool highlight = false)
    {
        if (row < 0 || row >= Height || col >= Width)
        {
            return;
        }

        if (!_written[row])
        {
            // The row's first write: the rest of the row is blanked with it, so the view need not clear
            // every cell before drawing them all again (a whole pass over the screen per frame).
            if (col > 0 || width < Width)
            {
                Blank(row);
            }

            _written[row] = true;
        }

        int room = Math.Min(width < 0 ? Width - col : width, Width - col);
        string shown = Fit(Plain(text), room, pad: width >= 0);
        _view.SetAttributeForRole(highlight ? VisualRole.Focus : VisualRole.Normal);
        _view.Move(col, _originRow + row);
        _view.AddStr(shown);
        if (highlight)
        {
            _view.SetAttributeForRole(VisualRole.Normal);
        }
    }

    /// <summary>A whole row, cleared to the right edge.</summary>
    public void Line(int row, string text, bool highlight = false) => Text(0, row, text, Width, highlight);

    /// <summary>
    /// Blanks the rows from <paramref name="fromRow"/> up to <paramref name="toRow"/> (exclusive) that
    /// nothing was written on, so together with the rows written every cell is drawn once.
    /// </summary>
    public void BlankUnwritten(int fromRow = 0, int toRow = int.MaxValue)
    {
        for (int row = Math.Max(0, fromRow); row < Math.Min(Height, toRow); row++)
        {
            if (!_written[row])
            {
                Blank(row);
                _written[row] = true;
            }
        }
    }

    private void Blank(int row)
    {
        _view.SetAttributeForRole(VisualRole.Normal);
        _view.Move(0, _originRow + row);
        _view.AddStr(new string(' ', Width));
    }

    /// <summary>Cuts to <paramref name="width"/> columns (ending in an ellipsis when cut) and pads when asked.</summary>
    public string Fit(string text, int width, bool pad = true)
    {
        if (width <= 0)
        {
            return "";
        }

        if (text.Length > width)
        {
            string ellipsis = _ascii ? "." : "…";
            text = width == 1 ? ellipsis : text[..(width - 1)] + ellipsis;
        }

        return pad ? text.PadRight(width) : text;
    }

    private string Plain(string text)
    {
        if (!_ascii)
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            plain.Append(c switch
            {
                '─' => "-",
                '│' => "|",
                '▶' => ">",
                '→' => "->",
                '…' => "...",
                '–' => "-",
                '•' => "*",
                _ => c.ToString(),
            });
        }

        return plain.ToString();
    }
}
