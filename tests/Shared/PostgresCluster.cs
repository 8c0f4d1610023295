using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Jour.Storage.Postgres;
using Npgsql;

namespace Jour.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for a test assembly's run (an assembly fixture; each test project that uses it
/// names it in its own <c>AssemblyFixture</c> attribute): initdb into a temporary directory, a random port, the
/// socket in that directory, fsync on; stopped and deleted at the end. Each store it opens gets a schema of its
/// own, so tests start empty without the cost of a database each. When PostgreSQL is not installed or will not
/// start, <see cref="Unavailable"/> says why, and every PostgreSQL test reports itself skipped with that reason.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Database = "jour_tests";
    private const string Prefix = "jour-pg-";
    private const string OwnerFile = "test-run.pid";
    private string? _dir;
    private string? _binDir;
    private string? _owner;
    private int _schemas;

    // What the test cluster runs with: commits durable, as Jour requires of a production server.
    private readonly string _settings = "-c fsync=on -c synchronous_commit=on";

    public PostgresCluster()
    {
    }

    private PostgresCluster(string settings) => _settings = settings;

    /// <summary>A cluster of its own with other server settings (what Jour refuses to use); the caller disposes it.</summary>
    public static async Task<PostgresCluster> StartWithAsync(string settings)
    {
        var cluster = new PostgresCluster(settings);
        await cluster.InitializeAsync();
        return cluster;
    }

    /// <summary>Why there is no cluster, or null when there is one.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The connection string of the test database (no schema chosen).</summary>
    public string ConnectionString { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        try
        {
            Start();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException or UnauthorizedAccessException)
        {
            Unavailable = $"PostgreSQL could not be started: {ex.Message}";
            Stop();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>A connection string whose search path is a new, empty schema.</summary>
    public string NewSchema()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        string schema = $"t{Interlocked.Increment(ref _schemas)}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A store on a new, empty schema (skips the test when there is no PostgreSQL).</summary>
    public PgJourStore NewStore() => PgJourStore.Open(NewSchema());

    private void Start()
    {
        _binDir = FindBinaries() ?? throw new InvalidOperationException(
            "initdb not found (install Debian's postgresql package; looked in $JOUR_PG_BIN, /usr/lib/postgresql/*/bin and PATH)");
        // initdb refuses to run as root: run the cluster as the postgres user, who must be able to reach its directory.
        _owner = Environment.UserName == "root" ? "postgres" : null;
        StopLeftovers(_binDir);
        _dir = Directory.CreateTempSubdirectory(Prefix).FullName;
        File.WriteAllText(Path.Combine(_dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Should the run end without disposing its fixtures, the cluster still goes with the process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        string data = Path.Combine(_dir, "data");
        int port = FreePort();

        if (_owner is not null)
        {
            Run("chmod", ["755", _dir], asOwner: false);
            Run("chown", [_owner, _dir], asOwner: false);
        }

        // --no-sync only spares initdb's own final flush of a cluster that is thrown away; the server runs with fsync on.
        Run(Path.Combine(_binDir, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asOwner: true);
        Run(Path.Combine(_binDir, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {_dir} -c listen_addresses='' {_settings}", "start"], asOwner: true);

        var admin = new NpgsqlConnectionStringBuilder { Host = _dir, Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            command.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Database, Pooling = true }.ConnectionString;
    }

    private void Stop()
    {
        string? dir = Interlocked.Exchange(ref _dir, null);
        if (dir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        StopCluster(_binDir, dir);
    }

    private void StopCluster(string? binDir, string dir)
    {
        string data = Path.Combine(dir, "data");
        if (binDir is not null && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                Run(Path.Combine(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asOwner: true);
            }
            catch (InvalidOperationException)
            {
                // Deleted below either way; a server left running would only hold a port.
            }
        }

        Directory.Delete(dir, recursive: true);
    }

    // A test run that crashed (or was killed) left its cluster running: stop those whose run is gone.
    private void StopLeftovers(string binDir)
    {
        foreach (string dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            string owner = Path.Combine(dir, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out int pid) && !IsRunning(pid))
            {
                StopCluster(binDir, dir);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries() => PgBinaries.DirectoryWith("initdb", "pg_ctl");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool asOwner)
    {
        var start = new ProcessStartInfo(asOwner && _owner is not null ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir ?? Path.GetTempPath(),
        };
        if (asOwner && _owner is not null)
        {
            foreach (string a in (string[])["-u", _owner, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {errors.Result.Trim()} {output.Result.Trim()}".Trim());
        }
    }
}
