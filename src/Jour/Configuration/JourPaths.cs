using System.Runtime.Versioning;
using System.Text.Json;
using Jour.Native;

namespace Jour.Configuration;

/// <summary>Where one Jour installation keeps its files.</summary>
public sealed class JourPaths
{
    public const string DataDirEnvironmentVariable = "JOUR_DATA_DIR";
    public const string SocketDirEnvironmentVariable = "JOUR_SOCKET_DIR";

    private bool? _ofAnotherAccount;

    /// <param name="dataDirectory">The database, its key, jour.json and the server's logs.</param>
    /// <param name="socketDirectory">Where the socket is; null: in the data directory.</param>
    public JourPaths(string dataDirectory, string? socketDirectory = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        SocketDirectory = string.IsNullOrWhiteSpace(socketDirectory) ? DataDirectory : Path.GetFullPath(socketDirectory, DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>The directory of the socket: the data directory, or one of its own (jour.json's <c>socketDirectory</c>).</summary>
    public string SocketDirectory { get; }

    /// <summary>True when the socket lives apart from the data directory, as in the system installation.</summary>
    public bool SocketApart => SocketDirectory != DataDirectory;

    /// <summary>The server's account as <c>jour install</c> recorded it beside the binary, for this data directory; else null.</summary>
    public string? InstalledServerUser { get; init; }

    public string Database => Path.Combine(DataDirectory, "jour.db");

    public string Socket => Path.Combine(SocketDirectory, "jour.sock");

    public string ServerLock => Path.Combine(DataDirectory, "server.lock");

    public string Config => Path.Combine(DataDirectory, "jour.json");

    /// <summary>
    /// The log folder: the data directory's, shared by the server and its own account's sessions; a session of
    /// another account (which may not enter the data directory) logs under its own home instead
    /// (<c>$XDG_STATE_HOME/jour/logs</c>, else <c>~/.local/state/jour/logs</c>).
    /// </summary>
    public string Logs => OfAnotherAccount ? PersonalLogs() : Path.Combine(DataDirectory, "logs");

    public string Drafts => Path.Combine(DataDirectory, "drafts");

    /// <summary>
    /// True when the data directory exists and belongs to another account: this process can only be a session
    /// of that account's server, and must not create, tighten or log anything in it.
    /// </summary>
    public bool OfAnotherAccount => _ofAnotherAccount ??=
        OperatingSystem.IsLinux() && FileStatus.Of(DataDirectory) is { } status && status.Uid != Posix.EffectiveUserId();

    /// <summary>
    /// --data-dir anywhere on the command line, else JOUR_DATA_DIR, else the installation beside this binary
    /// (<see cref="InstallManifest"/>), else the platform's per-user data folder ($XDG_DATA_HOME/jour,
    /// ~/.local/share/jour, %LOCALAPPDATA%\Jour). The socket's directory: --socket-dir, else JOUR_SOCKET_DIR,
    /// else jour.json's <c>socketDirectory</c> when this account may read it, else the installation's, else the
    /// data directory.
    /// </summary>
    public static JourPaths Resolve(string? commandLineValue, string? socketDirectory = null) =>
        Resolve(commandLineValue, socketDirectory, InstallManifest.Beside(Environment.ProcessPath));

    /// <summary><see cref="Resolve(string?, string?)"/> with the installation given (tests).</summary>
    public static JourPaths Resolve(string? commandLineValue, string? socketDirectory, InstallManifest? installation)
    {
        string dataDirectory = Path.GetFullPath(DataDirectoryFrom(commandLineValue, installation));
        bool installed = installation is not null && Path.GetFullPath(installation.DataDirectory) == dataDirectory;
        string? socket = NonEmpty(socketDirectory)
            ?? NonEmpty(Environment.GetEnvironmentVariable(SocketDirEnvironmentVariable))
            ?? SocketDirectoryFromConfig(dataDirectory)
            ?? (installed ? NonEmpty(installation!.SocketDirectory) : null);
        return new JourPaths(dataDirectory, socket) { InstalledServerUser = installed ? NonEmpty(installation!.ServerUser) : null };
    }

    private static string DataDirectoryFrom(string? commandLineValue, InstallManifest? installation)
    {
        if (NonEmpty(commandLineValue) is { } given)
        {
            return given;
        }

        if (NonEmpty(Environment.GetEnvironmentVariable(DataDirEnvironmentVariable)) is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (installation is not null)
        {
            return installation.DataDirectory;
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Jour");
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "jour");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "jour");
    }

    // Read before the configuration proper, which needs the paths; a file this account may not read is the
    // normal case for a session of another account, and then the installation says where the socket is.
    private static string? SocketDirectoryFromConfig(string dataDirectory)
    {
        string config = Path.Combine(dataDirectory, "jour.json");
        try
        {
            if (!File.Exists(config))
            {
                return null;
            }

            using FileStream stream = File.OpenRead(config);
            return NonEmpty(JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.JourConfig)?.SocketDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string PersonalLogs()
    {
        string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string root = !string.IsNullOrWhiteSpace(state) && Path.IsPathRooted(state)
            ? state
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(root, "jour", "logs");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// The mode the data directory and its folders (logs/, drafts/) get. Owner only: every process of an
    /// installation runs as the service's user. Hook: an installation whose people read the logs as members
    /// of a service group would set 0750 here (and 0640 in <see cref="FileMode"/>) from its configuration;
    /// there is no such setting yet.
    /// </summary>
    public UnixFileMode DirectoryMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// The most the data directory itself may allow. With the socket in it: 0750, so the server account's group
    /// may reach the socket (sessions of other accounts, when jour.json allows them) but no other account may
    /// create, move or replace anything beside the database and its key. With the socket apart (the system
    /// installation): 0700, since no other account has anything to reach in it. A new one is made 0700.
    /// </summary>
    public UnixFileMode DataDirectoryMode => SocketApart
        ? DirectoryMode
        : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>The mode of the files in it: the database, its log, the key, the settings, the logs.</summary>
    public UnixFileMode FileMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the data directory with <see cref="DirectoryMode"/>, and tightens one that exists with looser
    /// modes (made by hand, or by an older Jour with 0755), its folders and its files (the socket excepted:
    /// the server sets that one), logging every change. Leaves a data directory of another account alone.
    /// </summary>
    public void EnsureExists()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
            return;
        }

        if (OfAnotherAccount)
        {
            // Its owner's server keeps it; a session of another account has no business in it.
            return;
        }

        if (!Directory.Exists(DataDirectory))
        {
            Directory.CreateDirectory(DataDirectory, DirectoryMode);
        }

        var tightened = new List<(string Path, UnixFileMode From, UnixFileMode To)>();
        Tighten(DataDirectory, DataDirectoryMode, tightened);
        foreach (string folder in new[] { Logs, Drafts })
        {
            if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is null)
            {
                Tighten(folder, DirectoryMode, tightened);
                TightenFiles(folder, tightened);
            }
        }

        TightenFiles(DataDirectory, tightened);
        if (tightened.Count > 0)
        {
            LogTightened(tightened);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private void TightenFiles(string folder, List<(string Path, UnixFileMode From, UnixFileMode To)> tightened)
    {
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            // A link is not ours to change, and the socket's mode is the server's business.
            if (file == Socket || new FileInfo(file).LinkTarget is not null)
            {
                continue;
            }

            Tighten(file, FileMode, tightened);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode allowed, List<(string Path, UnixFileMode From, UnixFileMode To)> tightened)
    {
        try
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & ~allowed) == 0)
            {
                return;
            }

            File.SetUnixFileMode(path, mode & allowed);
            tightened.Add((path, mode, mode & allowed));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not ours (another user's installation, or a file that just went away): the command that
            // needs it says so, naming the path.
        }
    }

    private void LogTightened(List<(string Path, UnixFileMode From, UnixFileMode To)> tightened)
    {
        try
        {
            using Microsoft.Extensions.Logging.ILoggerFactory loggers = Logging.Create(this, "paths");
            Microsoft.Extensions.Logging.ILogger logger = loggers.CreateLogger("Jour.Configuration.JourPaths");
            foreach ((string path, UnixFileMode from, UnixFileMode to) in tightened)
            {
                JourPathsLog.Tightened(logger, path, Octal(from), Octal(to));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The modes are tightened all the same; only the note of it is lost.
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
