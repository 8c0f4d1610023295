using System.Diagnostics;

namespace Jour.EndToEnd.Tests;

/// <summary>The published `jour` binary and a private data directory per test.</summary>
public sealed class JourInstall : IDisposable
{
    public JourInstall()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "jour-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(DataDir);
        OutDir = DataDir + "-out";
        Directory.CreateDirectory(OutDir);
    }

    public static string Binary
    {
        get
        {
            string? bin = Environment.GetEnvironmentVariable("JOUR_E2E_BIN");
            if (string.IsNullOrEmpty(bin))
            {
                string? dir = AppContext.BaseDirectory;
                while (dir is not null && !File.Exists(Path.Combine(dir, "Jour.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                bin = Path.Combine(dir ?? ".", ".jour-build", "bin", "jour");
            }

            return File.Exists(bin) ? bin : throw new InvalidOperationException($"No jour binary at {bin}: run ./run.sh test");
        }
    }

    public string DataDir { get; }

    /// <summary>Where `--out` files go: outside the data directory, where Jour refuses them (issue 16).</summary>
    public string OutDir { get; }

    public string Command(string args = "") => $"{Binary} --data-dir {DataDir} {args}".TrimEnd();

    /// <summary>Runs a CLI command to the end; returns exit code, stdout and stderr.</summary>
    public (int Code, string Out, string Err) Run(params string[] args) => RunWith(null, args);

    public (int Code, string Out, string Err) RunWith(IDictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(DataDir);
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                start.Environment[k] = v;
            }
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', args));
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Pids of servers serving this data directory.</summary>
    public IReadOnlyList<int> ServerPids()
    {
        var pids = new List<int>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(" server ", StringComparison.Ordinal) && cmdline.Contains(DataDir, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return pids;
    }

    public string AllLogs() =>
        Directory.Exists(Path.Combine(DataDir, "logs"))
            ? string.Concat(Directory.GetFiles(Path.Combine(DataDir, "logs")).Select(f =>
            {
                using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(s).ReadToEnd();
            }))
            : "";

    /// <summary>
    /// A failed test's server and session logs are copied to .jour-build/e2e-failed/TEST/ before the data
    /// directory goes, so a failure seen once (in CI) can be read afterwards; the path is in the test output.
    /// </summary>
    private void KeepLogsOfAFailedTest()
    {
        if (TestContext.Current.TestState?.Result != TestResult.Failed)
        {
            return;
        }

        string logs = Path.Combine(DataDir, "logs");
        string? root = Environment.GetEnvironmentVariable("JOUR_REPO_ROOT");
        if (!Directory.Exists(logs) || string.IsNullOrEmpty(root))
        {
            return;
        }

        string name = TestContext.Current.Test?.TestDisplayName ?? Path.GetFileName(DataDir);
        string target = Path.Combine(root, ".jour-build", "e2e-failed", string.Concat(name.Split(Path.GetInvalidFileNameChars())) + "-" + Path.GetFileName(DataDir));
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(logs))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        TestContext.Current.SendDiagnosticMessage("server and session logs kept in " + target);
        Console.Error.WriteLine("server and session logs kept in " + target);
    }

    public void Dispose()
    {
        try
        {
            Run("server", "--stop");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        foreach (int pid in ServerPids())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }

        KeepLogsOfAFailedTest();
        foreach (string dir in new[] { DataDir, OutDir })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
