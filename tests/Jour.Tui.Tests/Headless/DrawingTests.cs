using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// The shell does not clear the screen before each frame (that wrote every cell twice): the canvases
/// blank what a screen leaves empty, so nothing of the screen before stays visible.
/// </summary>
public sealed class DrawingTests
{
    [Fact]
    public async Task AScreenThatDrawsOneLine_LeavesNothingOfTheBoardUnderIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        string board = session.WaitFor("Öppna ärenden", "2026-0004");
        Assert.Contains("2026-0012", board, StringComparison.Ordinal);

        session.Shell!.Push(new OneLineScreen());
        string[] lines = session.WaitFor("bara en rad", "Tom skärm").Split('\n');

        Assert.DoesNotContain("2026-00", string.Join('\n', lines), StringComparison.Ordinal);
        // Title (2 rows), the one line, then blank rows down to the status rows at the bottom.
        Assert.Contains("bara en rad", lines[2], StringComparison.Ordinal);
        for (int row = 3; row < 24 - 3; row++)
        {
            Assert.True(lines[row].Trim().Length == 0, $"row {row} is not blank: '{lines[row]}'");
        }
    }

    [Fact]
    public async Task AShortTextInTheMiddleOfARow_BlanksTheRestOfThatRow()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden", "2026-0004");

        session.Shell!.Push(new OneLineScreen { Column = 30 });
        string[] lines = session.WaitFor("bara en rad").Split('\n');

        Assert.Equal(new string(' ', 30) + "bara en rad", lines[2].TrimEnd());
    }

    private sealed class OneLineScreen : IScreen
    {
        public int Column { get; init; }

        public string Title => "Tom skärm";

        public IReadOnlyList<ScreenCommand> Commands => [];

        public void Draw(Canvas canvas) => canvas.Text(Column, 0, "bara en rad");

        public bool HandleKey(Key key) => false;
    }
}
