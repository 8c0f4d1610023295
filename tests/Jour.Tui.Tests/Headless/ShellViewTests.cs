using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The shell as an officer meets it, at 80x24, on Terminal.Gui's own driver.</summary>
public sealed class ShellViewTests
{
    [Fact]
    public async Task FirstScreen_IsTheCaseBoard_MarkedDemo_WithTheStatusBar()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        string screen = session.WaitFor("Öppna ärenden");

        string[] rows = screen.Split('\n');
        Assert.Contains("DEMO", rows[0], StringComparison.Ordinal);
        Assert.Contains("F1 Hjälp", rows[^1] + rows[^2], StringComparison.Ordinal);
        Assert.Contains("03:40", rows[^2] + rows[^3], StringComparison.Ordinal); // 02:40 UTC is 03:40 in Stockholm
    }

    [Fact]
    public async Task Help_ListsTheBoardsKeys_AndEscGoesBack_NeverQuits()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        session.Press(Key.F1);
        string help = session.WaitFor("Hjälp");
        Assert.Contains("Öppna markerat ärende", help, StringComparison.Ordinal);

        session.Press(Key.Esc);
        session.WaitFor("Öppna ärenden");
        session.Press(Key.Esc, Key.Esc);
        Assert.False(session.Shell!.QuitRequested);
        session.WaitFor("Öppna ärenden");
    }

    [Fact]
    public async Task Enter_OpensTheSelectedCase_WithItsTimeline_AndF4ShowsStaff()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        session.Press(Key.Enter);
        session.WaitFor("Tidslinje");

        session.Press(Key.F4);
        session.WaitFor("Personal");
    }

    [Fact]
    public async Task Filter_NarrowsTheBoard_ToTheTypedText()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        string before = session.WaitFor("Öppna ärenden");
        int all = CountCaseRows(before);

        session.Press(new Key('/'));
        session.Type("Utreds");
        string after = session.WaitFor("Filter: Utreds");
        Assert.InRange(CountCaseRows(after), 1, all - 1);
    }

    private static int CountCaseRows(string screen) =>
        screen.Split('\n').Count(row => System.Text.RegularExpressions.Regex.IsMatch(row, @"\b20\d\d-\d{4}\b"));
}
