using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// The first admin of a real (not demo) database only with the one-time code, which reaches the one who created
/// the database: the session that started the server, the terminal of `jour server`, or `jour users setup-code`.
/// </summary>
public sealed partial class SetUpTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public SetUpTests()
    {
        File.WriteAllText(Path.Combine(_jour.DataDir, "jour.json"), """{ "demo": false }""");
    }

    public void Dispose() => _jour.Dispose();

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex Code();

    [Fact]
    public void TheSessionThatCreatesTheDatabase_IsShownTheCode_AndCreatesTheAdminWithIt()
    {
        using var tmux = new Tmux(_jour.Command());
        string screen = tmux.WaitFor("skapa administratör").Screen;
        string code = Code().Match(screen).Value;
        Assert.NotEmpty(code);

        tmux.Type("Ada Admin");
        tmux.Keys("Enter");
        tmux.Type("4711");
        tmux.Keys("Enter");
        tmux.Type("4711");
        tmux.Keys("Enter");
        tmux.WaitFor("Engångskod: " + code);
        tmux.Keys("Enter");
        tmux.WaitFor("Inloggad: Ada Admin");

        // Only the hash was stored and nothing logged it; the set-up cannot be done twice.
        Assert.DoesNotContain(code, _jour.AllLogs(), StringComparison.Ordinal);
        (int again, _, string refused) = _jour.Run("users", "setup-code");
        Assert.Equal(2, again);
        Assert.Contains("Det finns redan en administratör", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void ALostCode_IsReplacedByTheOwner_TheOldOneIsRefused_TheNewOneWorks()
    {
        (int code, string first, string err) = _jour.Run("users", "setup-code");
        Assert.True(code == 0, err);
        (code, string second, err) = _jour.Run("users", "setup-code");
        Assert.True(code == 0, err);
        string old = Code().Match(first).Value;
        string fresh = Code().Match(second).Value;
        Assert.NotEmpty(old);
        Assert.NotEqual(old, fresh);

        // The server runs already: this session was handed no code and asks for it.
        using var tmux = new Tmux(_jour.Command());
        string screen = tmux.WaitFor("jour users setup-code").Screen;
        Assert.DoesNotMatch(Code(), screen);
        tmux.Type("Ada Admin");
        tmux.Keys("Enter");
        tmux.Type("4711");
        tmux.Keys("Enter");
        tmux.Type("4711");
        tmux.Keys("Enter");
        tmux.WaitFor("Engångskod:");
        tmux.Type(old);
        tmux.Keys("Enter");
        tmux.WaitFor("Engångskoden stämmer inte");
        tmux.Keys("C-u");
        tmux.Type(fresh.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        tmux.Keys("Enter");
        tmux.WaitFor("Inloggad: Ada Admin");
    }

    [Fact]
    public void JourServer_PrintsTheCodeOnItsTerminal_ButNotWhereItsOutputIsNoTerminal()
    {
        using (var tmux = new Tmux($"{JourInstall.Binary} server --data-dir {_jour.DataDir}"))
        {
            string screen = tmux.WaitFor("Engångskod").Screen;
            Assert.Matches(Code(), screen);
            Assert.Equal(0, _jour.Run("server", "--stop").Code);
        }

        // Under systemd the output goes to the journal, which others read: a hint, never the code. (The idle time is
        // read as a Swedish number, like every number on the command line.)
        using var other = new JourInstall();
        File.WriteAllText(Path.Combine(other.DataDir, "jour.json"), """{ "demo": false }""");
        var start = new ProcessStartInfo(JourInstall.Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "server", "--idle-minutes", "0,02", "--data-dir", other.DataDir })
        {
            start.ArgumentList.Add(a);
        }

        using Process server = Process.Start(start)!;
        Task<string> stdout = server.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = server.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(server.WaitForExit(30_000));
        Assert.DoesNotMatch(Code(), stdout.Result + stderr.Result);
        Assert.Contains("jour users setup-code", stderr.Result, StringComparison.Ordinal);
    }
}
