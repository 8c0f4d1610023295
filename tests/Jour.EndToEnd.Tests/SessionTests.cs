namespace Jour.EndToEnd.Tests;

public sealed class SessionTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void FirstStart_ShowsTheDemoBoardWithStatusBar()
    {
        using var tmux = new Tmux(_jour.Command());

        // The frame reaches tmux in pieces; wait for the whole of it, not its first line.
        string screen = tmux.WaitUntil(
            s => s.Contains("Öppna ärenden", StringComparison.Ordinal) && s.Contains("F1 Hjälp", StringComparison.Ordinal),
            "the board with its status bar").Screen;

        Assert.Contains("DEMO", screen, StringComparison.Ordinal);
        Assert.Contains("Inloggad:", screen, StringComparison.Ordinal);
        Assert.Contains("Jour:", screen, StringComparison.Ordinal);
        Assert.Contains("F1 Hjälp", screen, StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d", screen);
        Assert.All(screen.Split('\n'), line => Assert.True(line.Length <= 80));
    }

    [Fact]
    public void SecondSession_SharesTheServer_AndSeesTheFirstOnesChangeWithinASecond()
    {
        using var first = new Tmux(_jour.Command());
        first.WaitFor("Öppna ärenden");
        using var second = new Tmux(_jour.Command());
        second.WaitFor("Öppna ärenden");
        Assert.Single(_jour.ServerPids());

        // In the first session: filter to the newest received case, open it, start the assessment.
        first.Type("/");
        first.Type("Mottaget");
        first.Keys("Enter");
        string filtered = first.WaitFor("Filter: Mottaget").Screen;
        string number = filtered.Split('\n').First(l => l.StartsWith('▶')).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        first.Keys("Enter");
        first.WaitFor("[U] Börja utreda");
        first.Keys("u");
        first.WaitFor("Anledning");
        first.Type("ringer anordnaren");
        first.Keys("Enter");
        first.WaitFor("Läge: Utreds");

        var (screen, took) = second.WaitUntil(
            s => s.Split('\n').Any(l => l.Contains(number, StringComparison.Ordinal) && l.Contains("Utreds", StringComparison.Ordinal)),
            $"{number} Utreds",
            timeoutMs: 1_000);

        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalMilliseconds} ms\n{screen}");
        (int code, string text, _) = _jour.Run("case", number);
        Assert.Equal(0, code);
        Assert.Contains("Mottaget -> Utreds  ringer anordnaren", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheBindings_EscGoesBack_AndNeverQuits()
    {
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");

        tmux.Keys("F1");
        string help = tmux.WaitFor("Hjälp – Ärenden").Screen;
        Assert.Contains("Filtrera", help, StringComparison.Ordinal);
        Assert.Contains("↓ mer", help, StringComparison.Ordinal);

        // The help scrolls to its last line: quitting is listed among the global keys.
        tmux.Keys("End");
        string end = tmux.WaitFor("Avsluta (frågar först)").Screen;
        Assert.Contains("^Q F10", end, StringComparison.Ordinal);

        tmux.Keys("Escape");
        tmux.WaitFor("Öppna ärenden");
        tmux.Keys("Escape");
        tmux.Keys("Escape");
        Thread.Sleep(300);
        Assert.Contains("Öppna ärenden", tmux.Screen(), StringComparison.Ordinal);

        tmux.Keys("F4");
        tmux.WaitFor("Beredskapspersonal");
        tmux.Keys("F7");
        tmux.WaitFor("Överlämning");
        tmux.Keys("F2");
        tmux.WaitFor("Öppna ärenden");
    }

    [Fact]
    public void Quit_AsksFirst_NoKeepsTheSession_YesEndsIt()
    {
        using var tmux = new Tmux(_jour.Command() + "; echo SESSION-ENDED");
        tmux.WaitFor("Öppna ärenden");

        tmux.Keys("C-q");
        tmux.WaitFor("Vill du avsluta Jour?");
        tmux.Keys("n");
        Thread.Sleep(300);
        Assert.DoesNotContain("SESSION-ENDED", tmux.Screen(), StringComparison.Ordinal);

        tmux.Keys("C-c");
        Thread.Sleep(300);
        Assert.Contains("Öppna ärenden", tmux.Screen(), StringComparison.Ordinal);

        tmux.Keys("C-q");
        tmux.WaitFor("Vill du avsluta Jour?");
        tmux.Keys("j");
        tmux.WaitFor("SESSION-ENDED");
    }

    [Fact]
    public void EnglishAndAscii_AreSelectable()
    {
        using var tmux = new Tmux(_jour.Command("--lang en --ascii"));

        string screen = tmux.WaitFor("Open cases").Screen;

        Assert.Contains("Signed in:", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("─", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("▶", screen, StringComparison.Ordinal);
        Assert.Contains("> ", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Resize_RedrawsToTheNewSize()
    {
        using var tmux = new Tmux(_jour.Command(), 120, 30);
        string wide = tmux.WaitFor("Öppna ärenden").Screen;

        Assert.Contains("Anordnare", wide, StringComparison.Ordinal);
        Assert.Contains(wide.Split('\n'), l => l.Length > 80);
    }
}
