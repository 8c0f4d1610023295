using Jour.Testing;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// Issue 22 as an officer meets it: a demo data directory moved into PostgreSQL with `jour store migrate`, a
/// second data directory on "another machine" bound to the same database with `jour store use` — two servers —
/// and a session on each, at 80x24, seeing the other's change within a second.
/// </summary>
public sealed class PostgresTests(PostgresCluster cluster) : IDisposable
{
    private readonly JourInstall _a = new();
    private readonly JourInstall _b = new();

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Fact]
    public void TwoServersOnOneDatabase_EachSessionSeesTheOthersChangeWithinASecond()
    {
        string connection = cluster.NewSchema();
        Assert.Equal(0, _a.Run("cases").Code); // the demo, in LiteDB
        Assert.Equal(0, _a.Run("server", "--stop").Code);
        (int code, string output, string err) = _a.Run("store", "migrate", "--to", connection);
        Assert.True(code == 0, output + err);
        (code, output, err) = _b.Run("store", "use", connection);
        Assert.True(code == 0, output + err);
        (code, output, err) = _b.Run("store", "show");
        Assert.True(code == 0, output + err);
        Assert.Contains("PostgreSQL", output, StringComparison.Ordinal);

        using var first = new Tmux(_a.Command());
        first.WaitFor("Öppna ärenden");
        using var second = new Tmux(_b.Command());
        second.WaitFor("Öppna ärenden");
        Assert.Single(_a.ServerPids());
        Assert.Single(_b.ServerPids());

        // Through server A: the newest received case is taken up for assessment.
        string number = Advance(first, "Mottaget", "[U] Börja utreda", "u", "ringer anordnaren", "Läge: Utreds");
        var (screen, took) = second.WaitUntil(
            s => s.Split('\n').Any(l => l.Contains(number, StringComparison.Ordinal) && l.Contains("Utreds", StringComparison.Ordinal)),
            $"{number} Utreds on server B",
            timeoutMs: 5_000);
        Assert.True(took < TimeSpan.FromSeconds(1), $"server B saw it after {took.TotalMilliseconds} ms\n{screen}");
        TestContext.Current.TestOutputHelper?.WriteLine($"A -> B: {took.TotalMilliseconds:0} ms");

        // And back: the case's timeline read through server B holds what was written through server A.
        (code, output, _) = _b.Run("case", number);
        Assert.Equal(0, code);
        Assert.Contains("Mottaget -> Utreds  ringer anordnaren", output, StringComparison.Ordinal);

        // Through server B, another received case; server A's board follows.
        // Back on server A's board, its text filter cleared (Esc), so every open case shows.
        first.Keys("Escape");
        first.WaitFor("Öppna ärenden");
        first.Keys("Escape");
        first.WaitUntil(s => s.Contains("Öppna ärenden", StringComparison.Ordinal) && !s.Contains("Filter: Mottaget", StringComparison.Ordinal), "the board unfiltered");
        string other = Advance(second, "Mottaget", "[U] Börja utreda", "u", "via server B", "Läge: Utreds");
        Assert.NotEqual(number, other);
        (screen, took) = first.WaitUntil(
            s => s.Split('\n').Any(l => l.Contains(other, StringComparison.Ordinal) && l.Contains("Utreds", StringComparison.Ordinal)),
            $"{other} Utreds on server A",
            timeoutMs: 5_000);
        Assert.True(took < TimeSpan.FromSeconds(1), $"server A saw it after {took.TotalMilliseconds} ms\n{screen}");
        TestContext.Current.TestOutputHelper?.WriteLine($"B -> A: {took.TotalMilliseconds:0} ms");
    }

    // Filters the board to a state, opens the first case shown, and moves it on with a reason; returns its number.
    private static string Advance(Tmux session, string state, string action, string key, string reason, string done)
    {
        session.Type("/");
        session.Type(state);
        session.Keys("Enter");
        string filtered = session.WaitFor("Filter: " + state).Screen;
        string number = filtered.Split('\n').First(l => l.StartsWith('▶')).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        session.Keys("Enter");
        session.WaitFor(action);
        session.Keys(key);
        session.WaitFor("Anledning");
        session.Type(reason);
        session.Keys("Enter");
        session.WaitFor(done);
        return number;
    }
}
