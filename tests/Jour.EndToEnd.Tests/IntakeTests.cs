using System.Text.RegularExpressions;

namespace Jour.EndToEnd.Tests;

/// <summary>The heart of Jour as a new officer meets it in tmux at 80x24, keyboard only, in Swedish.</summary>
public sealed partial class IntakeTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void NewClient_NewCase_Verification_Accept_Board_Filter_Timeline()
    {
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");

        // A new client from the client register.
        tmux.Keys("F5");
        tmux.WaitFor("Brukare (");
        tmux.Type("n");
        tmux.WaitFor("Ny brukare");
        tmux.Type("Tove Testsson");
        tmux.Keys("Enter");
        tmux.Type("19121212-1212");
        tmux.WaitFor("personnummer, man");
        tmux.Keys("Enter", "Enter", "Enter", "Right"); // address, access note, provider: the first one
        tmux.Keys("C-s");
        tmux.WaitFor("Brukare (");
        tmux.Type("/");
        tmux.Type("Testsson");
        tmux.Keys("Enter");
        tmux.WaitUntil(s => s.Contains("Brukare (1)", StringComparison.Ordinal) && s.Contains("Tove Testsson", StringComparison.Ordinal), "the new client in the register");

        // A case for her from the board.
        tmux.Keys("F2");
        tmux.WaitFor("Öppna ärenden");
        tmux.Type("n");
        tmux.WaitFor("Nytt ärende");
        // A form without a saved draft asks the server for one and gets none: that is not an error.
        // (The answer comes a moment after the form; typing would clear a message, so look first.)
        Thread.Sleep(500);
        Assert.DoesNotContain("Felaktig begäran", tmux.Screen(), StringComparison.Ordinal);
        tmux.Type("Tove Testsson");
        tmux.WaitFor("→ Tove Testsson");
        tmux.Keys("Enter", "Enter", "Enter");
        tmux.Type("Eva Lind");
        tmux.Keys("Enter");
        tmux.Type("070-123 45 67");
        tmux.Keys("Enter");
        tmux.Type("22:00");
        tmux.Keys("Enter");
        tmux.Type("07:00");
        tmux.WaitFor("timmar)");
        tmux.Keys("C-s");
        string opened = tmux.WaitFor("Tidslinje").Screen;
        Assert.Contains("Läge: Mottaget", opened, StringComparison.Ordinal);
        string number = CaseNumber().Match(opened).Value;

        // Start the assessment, record the verification, accept.
        Fire(tmux, "Börja utreda");
        tmux.WaitFor("Läge: Utreds");
        Assert.Contains("[G] Godta saknar: anordnarens alternativ uttömda, steg 1", tmux.Screen(), StringComparison.Ordinal);

        // G is Godta in every state: pressed before the verification, it says what is missing and declines nothing.
        tmux.Type("g");
        string refused = tmux.WaitFor("! Godta saknar").Screen;
        Assert.DoesNotContain("Anledning", refused, StringComparison.Ordinal);
        Assert.Contains("Läge: Utreds", refused, StringComparison.Ordinal);
        foreach (string outcome in new[] { "Inga egna vikarier", "Krisbemanningen har ingen", "Poolen täcker natten" })
        {
            tmux.Type("v");
            tmux.WaitFor("Utfall");
            tmux.Type(outcome);
            tmux.Keys("C-s");
            tmux.WaitUntil(s => s.Contains("Tidslinje", StringComparison.Ordinal) && s.Contains(outcome, StringComparison.Ordinal), outcome);
        }

        Fire(tmux, "Godta");
        tmux.WaitFor("Läge: Bemannas");

        // On the board, filtered to it, and its timeline.
        tmux.Keys("Escape");
        tmux.WaitFor("Öppna ärenden");
        tmux.Type("/");
        tmux.Type("Testsson");
        tmux.Keys("Enter");
        string board = tmux.WaitFor("Filter: Testsson").Screen;
        Assert.Contains(number, board, StringComparison.Ordinal);
        Assert.Contains("Bemannas", board, StringComparison.Ordinal);
        tmux.Keys("Enter");
        string timeline = tmux.WaitFor("Tidslinje").Screen;
        Assert.Contains("Utreds → Bemannas", timeline, StringComparison.Ordinal);
        Assert.Contains("Verifiering", timeline, StringComparison.Ordinal);

        (int code, string text, _) = _jour.Run("cases", "--state", "Staffing");
        Assert.Equal(0, code);
        Assert.Contains(number, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSessions_SameCase_TheSecondSaveIsRefused_NamingWhoAndWhat_AndKeepsTheText()
    {
        using var first = new Tmux(_jour.Command());
        first.WaitFor("Öppna ärenden");
        using var second = new Tmux(_jour.Command());
        second.WaitFor("Öppna ärenden");
        OpenFirstReceived(first);
        string number = OpenFirstReceived(second);

        // The second officer starts typing a reason before the first one saves.
        second.Keys("u");
        second.WaitFor("Anledning");
        second.Type("min text som inte får försvinna");

        first.Keys("u");
        first.WaitFor("Anledning");
        first.Keys("Enter");
        first.WaitFor("Läge: Utreds");

        second.Keys("Enter");
        string refused = second.WaitFor("Ändrat av").Screen;
        Assert.Contains("Mottaget", refused, StringComparison.Ordinal);
        Assert.Contains("Utreds", refused, StringComparison.Ordinal);
        Assert.Contains("min text som inte får försvinna", refused, StringComparison.Ordinal);

        (_, string text, _) = _jour.Run("case", number);
        Assert.DoesNotContain("min text som inte får försvinna", text, StringComparison.Ordinal);
    }

    private static string OpenFirstReceived(Tmux tmux)
    {
        tmux.Keys("Tab");
        tmux.WaitFor("Läge: Mottaget");
        tmux.Keys("Home", "Enter");
        string screen = tmux.WaitFor("[U] Börja utreda").Screen;
        return CaseNumber().Match(screen).Value;
    }

    private static void Fire(Tmux tmux, string trigger)
    {
        string screen = tmux.WaitFor("] " + trigger).Screen;
        string letter = Regex.Match(screen, @"\[(\w)\] " + Regex.Escape(trigger)).Groups[1].Value;
        tmux.Type(letter.ToLowerInvariant());
        tmux.WaitFor("Anledning");
        tmux.Keys("Enter");
    }

    [GeneratedRegex(@"\b20\d\d-\d{4}\b")]
    private static partial Regex CaseNumber();
}
