using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;

namespace Jour.Tui.Shell;

/// <summary>
/// Writes only the cells that changed. Terminal.Gui marks every cell a view draws as dirty and writes
/// every dirty cell, even one that holds what the terminal already shows; the shell draws whole
/// screens (immediate mode), so one cursor move on the board cost a full screen, 5.5 KB over a slow
/// SSH link. This keeps a copy of what the terminal shows (the buffer after each write) and, once
/// the window has drawn, marks clean again every dirty cell that equals it. A cleared buffer (a forced
/// redraw) or a new size starts from nothing, so such a frame is written in full.
/// <para>
/// It also stops an idle session from writing: Terminal.Gui 2.5 re-sent "hide the cursor, go home"
/// (12 bytes) on every main-loop iteration, 300 bytes a second with nothing happening. The shell
/// never shows a cursor, so the cursor is updated only in an iteration that drew something.
/// </para>
/// </summary>
public sealed class FrameDiff
{
    private readonly IApplication _app;
    private Cell[,]? _shown;
    private Action<int, int, int>? _trace;
    private int _frames;
    private int _toWrite = -1;

    private FrameDiff(IApplication app) => _app = app;

    /// <summary>Filters the frames of <paramref name="window"/> in <paramref name="app"/>.</summary>
    public static void Attach(IApplication app, View window, Action<int, int, int>? trace = null)
    {
        var diff = new FrameDiff(app) { _trace = trace };
        window.DrawComplete += (_, _) => diff.Filter();
        app.LayoutAndDrawComplete += (_, _) =>
        {
            diff.Remember();
            app.Driver?.SetCursorNeedsUpdate(true);
        };

        // Raised before each iteration's layout, draw and cursor update.
        app.Iteration += (_, _) => app.Driver?.SetCursorNeedsUpdate(false);
        if (app.Driver is { } driver)
        {
            driver.ClearedContents += (_, _) => diff._shown = null;
        }
    }

    private void Filter()
    {
        if (_app.Driver?.GetOutputBuffer() is not { Contents: { } contents } buffer
            || _shown is null
            || _shown.GetLength(0) != contents.GetLength(0)
            || _shown.GetLength(1) != contents.GetLength(1))
        {
            return;
        }

        int rows = contents.GetLength(0);
        int cols = contents.GetLength(1);
        int toWrite = 0;
        for (int row = 0; row < rows && row < buffer.DirtyLines.Length; row++)
        {
            if (!buffer.DirtyLines[row])
            {
                continue;
            }

            bool dirty = false;
            for (int col = 0; col < cols; col++)
            {
                ref Cell cell = ref contents[row, col];
                if (cell.IsDirty && (cell with { IsDirty = false }) == _shown[row, col])
                {
                    cell.IsDirty = false;
                }

                dirty |= cell.IsDirty;
                toWrite += cell.IsDirty ? 1 : 0;
            }

            buffer.DirtyLines[row] = dirty;
        }

        _toWrite = toWrite;
    }



    // What the write wrote is what the terminal shows: a written cell is no longer dirty. A cell the write
    // left dirty (Terminal.Gui 2.5 abandons the rest of a frame when positioning the cursor "fails") was not
    // written, so it is not remembered as shown: remembering it would mark it clean in every later frame,
    // and the terminal would keep what it showed before for good.
    private void Remember()
    {
        if (_app.Driver?.GetOutputBuffer() is not { Contents: { } contents })
        {
            _shown = null;
            return;
        }

        int rows = contents.GetLength(0);
        int cols = contents.GetLength(1);
        bool fresh = _shown is null || _shown.GetLength(0) != rows || _shown.GetLength(1) != cols;
        if (fresh)
        {
            _shown = new Cell[rows, cols];
        }

        int unwritten = 0;
        for (int row = 0; row < rows; row++)
        {
            for (int col = 0; col < cols; col++)
            {
                ref Cell cell = ref contents[row, col];
                if (cell.IsDirty)
                {
                    unwritten++;
                    _shown![row, col] = default; // unknown: written in full next time
                }
                else
                {
                    _shown![row, col] = cell;
                }
            }
        }

        _frames++;
        // Frame, cells the filter let through (-1: a full frame), cells the write left.
        _trace?.Invoke(_frames, _toWrite, unwritten);
        _toWrite = -1;
    }
}
