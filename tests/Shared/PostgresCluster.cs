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
/// <see cref="TlsPostgresCluster"/> is the opt-in variant that also listens on localhost over TCP with TLS.
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
    private readonly bool _tls;

    // What the test cluster runs with: commits durable, as Jour requires of a production server.
    private const string DurableSettings = "-c fsync=on -c synchronous_commit=on";
    private readonly string _settings;
    private string _serverOptions = "";

    public PostgresCluster()
        : this(tls: false, DurableSettings)
    {
    }

    /// <param name="tls">Also listen on localhost (TCP) with TLS, the server's certificate signed by <see cref="RootCertificate"/>.</param>
    internal PostgresCluster(bool tls)
        : this(tls, DurableSettings)
    {
    }

    private PostgresCluster(bool tls, string settings)
    {
        _tls = tls;
        _settings = settings;
    }

    /// <summary>The certificate of the authority that signed the server's (with <c>tls</c>), for <c>Root Certificate=…</c>.</summary>
    public string RootCertificate { get; private set; } = "";

    /// <summary>The port, for TCP connections (with <c>tls</c>).</summary>
    public int Port { get; private set; }

    /// <summary>A cluster of its own with other server settings (what Jour refuses to use); the caller disposes it.</summary>
    public static async Task<PostgresCluster> StartWithAsync(string settings)
    {
        var cluster = new PostgresCluster(tls: false, settings);
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
        Port = port;
        string listen = "-c listen_addresses=''";
        if (_tls)
        {
            string tls = Path.Combine(_dir, "tls");
            RootCertificate = Certificates.Authority(tls, "ca");
            (string certificate, string key) = Certificates.Server(tls, "ca");
            listen = $"-c listen_addresses='localhost' -c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}";
        }

        if (_owner is not null)
        {
            Run("chmod", ["755", _dir], asOwner: false);
            Run("chown", ["-R", _owner, _dir], asOwner: false);
        }

        // --no-sync only spares initdb's own final flush of a cluster that is thrown away; the server runs with fsync on.
        Run(Path.Combine(_binDir, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asOwner: true);
        _serverOptions = $"-p {port} -k {_dir} {listen} {_settings}";
        Resume();

        var admin = new NpgsqlConnectionStringBuilder { Host = _dir, Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            command.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Database, Pooling = true }.ConnectionString;
    }

    /// <summary>Stops the server at once, as a crash or a lost machine would (its data stays): the database gone away.</summary>
    public void Halt()
    {
        string dir = _dir ?? throw new InvalidOperationException("no cluster");
        Run(Path.Combine(_binDir!, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop"], asOwner: true);
    }

    /// <summary>Starts the server (again, after <see cref="Halt"/>) on the same port and socket.</summary>
    public void Resume()
    {
        string dir = _dir ?? throw new InvalidOperationException("no cluster");
        Run(Path.Combine(_binDir!, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o", _serverOptions, "start"], asOwner: true);
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

/// <summary>
/// A throwaway cluster that also takes TLS connections on localhost (a class fixture for the TLS tests; the assembly's
/// cluster stays socket-only): a certificate authority and a server certificate for localhost made with openssl.
/// </summary>
public sealed class TlsPostgresCluster : IAsyncLifetime
{
    private readonly PostgresCluster _cluster = new(tls: true);

    public ValueTask InitializeAsync() => _cluster.InitializeAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    public string RootCertificate => _cluster.RootCertificate;

    /// <summary>A TCP connection to localhost on a new, empty schema, verifying the server's certificate against <paramref name="rootCertificate"/>.</summary>
    public string NewTlsSchema(string rootCertificate) => new NpgsqlConnectionStringBuilder(_cluster.NewSchema())
    {
        Host = "localhost",
        Port = _cluster.Port,
        SslMode = SslMode.VerifyFull,
        RootCertificate = rootCertificate,
    }.ConnectionString;
}

/// <summary>Test certificates made with openssl: an authority, and a server certificate for localhost signed by it.</summary>
public static class Certificates
{
    /// <summary>Makes the authority <paramref name="name"/> in <paramref name="dir"/>; returns its certificate's path.</summary>
    public static string Authority(string dir, string name)
    {
        Directory.CreateDirectory(dir);
        OpenSsl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{name}.key", "-out", $"{name}.crt", "-days", "2", "-subj", $"/CN=Jour test authority {name}");
        return Path.Combine(dir, $"{name}.crt");
    }

    /// <summary>A server certificate for localhost (and 127.0.0.1, ::1) signed by <paramref name="authority"/>; the key owner-only, as PostgreSQL demands.</summary>
    public static (string Certificate, string Key) Server(string dir, string authority)
    {
        File.WriteAllText(Path.Combine(dir, "server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        OpenSsl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        OpenSsl(dir, "x509", "-req", "-in", "server.csr", "-CA", $"{authority}.crt", "-CAkey", $"{authority}.key", "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(dir, "server.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (Path.Combine(dir, "server.crt"), Path.Combine(dir, "server.key"));
    }

    private static void OpenSsl(string dir, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {arguments[0]} failed (exit {process.ExitCode}): {errors.Result.Trim()}");
        }
    }
}
