using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Jour.EndToEnd.Tests;

public sealed partial class ServerTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void FiveClientsAtOnce_StartExactlyOneServer_AndEveryWriteIsCountedBack()
    {
        const int clients = 5, notes = 60;
        var processes = Enumerable.Range(0, clients).Select(i => StartLoad(caseId: 1, notes, $"writer{i}")).ToList();
        string[] outputs = [.. processes.Select(p => p.StandardOutput.ReadToEndAsync()).Select(t => t.Result)];
        foreach (Process p in processes)
        {
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }

        // Servers that lost the race for the lock exit at once; give them a moment to be gone.
        for (int i = 0; i < 40 && _jour.ServerPids().Count > 1; i++)
        {
            Thread.Sleep(50);
        }

        Assert.Single(_jour.ServerPids());
        int acked = outputs.Sum(o => o.Split('\n').Count(l => l.StartsWith("ack ", StringComparison.Ordinal)));
        Assert.Equal(clients * notes, acked);
        (int code, string timeline, string err) = _jour.Run("case", "1");
        Assert.True(code == 0, err);
        for (int i = 0; i < clients; i++)
        {
            Assert.True(notes == Regex.Matches(timeline, $@"writer{i} \d+$", RegexOptions.Multiline).Count, timeline);
        }
    }

    [Fact]
    public void KillDashNine_OfTheServerMidStream_LosesNoAcknowledgedWrite()
    {
        _jour.Run("cases");
        var acked = new List<string>();
        for (int round = 0; round < 5; round++)
        {
            Process load = StartLoad(caseId: 2, notes: 400, $"round{round}");
            var lines = new List<string>();
            var reader = Task.Run(() =>
            {
                while (load.StandardOutput.ReadLine() is { } line)
                {
                    lock (lines)
                    {
                        lines.Add(line);
                    }
                }
            });
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 10_000)
            {
                lock (lines)
                {
                    if (lines.Count >= 20)
                    {
                        break;
                    }
                }

                Thread.Sleep(5);
            }

            foreach (int pid in _jour.ServerPids())
            {
                Process.GetProcessById(pid).Kill();
            }

            Assert.True(load.WaitForExit(120_000));
            reader.Wait();
            acked.AddRange(lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2] + " " + l.Split(' ')[3]));
        }

        // The next client restarted the server each time; now every acknowledged note must be stored.
        (int code, string timeline, string err) = _jour.Run("case", "2");
        Assert.True(code == 0, err);
        var stored = NoteLine().Matches(timeline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(acked.Count > 100, $"only {acked.Count} acknowledged");
        Assert.All(acked, a => Assert.Contains(a, stored));
        Assert.Single(_jour.ServerPids());
    }

    [Fact]
    public void ServerStop_EndsIt_AndTheNextClientStartsANewOne()
    {
        _jour.Run("cases");
        int first = Assert.Single(_jour.ServerPids());

        (int code, string text, _) = _jour.Run("server", "--stop");
        Assert.Equal(0, code);
        Assert.Contains("stoppad", text, StringComparison.Ordinal);
        for (int i = 0; i < 40 && _jour.ServerPids().Count > 0; i++)
        {
            Thread.Sleep(50);
        }

        Assert.Empty(_jour.ServerPids());

        Assert.Equal(0, _jour.Run("cases").Code);
        Assert.NotEqual(first, Assert.Single(_jour.ServerPids()));
    }

    [Fact]
    public void Database_IsEncrypted_WrongOrMissingKeyGivesAClearMessage_AndTouchesNothing()
    {
        _jour.Run("cases");
        _jour.Run("server", "--stop");
        string db = Path.Combine(_jour.DataDir, "jour.db");
        string keyFile = Path.Combine(_jour.DataDir, "jour.key");
        byte[] before = File.ReadAllBytes(db);
        (_, string clients, _) = _jour.RunWith(null, "clients");
        _jour.Run("server", "--stop");
        string someName = clients.Split('\n')[1].Split("  ")[0];
        Assert.DoesNotContain(someName, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(db)), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        string key = File.ReadAllText(keyFile);
        (int code, _, string err) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_DB_KEY"] = "wrong" + key }, "cases");
        Assert.Equal(2, code);
        Assert.Contains("Fel nyckel", err, StringComparison.Ordinal);

        File.Move(keyFile, keyFile + ".aside");
        (code, _, err) = _jour.Run("cases");
        Assert.Equal(2, code);
        Assert.Contains("nyckeln saknas", err, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
        Assert.Equal(before.Length, new FileInfo(db).Length);

        File.Move(keyFile + ".aside", keyFile);
        Assert.Equal(0, _jour.Run("cases").Code);
    }

    [Fact]
    public void Logs_OfARun_HoldNoPersonnummerAndNoDemoNames()
    {
        using (var tmux = new Tmux(_jour.Command()))
        {
            tmux.WaitFor("Öppna ärenden");
            tmux.Keys("F5");
            tmux.WaitFor("Brukare (");
            tmux.Keys("F2", "Enter");
            tmux.WaitFor("Tidslinje");
        }

        _jour.Run("clients");
        _jour.Run("case", "3");
        _jour.Run("server", "--stop");
        string logs = _jour.AllLogs();

        Assert.Contains("signed in", logs, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(19|20)\d{6}[-+]?\d{4}", logs);
        Assert.DoesNotMatch(@"\b\d{6}[-+]\d{4}\b", logs);
        foreach (string name in new[] { "Anna Lindqvist", "Erik Johansson", "Sara Holm", "Lindqvist", "Wikström", "Söderström", "Portkod" })
        {
            Assert.DoesNotContain(name, logs, StringComparison.Ordinal);
        }
    }

    private Process StartLoad(long caseId, int notes, string label)
    {
        var start = new ProcessStartInfo(JourInstall.Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "load", "--case", caseId.ToString(), "--notes", notes.ToString(), "--label", label, "--data-dir", _jour.DataDir })
        {
            start.ArgumentList.Add(a);
        }

        Process p = Process.Start(start)!;
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    [GeneratedRegex(@"  (round\d+ \d+)$", RegexOptions.Multiline)]
    private static partial Regex NoteLine();
}
