using System.Diagnostics;

namespace Jour.EndToEnd.Tests;

/// <summary>A detached tmux session at 80x24 running one command, read the way an officer sees it.</summary>
public sealed class Tmux : IDisposable
{
    private static int s_counter;

    // Sessions and the servers they start trace every request (ids, ops, times) so that a failure's kept
    // logs (JourInstall) show where an answer stopped.
    public Tmux(string command, int width = 80, int height = 24, string env = "")
    {
        Name = $"jour-e2e-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}";
        Exec("new-session", "-d", "-s", Name, "-x", width.ToString(), "-y", height.ToString(), $"JOUR_LOG_LEVEL=Debug {env} {command}; sleep 600");
    }

    public string Name { get; }

    public string Screen() => Exec("capture-pane", "-p", "-t", Name);

    public void Keys(params string[] keys)
    {
        foreach (string key in keys)
        {
            Exec("send-keys", "-t", Name, key);
        }
    }

    /// <summary>Types literal text (no key-name interpretation).</summary>
    public void Type(string text) => Exec("send-keys", "-t", Name, "-l", text);

    /// <summary>Alt+X, then the user chosen with the arrows and Enter (demo users have no PIN).</summary>
    public void SwitchUser(string name)
    {
        Keys("M-x");
        WaitFor(name);
        Keys("Home");
        for (int i = 0; i < 20 && !Screen().Contains("▶ " + name, StringComparison.Ordinal); i++)
        {
            Keys("Down");
            Thread.Sleep(100);
        }

        WaitFor("▶ " + name);
        Keys("Enter");
        WaitFor("Inloggad: " + name);
    }

    /// <summary>Waits until the screen shows <paramref name="text"/>; returns the screen and how long it took.</summary>
    public (string Screen, TimeSpan Took) WaitFor(string text, int timeoutMs = 15_000) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), text, timeoutMs);

    public (string Screen, TimeSpan Took) WaitUntil(Func<string, bool> condition, string what, int timeoutMs = 15_000)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.ElapsedMilliseconds < timeoutMs)
        {
            screen = Screen();
            if (condition(screen))
            {
                // A frame reaches tmux in pieces: return the screen once it has stopped changing, so
                // an assertion on another part of it does not read half a frame. The time is when the
                // condition first held.
                TimeSpan took = clock.Elapsed;
                for (int i = 0; i < 10; i++)
                {
                    Thread.Sleep(30);
                    string again = Screen();
                    if (again == screen)
                    {
                        break;
                    }

                    screen = again;
                }

                return (screen, took);
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"'{what}' not on screen after {timeoutMs} ms. Screen:\n{screen}");
    }

    public void Dispose()
    {
        try
        {
            Exec("kill-session", "-t", Name);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string Exec(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
        }

        return output;
    }
}
