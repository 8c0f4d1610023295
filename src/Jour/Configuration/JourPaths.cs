using System.Runtime.Versioning;

namespace Jour.Configuration;

/// <summary>Where one Jour installation keeps its files.</summary>
public sealed class JourPaths
{
    public const string DataDirEnvironmentVariable = "JOUR_DATA_DIR";

    public JourPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    public string Database => Path.Combine(DataDirectory, "jour.db");

    public string Socket => Path.Combine(DataDirectory, "jour.sock");

    public string ServerLock => Path.Combine(DataDirectory, "server.lock");

    public string Config => Path.Combine(DataDirectory, "jour.json");

    public string Logs => Path.Combine(DataDirectory, "logs");

    public string Drafts => Path.Combine(DataDirectory, "drafts");

    /// <summary>
    /// --data-dir anywhere on the command line, else JOUR_DATA_DIR, else the platform's per-user
    /// data folder ($XDG_DATA_HOME/jour, ~/.local/share/jour, %LOCALAPPDATA%\Jour).
    /// </summary>
    public static JourPaths Resolve(string? commandLineValue)
    {
        if (!string.IsNullOrWhiteSpace(commandLineValue))
        {
            return new JourPaths(commandLineValue);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(DataDirEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new JourPaths(fromEnvironment);
        }

        if (OperatingSystem.IsWindows())
        {
            return new JourPaths(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Jour"));
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return new JourPaths(Path.Combine(xdg, "jour"));
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new JourPaths(Path.Combine(home, ".local", "share", "jour"));
    }

    /// <summary>
    /// The mode the data directory and its folders (logs/, drafts/) get. Owner only: every process of an
    /// installation runs as the service's user. Hook: an installation whose people read the logs as members
    /// of a service group would set 0750 here (and 0640 in <see cref="FileMode"/>) from its configuration;
    /// there is no such setting yet.
    /// </summary>
    public UnixFileMode DirectoryMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// The most the data directory itself may allow: 0750. The server account's group may reach the socket
    /// (sessions of other accounts, such as a kiosk's, when jour.json allows them), but no other account may
    /// create, move or replace anything beside the database and its key. A new one is made 0700; an
    /// installation makes it 0750 (README) and it is kept so.
    /// </summary>
    public UnixFileMode DataDirectoryMode { get; init; } =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>The mode of the files in it: the database, its log, the key, the settings, the logs.</summary>
    public UnixFileMode FileMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the data directory with <see cref="DirectoryMode"/>, and tightens one that exists with looser
    /// modes (made by hand, or by an older Jour with 0755), its folders and its files (the socket excepted:
    /// the server sets that one), logging every change.
    /// </summary>
    public void EnsureExists()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
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
