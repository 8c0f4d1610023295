using Terminal.Gui.Drawing;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>What a keystroke costs over a slow link: only the cells that changed are written (issue 9).</summary>
public sealed class FrameDiffTests
{
    [Fact]
    public async Task CursorDown_OnTheBoard_WritesOnlyTheTwoRowsAndTheCounter_AForcedRedrawWritesAll()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden", "1/");
        var written = new List<(int Row, int Col)>();
        session.Window.DrawComplete += (_, _) =>
        {
            written.Clear();
            Cell[,] contents = session.Window.App!.Driver!.Contents!;
            for (int row = 0; row < contents.GetLength(0); row++)
            {
                for (int col = 0; col < contents.GetLength(1); col++)
                {
                    if (contents[row, col].IsDirty)
                    {
                        written.Add((row, col));
                    }
                }
            }
        };

        session.Press(Key.CursorDown);
        string screen = session.WaitFor("2/");

        // The selection marker moved from the first case row to the second, and the position counter changed.
        var rows = written.Select(w => w.Row).Distinct().Order().ToList();
        Assert.InRange(rows.Count, 2, 3);
        Assert.InRange(written.Count, 2, 3 * 80);
        string[] lines = screen.Split('\n');
        Assert.Contains(rows, r => lines[r].Contains('▶', StringComparison.Ordinal));

        // A forced redraw (Ctrl+L, a garbled terminal) writes every cell again.
        session.Window.App!.LayoutAndDraw(forceRedraw: true);
        Assert.Equal(80 * 24, written.Count);
    }
}
