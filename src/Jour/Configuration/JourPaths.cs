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

    /// <summary>Creates the data directory readable by owner and group only.</summary>
    public void EnsureExists()
    {
        if (Directory.Exists(DataDirectory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
        }
        else
        {
            Directory.CreateDirectory(
                DataDirectory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);
        }
    }
}
