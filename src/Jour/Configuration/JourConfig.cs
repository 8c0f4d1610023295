using System.Text.Json;

namespace Jour.Configuration;

/// <summary>
/// Settings from jour.json in the data directory. The file is written with every default on first
/// start so an operator sees what can be changed; README "Configuration" documents each key.
/// </summary>
public sealed class JourConfig
{
    /// <summary>"sv" (default) or "en".</summary>
    public string Language { get; set; } = "sv";

    /// <summary>Plain ASCII borders and symbols, for old SSH clients and Windows consoles.</summary>
    public bool Ascii { get; set; }

    /// <summary>Minutes the server stays up after the last session leaves.</summary>
    public double ServerIdleMinutes { get; set; } = 15;

    /// <summary>Minutes of inactivity before the screen locks.</summary>
    public double IdleLockMinutes { get; set; } = 5;

    /// <summary>Kiosk mode: Ctrl+C, Ctrl+Z and quitting are disabled for non-admins.</summary>
    public bool Kiosk { get; set; }

    /// <summary>A first start creates a demo database when true; false asks for the first admin instead.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>
    /// Free space (MB) kept in reserve where the database is: below it writes are refused with "Disken är
    /// nästan full" before the disk is really full.
    /// </summary>
    public double DiskReserveMegabytes { get; set; } = 64;

    /// <summary>Free space (MB) below which every session's status bar warns that the disk is filling.</summary>
    public double DiskWarnMegabytes { get; set; } = 512;

    /// <summary>
    /// When this data directory's database was created. Set once by the server that created it: a data
    /// directory that has had a database never gets a new empty one in its place (restore a backup instead).
    /// </summary>
    public DateTime? DatabaseCreatedUtc { get; set; }

    /// <summary>
    /// The PostgreSQL database this data directory is bound to (an Npgsql connection string without its password),
    /// or null for the LiteDB file in the directory. Written by <c>jour store migrate</c> and <c>jour store use</c>.
    /// </summary>
    public string? PostgresConnection { get; set; }

    /// <summary>
    /// The password of <see cref="PostgresConnection"/>, sealed with this data directory's database key (as the
    /// database key protects the LiteDB file), or null when the connection needs none (peer or certificate login).
    /// </summary>
    public string? PostgresPasswordSealed { get; set; }

    /// <summary>Writes the settings to <paramref name="paths"/>' jour.json: a new file renamed into place, then synced.</summary>
    public void Save(JourPaths paths)
    {
        string temporary = paths.Config + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, this, ConfigJsonContext.Default.JourConfig);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, paths.Config, overwrite: true);
    }

    /// <summary>
    /// Accounts (names or uids) that may connect to the server besides the account it runs as, which
    /// always may. Empty by default.
    /// </summary>
    public List<string> AllowedUsers { get; set; } = [];

    /// <summary>
    /// A group (name or gid) whose members may connect: a peer whose primary or current group it is, or whom
    /// /etc/group lists. Null (default): the server account's own group, the group the socket's mode already
    /// lets in (the documented set-up puts kiosk and officer accounts in the group <c>jour</c>). Empty: no group.
    /// </summary>
    public string? AllowedGroup { get; set; }

    /// <summary>
    /// The account (name or uid) the server runs as, recorded at install. A session connects only to a socket
    /// and server of this account; null (default): the owner of the data directory.
    /// </summary>
    public string? ServerUser { get; set; }

    /// <summary>
    /// Where the server puts its socket (<c>jour.sock</c>): a directory of its own, so that the group may reach
    /// the socket without being able to enter the data directory (0700). Null (default): the data directory.
    /// <c>jour install --system</c> sets <c>/run/jour</c> (0750, owner and group <c>jour</c>).
    /// </summary>
    public string? SocketDirectory { get; set; }

    /// <summary>Connections one account may hold open at once (sessions and CLI commands together).</summary>
    public int MaxConnectionsPerUser { get; set; } = 32;

    /// <summary>
    /// Where finance and MAS export from their screens (the invoicing basis, the statistics, the access log)
    /// as PDFs; null: exports from screens are off. Never the data directory.
    /// </summary>
    public string? ExportDirectory { get; set; }

    /// <summary>
    /// The account the installation names as the server's: jour.json's <see cref="ServerUser"/>, else the one
    /// <c>jour install</c> recorded beside the binary; null when neither names one. Read as a session of any account
    /// may: nothing is written, and a jour.json this account cannot read (the data directory 0700) counts as none.
    /// </summary>
    public static string? ServerUserOf(JourPaths paths)
    {
        string? serverUser = null;
        try
        {
            if (File.Exists(paths.Config))
            {
                using FileStream stream = File.OpenRead(paths.Config);
                serverUser = JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.JourConfig)?.ServerUser;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable here: the installation's record speaks instead, else (null) the directory's owner.
        }

        serverUser = string.IsNullOrWhiteSpace(serverUser) ? paths.InstalledServerUser : serverUser;
        return string.IsNullOrWhiteSpace(serverUser) ? null : serverUser.Trim();
    }

    /// <summary>Reads the file, writing the defaults first when there is none.</summary>
    public static JourConfig LoadOrCreate(JourPaths paths)
    {
        if (File.Exists(paths.Config))
        {
            using FileStream stream = File.OpenRead(paths.Config);
            return JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.JourConfig) ?? new JourConfig();
        }

        var config = new JourConfig();
        string temporary = paths.Config + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(config, ConfigJsonContext.Default.JourConfig));
        try
        {
            File.Move(temporary, paths.Config, overwrite: false);
        }
        catch (IOException)
        {
            // Another process wrote it at the same moment; its defaults are ours.
            File.Delete(temporary);
        }

        return config;
    }
}
