using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>Selection, scrolling and the `/` filter of a list, independent of what the rows are.</summary>
public sealed class ListModel<T>
{
    private readonly Func<T, string> _searchText;
    private IReadOnlyList<T> _all = [];
    private List<T> _visible = [];
    private int _top;

    public ListModel(Func<T, string> searchText)
    {
        _searchText = searchText;
    }

    public IReadOnlyList<T> Visible => _visible;

    public int Selected { get; private set; }

    public string Filter { get; private set; } = "";

    public bool IsFiltering { get; set; }

    public T? Current => Selected >= 0 && Selected < _visible.Count ? _visible[Selected] : default;

    public int Top => _top;

    /// <summary>Replaces the rows, keeping the selection on the same row where it still exists.</summary>
    public void SetRows(IReadOnlyList<T> rows, Func<T, T, bool>? sameRow = null)
    {
        T? current = Current;
        _all = rows;
        Apply();
        if (current is not null && sameRow is not null)
        {
            int index = _visible.FindIndex(r => sameRow(r, current));
            if (index >= 0)
            {
                Selected = index;
            }
        }

        Clamp();
    }

    public void SetFilter(string filter)
    {
        Filter = filter;
        Apply();
        Selected = 0;
        _top = 0;
    }

    /// <summary>Moves the selection for arrow, page and home/end keys; true when the key was one of them.</summary>
    public bool Navigate(Key key, int pageRows)
    {
        if (key == Key.CursorDown)
        {
            Selected++;
        }
        else if (key == Key.CursorUp)
        {
            Selected--;
        }
        else if (key == Key.PageDown)
        {
            Selected += Math.Max(1, pageRows - 1);
        }
        else if (key == Key.PageUp)
        {
            Selected -= Math.Max(1, pageRows - 1);
        }
        else if (key == Key.Home)
        {
            Selected = 0;
        }
        else if (key == Key.End)
        {
            Selected = _visible.Count - 1;
        }
        else
        {
            return false;
        }

        Clamp();
        return true;
    }

    /// <summary>`/` opens the filter on the prompt line (filtering as it is typed); Esc clears a filter.</summary>
    public bool HandleFilterKey(Key key, PromptLine prompt)
    {
        if (key.AsRune.Value == '/')
        {
            prompt.Open("/", _ => prompt.Close(), () => SetFilter(""), Filter, onChange: SetFilter);
            return true;
        }

        if (key == Key.Esc && Filter.Length > 0)
        {
            SetFilter("");
            return true;
        }

        return false;
    }

    /// <summary>Keeps the selection visible in a window of <paramref name="rows"/> rows; returns the first row to draw.</summary>
    public int Scroll(int rows)
    {
        if (Selected < _top)
        {
            _top = Selected;
        }
        else if (Selected >= _top + rows)
        {
            _top = Selected - rows + 1;
        }

        _top = Math.Max(0, Math.Min(_top, Math.Max(0, _visible.Count - rows)));
        return _top;
    }

    private void Apply()
    {
        _visible = Filter.Length == 0
            ? [.. _all]
            : [.. _all.Where(r => _searchText(r).Contains(Filter, StringComparison.CurrentCultureIgnoreCase))];
    }

    private void Clamp() => Selected = Math.Max(0, Math.Min(Selected, _visible.Count - 1));
}
