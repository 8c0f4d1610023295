using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Jour.EndToEnd.Tests;

/// <summary>Sign-in with a PIN, the idle lock, switching user, kiosk mode and `jour users`, on the real binary in tmux.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void Kiosk_CtrlC_CtrlZ_CtrlBackslash_AndTheirSignals_LeaveTheAppRunning_QuittingNeedsAnAdmin()
    {
        using var tmux = new Tmux(_jour.Command("--kiosk"));
        tmux.WaitFor("Öppna ärenden");
        int pid = SessionPid();

        tmux.Keys("C-c");
        tmux.Keys("C-z");
        tmux.Keys("C-\\");
        foreach (string signal in new[] { "INT", "TSTP", "QUIT" })
        {
            using Process kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        Thread.Sleep(1_000);
        Assert.True(IsRunning(pid), "the kiosk session stopped or was suspended");
        tmux.Keys("F5");
        tmux.WaitFor("Brukare");

        // Quitting: an officer cannot, an admin can.
        tmux.Keys("C-q");
        tmux.WaitFor("Avsluta kräver administratör");
        tmux.Type("Anna Lindqvist");
        tmux.Keys("Enter", "Enter");
        tmux.WaitFor("Inloggningen misslyckades");
        Assert.True(IsRunning(pid));

        tmux.Keys("C-q");
        tmux.WaitFor("Avsluta kräver administratör");
        tmux.Type("Demo Admin");
        tmux.Keys("Enter", "Enter");
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(50);
        }

        Assert.False(IsRunning(pid));
    }

    [Fact]
    public void ANewUser_SignsInWithAPin_AndIsLockedAfterIdleTime()
    {
        // Three seconds of idle time instead of five minutes.
        File.WriteAllText(Path.Combine(_jour.DataDir, "jour.json"), """{ "idleLockMinutes": 0.05 }""");
        (int code, string output, string error) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_NEW_PIN"] = "2580" }, "users", "add", "Eva Ström", "--roles", "jourhavande");
        Assert.True(code == 0, error);
        Assert.Contains("Eva Ström", output, StringComparison.Ordinal);

        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");
        tmux.Keys("M-x");
        string signIn = tmux.WaitFor("Eva Ström").Screen;
        Assert.DoesNotContain("Öppna ärenden", signIn, StringComparison.Ordinal);

        // Eva sorts right after Erik Johansson: Anna, Demo Admin, Erik, Eva.
        tmux.Keys("Home", "Down", "Down", "Down", "Enter");
        tmux.WaitFor("PIN:");
        tmux.Type("1111");
        tmux.Keys("Enter");
        tmux.WaitFor("Inloggningen misslyckades");
        tmux.Type("2580");
        tmux.Keys("Enter");
        tmux.WaitFor("Inloggad: Eva Ström");

        tmux.Keys("F5");
        // "Brukare" alone is also a column of the board: wait for the register's own heading.
        string clients = tmux.WaitUntil(s => Regex.IsMatch(s, @"Brukare \(\d+\)"), "the client register").Screen;
        string someName = clients.Split('\n')[4].Trim().TrimStart('▶').Trim().Split("  ")[0];
        string locked = tmux.WaitFor("Skärmen är låst", timeoutMs: 20_000).Screen;
        Assert.DoesNotContain(someName, locked, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{8}-", locked);

        tmux.Type("2580");
        tmux.Keys("Enter");
        tmux.WaitFor(someName);
    }

    [Fact]
    public void AltK_ChangesTheUsersOwnPin_AndASessionWhoseServerIsKilled_SignsInAgainWithTheNewOne()
    {
        Assert.Equal(0, _jour.RunWith(new Dictionary<string, string> { ["JOUR_NEW_PIN"] = "2580" }, "users", "add", "Eva Ström", "--roles", "jourhavande").Code);
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");
        tmux.Keys("M-x");
        tmux.WaitFor("Eva Ström");
        tmux.Keys("Home", "Down", "Down", "Down", "Enter"); // Anna, Demo Admin, Erik, Eva
        tmux.WaitFor("PIN:");
        tmux.Type("2580");
        tmux.Keys("Enter");
        tmux.WaitFor("Inloggad: Eva Ström");

        tmux.Keys("M-k");
        tmux.WaitFor("nuvarande PIN:");
        tmux.Type("2580");
        tmux.Keys("Enter");
        tmux.WaitFor("Ny PIN");
        tmux.Type("741963");
        tmux.Keys("Enter");
        tmux.WaitFor("PIN igen:");
        tmux.Type("741963");
        tmux.Keys("Enter");
        string changed = tmux.WaitFor("Din PIN är bytt.").Screen;
        Assert.DoesNotContain("741963", changed, StringComparison.Ordinal);

        // The server dies; the session starts the next one and signs Eva in again, with the PIN she has now.
        foreach (int pid in _jour.ServerPids())
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }

        tmux.Keys("F5");
        tmux.WaitUntil(s => Regex.IsMatch(s, @"Brukare \(\d+\)"), "the client register after the restart");
        Assert.Equal(0, _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "741963" }, "cases").Code);
        Assert.DoesNotContain("Inloggningen misslyckades", tmux.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void JourUsers_AddsListsDisablesAndResets_AsAnAdminOnly()
    {
        var pin = new Dictionary<string, string> { ["JOUR_NEW_PIN"] = "2580" };
        Assert.Equal(0, _jour.RunWith(pin, "users", "add", "Eva Ström", "--roles", "jourhavande,mas").Code);

        (int code, string list, _) = _jour.Run("users", "list");
        Assert.Equal(0, code);
        Assert.Contains(list.Split('\n'), l => l.Contains("Eva Ström", StringComparison.Ordinal) && l.Contains("jourhavande,mas", StringComparison.Ordinal) && l.Contains("aktiv", StringComparison.Ordinal));

        var eva = new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "2580" };
        (int refused, _, string notAdmin) = _jour.RunWith(eva, "users", "list");
        Assert.Equal(2, refused);
        Assert.Contains("administratör", notAdmin, StringComparison.Ordinal);

        // A wrong PIN and an unknown user read the same.
        var wrong = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "0000" }, "cases");
        var unknown = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Ingen Alls", ["JOUR_PIN"] = "0000" }, "cases");
        Assert.Equal(2, wrong.Code);
        Assert.Equal(wrong.Err, unknown.Err);
        Assert.Contains("Inloggningen misslyckades", wrong.Err, StringComparison.Ordinal);

        Assert.Equal(0, _jour.RunWith(new Dictionary<string, string> { ["JOUR_NEW_PIN"] = "369258" }, "users", "reset-pin", "Eva Ström").Code);
        Assert.Equal(2, _jour.RunWith(eva, "cases").Code); // the old PIN no longer works

        // Eva changes her own PIN: the current one is the one she signs in with, the new one is read as for add.
        var change = new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "369258", ["JOUR_NEW_PIN"] = "147258" };
        (int changed, string changedOut, _) = _jour.RunWith(change, "users", "change-pin");
        Assert.Equal(0, changed);
        Assert.Contains("Din PIN är bytt.", changedOut, StringComparison.Ordinal);
        Assert.Equal(0, _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "147258" }, "cases").Code);

        Assert.Equal(0, _jour.Run("users", "disable", "Eva Ström").Code);
        var disabled = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Eva Ström", ["JOUR_PIN"] = "147258" }, "cases");
        Assert.Equal(wrong.Err, disabled.Err);
        Assert.Contains("avstängd", _jour.Run("users", "list").Out, StringComparison.Ordinal);

        // Logs carry ids, never the names.
        Assert.DoesNotContain("Eva Ström", _jour.AllLogs(), StringComparison.Ordinal);
    }

    private int SessionPid()
    {
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(_jour.DataDir, StringComparison.Ordinal) && cmdline.Contains("--kiosk", StringComparison.Ordinal) && !cmdline.StartsWith("sh", StringComparison.Ordinal) && !cmdline.Contains("sleep", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
        }

        throw new InvalidOperationException("no kiosk session process");
    }

    /// <summary>Alive and not stopped (state T would mean Ctrl+Z or SIGTSTP suspended it).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            char state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('T' or 't' or 'Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
