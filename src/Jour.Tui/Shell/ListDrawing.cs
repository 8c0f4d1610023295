
namespace Jour.Tui.Shell;

/// <summary>Draws a header row and the visible rows of a list, the selected one marked and highlighted.</summary>
public static class ListDrawing
{
    public static void Draw<T>(Canvas canvas, ListModel<T> list, IReadOnlyList<(string Header, int Width, Func<T, string> Value)> columns, int firstRow, Func<T, bool> flagged)
    {
        string header = "  " + string.Concat(columns.Select(c => canvas.Fit(c.Header, c.Width)));
        canvas.Line(firstRow, header);
        // Where the list is longer than the room, its last row says where in it the selection is, rather
        // than writing over a column's header.
        int rows = canvas.Height - firstRow - 1;
        bool overflow = list.Visible.Count > rows;
        if (overflow)
        {
            rows--;
        }

        int top = list.Scroll(rows);
        for (int i = 0; i < rows; i++)
        {
            int index = top + i;
            if (index >= list.Visible.Count)
            {
                canvas.Line(firstRow + 1 + i, "");
                continue;
            }

            T row = list.Visible[index];
            bool selected = index == list.Selected;
            string marker = selected ? canvas.Marker + " " : flagged(row) ? "! " : "  ";
            string text = marker + string.Concat(columns.Select(c => canvas.Fit(c.Value(row), c.Width - 1) + " "));
            canvas.Line(firstRow + 1 + i, text, highlight: selected);
        }

        if (overflow)
        {
            string position = $"{(top + rows < list.Visible.Count ? "↓ " : "")}{list.Selected + 1}/{list.Visible.Count} ";
            canvas.Line(firstRow + 1 + rows, new string(' ', Math.Max(0, canvas.Width - position.Length)) + position);
        }

    }
}
