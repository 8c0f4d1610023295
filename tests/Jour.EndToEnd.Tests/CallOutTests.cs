using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jour.Testing;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// Issue 21 as a new user would, with the stand-in gateway on 127.0.0.1: configure SMS, call out three for a demo
/// case from the candidates screen at 80x24, one answers JA and one NEJ; the yes is on the officer's screen within
/// one polling interval plus a second, the third got "tillsatt", and `jour callout --status` says the same.
/// Tests that count the texts sent turn shift reminders off: within an hour of a shift change (06:00–07:00 in
/// the demo) the incoming officer's reminder is one more text, which failed them at that hour of the day.
/// </summary>
public sealed class CallOutTests : IDisposable
{
    private const int PollSeconds = 1;
    private readonly JourInstall _jour = new();
    private readonly SmsStandIn _sms = new();

    public void Dispose()
    {
        _sms.Dispose();
        _jour.Dispose();
    }

    [Fact]
    public void CallOut_ThreeAsked_JaAndNej_TheYesIsTheDeployment_TheThirdGetsTillsatt()
    {
        var (code, output, error) = _jour.Run(
            "settings", "--set", "sms-url=" + _sms.Url, "--set", "sms-user=" + _sms.User, "--set", "sms-password=" + _sms.Password,
            "--set", "sms-from=+46700000000", "--set", $"sms-poll-seconds={PollSeconds}", "--set", "shift-notice-minutes=0");
        Assert.True(code == 0, output + error);
        Assert.Contains("SMS-tjänsten svarar och godtar inloggningen", output, StringComparison.Ordinal);
        Assert.Contains("(sparat, krypterat)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_sms.Password, output, StringComparison.Ordinal);

        // A wrong password is told at once, not at 03:00.
        var wrong = _jour.Run("settings", "--set", "sms-password=fel");
        Assert.Equal(3, wrong.Code);
        Assert.Contains("401", wrong.Out, StringComparison.Ordinal);
        Assert.Equal(0, _jour.Run("settings", "--set", "sms-password=" + _sms.Password).Code);

        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");
        tmux.Keys("Tab", "Tab", "Tab");
        tmux.WaitFor("Läge: Bemannas");
        tmux.Keys("Home", "Enter");
        string detail = tmux.WaitFor("Tidslinje").Screen;
        string number = Regex.Match(detail, @"\b20\d\d-\d{4}\b").Value;
        Assert.NotEmpty(number);

        // The day window needs one assistant: the first yes fills it.
        tmux.Type("b");
        tmux.WaitFor("av 2 bemannade");
        tmux.Keys("Right");
        tmux.WaitFor("Fönster 2/2");
        tmux.WaitFor("0 av 1 bemannade");
        tmux.Type("s");
        tmux.WaitFor("SMS-utskick – hur många");
        tmux.Keys("C-u");
        tmux.Type("3");
        var clock = Stopwatch.StartNew();
        tmux.Keys("Enter");
        tmux.WaitFor("SMS 3/3 · 0 ja · 0 nej");
        Console.WriteLine($"FIGURE callout-3 on screen {clock.ElapsedMilliseconds} ms");
        Assert.Equal(3, _sms.Sent.Count);

        var offers = _sms.Sent.Select(m => (m.To, Code: Regex.Match(m.Text, @"JA ([A-Z0-9]{4})").Groups[1].Value)).ToList();
        Assert.All(offers, o => Assert.NotEmpty(o.Code));
        _sms.Reply(offers[1].To, "nej");
        _sms.Reply(offers[0].To, "Ja " + offers[0].Code.ToLowerInvariant());
        var (screen, took) = tmux.WaitFor("tar passet (föreslagen)", timeoutMs: 10_000);
        Console.WriteLine($"FIGURE reply on screen {took.TotalMilliseconds:0} ms (poll interval {PollSeconds} s)");
        Assert.True(took < TimeSpan.FromSeconds(PollSeconds + 1), $"the yes took {took.TotalMilliseconds:0} ms to show");
        Assert.Contains("1 ja · 1 nej", screen, StringComparison.Ordinal);

        StandInMessage filled = _sms.WaitForSentAsync(m => m.To == offers[2].To && m.Text.Contains("tillsatt", StringComparison.Ordinal), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        Assert.StartsWith("Passet är tillsatt – tack", filled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_sms.Sent, m => m.To == offers[1].To && m.Text.Contains("tillsatt", StringComparison.Ordinal));

        // The case shows the deployment and the texts in its timeline.
        tmux.Keys("Escape");
        string caseScreen = tmux.WaitFor("Insatser:").Screen;
        Assert.Contains("föreslagen", caseScreen, StringComparison.Ordinal);

        var status = _jour.Run("callout", "--status", number, "--format", "json");
        Assert.True(status.Code == 0, status.Out + status.Err);
        using JsonDocument json = JsonDocument.Parse(status.Out);
        var lines = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, lines.Count);
        JsonElement yes = lines.Single(l => l.GetProperty("to").GetString() == offers[0].To);
        Assert.Equal("yes", yes.GetProperty("answer").GetString());
        Assert.Equal("proposed", yes.GetProperty("deployment_state").GetString());
        Assert.NotEqual(JsonValueKind.Null, yes.GetProperty("sent_at").ValueKind);
        Assert.False(string.IsNullOrEmpty(yes.GetProperty("name").GetString()));
        JsonElement no = lines.Single(l => l.GetProperty("to").GetString() == offers[1].To);
        Assert.Equal("no", no.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, no.GetProperty("deployment_state").ValueKind);
        JsonElement third = lines.Single(l => l.GetProperty("to").GetString() == offers[2].To);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("answer").ValueKind);

        var text = _jour.Run("callout", "--status", number);
        Assert.Contains("föreslagen", text.Out, StringComparison.Ordinal);

        // The new collections are read by the check like every other.
        var check = _jour.Run("check");
        Assert.True(check.Code == 0, check.Out + check.Err);
        Assert.Contains("OK", check.Out + check.Err, StringComparison.Ordinal);

        // The logs carry ids only: no number, no text of a message.
        string logs = _jour.AllLogs();
        Assert.DoesNotContain(offers[0].To, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("tillsatt", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(_sms.Password, logs, StringComparison.Ordinal);
    }

    /// <summary>
    /// A yes by SMS is seen at once on the board (✉ on the row, a line above the status bar) until the case is opened;
    /// `W` on the candidates screen withdraws what is still open, and a yes after that gets a polite no.
    /// </summary>
    [Fact]
    public void AYes_IsMarkedOnTheBoardUntilOpened_AndAfterWithdrawingALateYesGetsAPoliteNo()
    {
        Assert.Equal(0, _jour.Run(
            "settings", "--set", "sms-url=" + _sms.Url, "--set", "sms-user=" + _sms.User, "--set", "sms-password=" + _sms.Password,
            "--set", "sms-from=+46700000000", "--set", $"sms-poll-seconds={PollSeconds}", "--set", "shift-notice-minutes=0").Code);
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");
        tmux.Keys("Tab", "Tab", "Tab");
        tmux.WaitFor("Läge: Bemannas");
        tmux.Keys("Home", "Enter");
        string number = Regex.Match(tmux.WaitFor("Tidslinje").Screen, @"\b20\d\d-\d{4}\b").Value;
        tmux.Keys("Escape");
        tmux.WaitFor("Läge: Bemannas");

        var callout = _jour.Run("callout", number, "--count", "3");
        Assert.True(callout.Code == 0, callout.Out + callout.Err);
        Assert.Equal(3, _sms.Sent.Count);
        var offers = _sms.Sent.Select(m => (m.To, Code: Regex.Match(m.Text, @"JA ([A-Z0-9]{4})").Groups[1].Value)).ToList();
        _sms.Reply(offers[0].To, "JA " + offers[0].Code);

        string board = tmux.WaitFor("Nytt SMS-ja blev en insats: " + number, timeoutMs: 10_000).Screen;
        Assert.Contains("✉", board.Split('\n').Single(r => r.Contains(number, StringComparison.Ordinal) && !r.Contains("SMS-ja", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Opening the case is looking at it: back on the board, the marks are gone.
        tmux.Keys("Enter");
        tmux.WaitFor("Tidslinje");
        tmux.Type("b");
        tmux.WaitFor("tar passet");
        tmux.Type("w");
        tmux.WaitFor("Återkalla utskicket till de 2 som inte svarat?");
        tmux.Type("j");
        var withdrawn = _jour.Run("callout", "--status", number, "--format", "json");
        for (int i = 0; i < 50 && withdrawn.Out.Contains("\"open\":true", StringComparison.Ordinal); i++)
        {
            Thread.Sleep(100);
            withdrawn = _jour.Run("callout", "--status", number, "--format", "json");
        }

        Assert.DoesNotContain("\"open\":true", withdrawn.Out, StringComparison.Ordinal);
        tmux.Keys("Escape");
        tmux.Keys("Escape");
        board = tmux.WaitUntil(s => s.Contains("Läge: Bemannas", StringComparison.Ordinal) && !s.Contains("Nytt SMS-ja", StringComparison.Ordinal), "the board without the mark").Screen;
        Assert.DoesNotContain("✉", board, StringComparison.Ordinal);

        _sms.Reply(offers[1].To, "ja " + offers[1].Code);
        StandInMessage late = _sms.WaitForSentAsync(m => m.To == offers[1].To && m.Text.Contains("redan tillsatt", StringComparison.Ordinal), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        Assert.StartsWith("Tack för ditt ja", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_sms.Sent, m => m.To == offers[2].To && m.Text.Contains("tillsatt", StringComparison.Ordinal));

        // The command line withdraws the same way (nothing is open now, and it says what stands).
        var again = _jour.Run("callout", "--withdraw", number);
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Contains("är återkallat", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, _jour.Run("callout", "--withdraw", "--status", number).Code);
    }

    /// <summary>
    /// The incoming officer's reminder, from the AOT server's own loop: with a lead of a day, the next shift's officer
    /// gets one text at once, and neither another round nor a restarted server sends it again.
    /// </summary>
    [Fact]
    public void ShiftReminder_GoesOnce_AndNotAgainAfterARestart()
    {
        var saved = _jour.Run(
            "settings", "--set", "sms-url=" + _sms.Url, "--set", "sms-user=" + _sms.User, "--set", "sms-password=" + _sms.Password,
            "--set", "sms-from=+46700000000", "--set", $"sms-poll-seconds={PollSeconds}", "--set", "shift-notice-minutes=1440");
        Assert.True(saved.Code == 0, saved.Out + saved.Err);
        Assert.Matches(@"shift-notice-minutes\s+1440", saved.Out);

        StandInMessage reminder = _sms.WaitForSentAsync(m => m.Text.StartsWith("Jour: Påminnelse, du har jour ", StringComparison.Ordinal), TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        Assert.StartsWith("shift-", reminder.IdempotencyKey, StringComparison.Ordinal);
        Thread.Sleep(TimeSpan.FromSeconds(PollSeconds * 3));
        int sent = _sms.Sent.Count(m => m.Text.Contains("Påminnelse", StringComparison.Ordinal));
        Assert.InRange(sent, 1, 2); // the next shift, and the one after if it starts within the day as well
        Assert.Equal(sent, _sms.Sent.Where(m => m.Text.Contains("Påminnelse", StringComparison.Ordinal)).Select(m => m.IdempotencyKey).Distinct().Count());

        Assert.Equal(0, _jour.Run("server", "--stop").Code);
        Assert.Equal(0, _jour.Run("oncall").Code);
        Thread.Sleep(TimeSpan.FromSeconds(PollSeconds * 3));
        Assert.Equal(sent, _sms.Sent.Count(m => m.Text.Contains("Påminnelse", StringComparison.Ordinal)));
        Assert.DoesNotContain(reminder.To, _jour.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public void AGatewayThatCannotBeReached_TellsTheOfficerInSwedish_AndTheCallOutLeavesWhenItAnswers()
    {
        Assert.Equal(0, _jour.Run(
            "settings", "--set", "sms-url=" + _sms.Url, "--set", "sms-user=" + _sms.User, "--set", "sms-password=" + _sms.Password,
            "--set", "sms-from=+46700000000", "--set", $"sms-poll-seconds={PollSeconds}", "--set", "shift-notice-minutes=0").Code);
        _sms.Fail("POST", StandInFault.ServerError, times: 2);
        string number = Regex.Match(_jour.Run("cases", "--state", "Staffing").Out, @"\b20\d\d-\d{4}\b").Value;

        var first = _jour.Run("callout", number, "--count", "2");
        Assert.Equal(3, first.Code);
        Assert.Contains("SMS-tjänsten har ett fel just nu", first.Out, StringComparison.Ordinal);
        Assert.Contains("i kö", first.Out, StringComparison.Ordinal);

        // The server retries with backoff (5 s first): both leave, each once.
        _sms.WaitForSentAsync(m => true, TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (_sms.Sent.Count < 2 && DateTime.UtcNow < until)
        {
            Thread.Sleep(200);
        }

        Assert.Equal(2, _sms.Sent.Count);
        Thread.Sleep(TimeSpan.FromSeconds(PollSeconds * 3));
        Assert.Equal(2, _sms.Sent.Count);
        Assert.Equal(4, _sms.Posts);
    }
}
