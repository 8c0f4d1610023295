using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jour.Configuration;
using Jour.Native;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>What `jour install --system` was asked to do.</summary>
/// <param name="Prefix">The root the installation lives under: "/" on a real machine, a temporary directory in tests.</param>
/// <param name="DataDirectory">The data directory; null: PREFIX/var/lib/jour.</param>
/// <param name="SocketDirectory">The socket's directory; null: PREFIX/run/jour.</param>
/// <param name="User">The service account that owns the data and runs the server.</param>
/// <param name="Group">The group whose members may use the socket; the service account's primary group.</param>
/// <param name="Demo">A new jour.json starts a demo database (training, tests) instead of asking for the first admin.</param>
/// <param name="DryRun">Say what would be done, do nothing.</param>
/// <param name="NoStart">Write the systemd unit but neither enable nor start it.</param>
internal sealed record InstallOptions(string Prefix, string? DataDirectory, string? SocketDirectory, string User, string Group, bool Demo, bool DryRun, bool NoStart);

/// <summary>
/// `jour install --system`: the layout of docs/security.md in one idempotent command. The data directory, with
/// the database, its key, jour.json and the logs, is the service account's alone (0700); the socket is in a
/// directory of its own (0750, the service's group), so the kiosk and the officers, members of the group, reach
/// the socket and nothing else. Every step first looks at what is there and changes only what differs, so a
/// second run changes nothing and says so.
/// </summary>
internal static partial class InstallCommand
{
    private const UnixFileMode Rwx = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyDirectory = Rwx;
    private const UnixFileMode GroupDirectory = Rwx | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
    private const UnixFileMode PublicDirectory = GroupDirectory | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicFile = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode PublicProgram = PublicFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const string UnitName = "jour.service";

    public static async Task<int> RunAsync(InstallOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new CliException(CliText.Install_NotLinux);
        }

        if (Posix.EffectiveUserId() != 0)
        {
            throw new CliException(Format(CliText.Install_NotRoot, Environment.ProcessPath ?? "jour"));
        }

        foreach (string name in new[] { options.User, options.Group })
        {
            if (!AccountName().IsMatch(name))
            {
                throw new CliException(Format(CliText.Install_BadName, name));
            }
        }

        var run = new Run(options, output);
        Layout layout = Layout.For(options);
        await run.EnsureGroupAsync(cancellationToken);
        await run.EnsureUserAsync(layout, cancellationToken);
        (int uid, int gid) = run.Ids();

        run.EnsureParents(layout.ProgramDirectory);
        run.EnsureDirectory(layout.ProgramDirectory, PublicDirectory, 0, 0);
        run.EnsureParents(layout.DataDirectory);
        run.EnsureDirectory(layout.DataDirectory, OwnerOnlyDirectory, uid, gid);
        run.EnsureOwnedInside(layout.DataDirectory, uid, gid);
        run.EnsureParents(layout.SocketDirectory);
        run.EnsureDirectory(layout.SocketDirectory, GroupDirectory, uid, gid);

        bool programChanged = run.InstallProgram(layout);
        bool configChanged = run.WriteConfig(layout, uid, gid);
        run.WriteFile(Path.Combine(layout.ProgramDirectory, InstallManifest.FileName), ManifestJson(layout, options), PublicFile, 0, 0);
        run.EnsureParents(layout.Unit);
        bool unitChanged = run.WriteFile(layout.Unit, Encoding.UTF8.GetBytes(Unit(layout, options)), PublicFile, 0, 0);

        if (layout.Systemd && !options.NoStart)
        {
            await run.StartServiceAsync(unitChanged, programChanged || configChanged || unitChanged, cancellationToken);
        }
        else
        {
            await output.WriteLineAsync(Format(CliText.Install_StartByHand, options.User, layout.Program, layout.DataDirectory));
        }

        await output.WriteLineAsync(run.Changes == 0
            ? CliText.Install_NothingChanged
            : Format(options.DryRun ? CliText.Install_WouldChange : CliText.Install_Changed, run.Changes));
        await output.WriteLineAsync(Format(CliText.Install_Sessions, layout.Program, options.Group));
        return 0;
    }

    private static byte[] ManifestJson(Layout layout, InstallOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new InstallManifest { DataDirectory = layout.DataDirectory, SocketDirectory = layout.SocketDirectory, ServerUser = options.User },
            ConfigJsonContext.Default.InstallManifest);

    /// <summary>
    /// The unit: the server in the foreground as the service account, with what systemd can take away from it
    /// taken away. It writes only in the data directory and its runtime (socket) directory, opens no network
    /// socket, and never gains privileges.
    /// </summary>
    internal static string Unit(Layout layout, InstallOptions options)
    {
        var unit = new StringBuilder();
        unit.Append(CultureInfo.InvariantCulture, $"""
            # Written by `jour install --system`; a new run rewrites it. Local changes: systemctl edit jour.
            [Unit]
            Description=Jour server (database of the on-call service)
            After=local-fs.target

            [Service]
            Type=simple
            User={options.User}
            Group={options.Group}
            UMask=0077
            ExecStart={Quote(layout.Program)} server --data-dir {Quote(layout.DataDirectory)}
            Restart=on-failure
            RestartSec=2s
            TimeoutStopSec=30s

            """);
        if (layout.RuntimeDirectoryName is { } runtime)
        {
            // systemd makes /run/NAME (owner User:Group, this mode) at start and removes it at stop, so the socket
            // directory is there after every boot without a tmpfiles rule.
            unit.Append(CultureInfo.InvariantCulture, $"""
                RuntimeDirectory={runtime}
                RuntimeDirectoryMode=0750

                """);
        }

        unit.Append(CultureInfo.InvariantCulture, $"""
            NoNewPrivileges=yes
            ProtectSystem=strict
            ReadWritePaths={Quote(layout.DataDirectory)}{(layout.RuntimeDirectoryName is null ? " " + Quote(layout.SocketDirectory) : "")}
            ProtectHome=yes
            PrivateTmp=yes
            PrivateDevices=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectKernelLogs=yes
            ProtectControlGroups=yes
            ProtectClock=yes
            ProtectHostname=yes
            RestrictSUIDSGID=yes
            RestrictRealtime=yes
            RestrictNamespaces=yes
            RestrictAddressFamilies=AF_UNIX
            LockPersonality=yes
            CapabilityBoundingSet=
            SystemCallArchitectures=native

            [Install]
            WantedBy=multi-user.target

            """);
        return unit.ToString();
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    // useradd's own rule (without the trailing '$' of machine accounts), which also keeps the names safe in a unit file.
    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex AccountName();

    /// <summary>Where everything goes, under the prefix.</summary>
    internal sealed record Layout(string Prefix, string ProgramDirectory, string DataDirectory, string SocketDirectory, string Unit, bool Systemd)
    {
        public string Program => Path.Combine(ProgramDirectory, "jour");

        /// <summary>The name systemd's RuntimeDirectory= takes when the socket's directory is directly under /run; else null.</summary>
        public string? RuntimeDirectoryName =>
            Path.GetDirectoryName(SocketDirectory) == "/run" ? Path.GetFileName(SocketDirectory) : null;

        public static Layout For(InstallOptions options)
        {
            string prefix = Path.GetFullPath(options.Prefix);
            string Under(string path) => Path.Combine(prefix, path);
            return new Layout(
                prefix,
                Under("opt/jour"),
                Path.GetFullPath(options.DataDirectory ?? Under("var/lib/jour")),
                Path.GetFullPath(options.SocketDirectory ?? Under("run/jour")),
                Under("etc/systemd/system/" + UnitName),
                // systemd is asked only about the machine's own root, and only when it is the running init.
                prefix == "/" && Directory.Exists("/run/systemd/system"));
        }
    }

    /// <summary>One run: does (or, dry, describes) each change and counts them.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class Run(InstallOptions options, TextWriter output)
    {
        private static readonly string[] s_noLogin = ["/usr/sbin/nologin", "/sbin/nologin"];
        private static readonly string[] s_toolDirectories = ["/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/"];

        public int Changes { get; private set; }

        public async Task EnsureGroupAsync(CancellationToken cancellationToken)
        {
            string what = Format(CliText.Install_Group, options.Group);
            if (UnixAccounts.GroupId(options.Group) is not null)
            {
                Same(what);
                return;
            }

            await ChangeAsync(what, created: true, () => RunToolAsync("groupadd", ["--system", options.Group], cancellationToken));
        }

        public async Task EnsureUserAsync(Layout layout, CancellationToken cancellationToken)
        {
            string shell = s_noLogin.FirstOrDefault(File.Exists) ?? "/bin/false";
            string what = Format(CliText.Install_User, options.User, options.Group, shell);
            if (UnixAccounts.UserId(options.User) is not null)
            {
                Same(Format(CliText.Install_UserExists, options.User));
                return;
            }

            // The account's home is the data directory, which the next step makes; no login, no shell.
            await ChangeAsync(what, created: true, () => RunToolAsync(
                "useradd",
                ["--system", "--gid", options.Group, "--home-dir", layout.DataDirectory, "--no-create-home", "--shell", shell, "--comment", "Jour server", options.User],
                cancellationToken));
        }

        /// <summary>The service account's uid and gid; a dry run for accounts not yet made shows them as -1.</summary>
        public (int Uid, int Gid) Ids() => (UnixAccounts.UserId(options.User) ?? -1, UnixAccounts.GroupId(options.Group) ?? -1);

        /// <summary>Missing parents of <paramref name="path"/>: root's, 0755, like any /opt or /var/lib.</summary>
        public void EnsureParents(string path)
        {
            var missing = new Stack<string>();
            for (string? parent = Path.GetDirectoryName(path); parent is not null && !Path.Exists(parent); parent = Path.GetDirectoryName(parent))
            {
                missing.Push(parent);
            }

            while (missing.Count > 0)
            {
                EnsureDirectory(missing.Pop(), PublicDirectory, 0, 0);
            }
        }

        public void EnsureDirectory(string path, UnixFileMode mode, int uid, int gid)
        {
            string what = Format(CliText.Install_Directory, path, Octal(mode), Name(uid, isGroup: false), Name(gid, isGroup: true));
            FileStatus? status = FileStatus.Of(path);
            RefuseLink(path, status);
            if (status is { IsDirectory: false })
            {
                throw new CliException(Format(CliText.Install_NotADirectory, path));
            }

            if (status is { } found && found.Mode == mode && found.Uid == uid && found.Gid == gid)
            {
                Same(what);
                return;
            }

            Change(what, created: status is null, () =>
            {
                if (status is null)
                {
                    Directory.CreateDirectory(path);
                }

                // The mode is set after the owner: chown clears set-id bits, and umask 077 shaped the mkdir.
                Own(path, uid, gid);
                File.SetUnixFileMode(path, mode);
            });
        }

        /// <summary>
        /// Everything already in the data directory (an earlier install, a copied database) becomes the service
        /// account's, links included as links; the server tightens the modes when it starts.
        /// </summary>
        public void EnsureOwnedInside(string directory, int uid, int gid)
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            var strangers = new List<string>();
            var folders = new Stack<string>([directory]);
            while (folders.Count > 0)
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(folders.Pop()))
                {
                    // Never into a link: what it points at is not the data directory's.
                    if (FileStatus.Of(entry) is not { } status)
                    {
                        continue;
                    }

                    if (status.Uid != uid || status.Gid != gid)
                    {
                        strangers.Add(entry);
                    }

                    if (status is { IsDirectory: true, IsSymbolicLink: false })
                    {
                        folders.Push(entry);
                    }
                }
            }

            if (strangers.Count == 0)
            {
                return;
            }

            Change(Format(CliText.Install_Owners, strangers.Count, directory, options.User, options.Group), created: false, () =>
            {
                foreach (string entry in strangers)
                {
                    Own(entry, uid, gid);
                }
            });
        }

        /// <summary>
        /// The running binary and what it needs beside it: the regex library Terminal.Gui loads, the culture folders
        /// (en/ holds the English texts; an empty pt-PT/ spares Terminal.Gui a search of every culture at start).
        /// True when anything changed.
        /// </summary>
        public bool InstallProgram(Layout layout)
        {
            string source = Environment.ProcessPath ?? throw new CliException(Format(CliText.Install_NoProgram, "?"));
            string sourceDirectory = Path.GetDirectoryName(source)!;
            if (File.Exists(Path.Combine(sourceDirectory, "jour.dll")))
            {
                throw new CliException(Format(CliText.Install_NotAot, source));
            }

            int before = Changes;
            CopyFile(source, layout.Program, PublicProgram);
            foreach (string library in Directory.EnumerateFiles(sourceDirectory, "*.so"))
            {
                CopyFile(library, Path.Combine(layout.ProgramDirectory, Path.GetFileName(library)), PublicProgram);
            }

            foreach (string folder in Directory.EnumerateDirectories(sourceDirectory))
            {
                string name = Path.GetFileName(folder);
                if (!IsCultureName(name))
                {
                    continue;
                }

                string target = Path.Combine(layout.ProgramDirectory, name);
                EnsureDirectory(target, PublicDirectory, 0, 0);
                foreach (string file in Directory.EnumerateFiles(folder, "*.resources.dll"))
                {
                    CopyFile(file, Path.Combine(target, Path.GetFileName(file)), PublicFile);
                }
            }

            return Changes != before;
        }

        /// <summary>jour.json: the socket's directory, the server's account and the group it admits; every other setting is left as it is.</summary>
        public bool WriteConfig(Layout layout, int uid, int gid)
        {
            string path = Path.Combine(layout.DataDirectory, "jour.json");
            JourConfig config;
            if (File.Exists(path))
            {
                RefuseLink(path, FileStatus.Of(path));
                using FileStream stream = File.OpenRead(path);
                try
                {
                    config = JsonSerializer.Deserialize(stream, ConfigJsonContext.Default.JourConfig) ?? new JourConfig();
                }
                catch (JsonException)
                {
                    throw new CliException(Format(CliText.Install_BadConfig, path));
                }

                if (config.SocketDirectory == layout.SocketDirectory && config.ServerUser == options.User && config.AllowedGroup == options.Group)
                {
                    return WriteFile(path, File.ReadAllBytes(path), OwnerOnlyFile, uid, gid);
                }
            }
            else
            {
                config = new JourConfig { Demo = options.Demo };
            }

            config.SocketDirectory = layout.SocketDirectory;
            config.ServerUser = options.User;
            config.AllowedGroup = options.Group;
            return WriteFile(path, JsonSerializer.SerializeToUtf8Bytes(config, ConfigJsonContext.Default.JourConfig), OwnerOnlyFile, uid, gid);
        }

        /// <summary>Writes <paramref name="content"/> unless it is there already; fixes mode and owner. True when anything changed.</summary>
        public bool WriteFile(string path, byte[] content, UnixFileMode mode, int uid, int gid) =>
            Place(path, () => File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content), stream => stream.Write(content), mode, uid, gid);

        private void CopyFile(string source, string target, UnixFileMode mode)
        {
            Place(target, () => SameContent(source, target), stream =>
            {
                using FileStream from = File.OpenRead(source);
                from.CopyTo(stream);
            }, mode, 0, 0);
        }

        /// <summary>
        /// A new file is written beside the target and renamed over it, so a running server keeps its old binary
        /// and a reader never sees half a file; the target is never followed if it is a link.
        /// </summary>
        private bool Place(string path, Func<bool> contentIsThere, Action<FileStream> write, UnixFileMode mode, int uid, int gid)
        {
            string what = Format(CliText.Install_File, path, Octal(mode), Name(uid, isGroup: false), Name(gid, isGroup: true));
            FileStatus? status = FileStatus.Of(path);
            RefuseLink(path, status);
            bool sameContent = status is not null && contentIsThere();
            if (sameContent && status is { } found && found.Mode == mode && found.Uid == uid && found.Gid == gid)
            {
                Same(what);
                return false;
            }

            Change(what, created: status is null, () =>
            {
                if (sameContent)
                {
                    Own(path, uid, gid);
                    File.SetUnixFileMode(path, mode);
                    return;
                }

                string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Environment.ProcessId + ".new");
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile };
                try
                {
                    using (var stream = new FileStream(temporary, create))
                    {
                        write(stream);
                        stream.Flush(flushToDisk: true);
                    }

                    Own(temporary, uid, gid);
                    File.SetUnixFileMode(temporary, mode);
                    File.Move(temporary, path, overwrite: true);
                }
                finally
                {
                    File.Delete(temporary);
                }
            });
            return true;
        }

        public async Task StartServiceAsync(bool reload, bool restart, CancellationToken cancellationToken)
        {
            if (reload)
            {
                await ChangeAsync(Format(CliText.Install_Command, "systemctl daemon-reload"), created: false, () => RunToolAsync("systemctl", ["daemon-reload"], cancellationToken));
            }

            if ((await QueryAsync("is-enabled", cancellationToken)) != "enabled")
            {
                await ChangeAsync(Format(CliText.Install_Command, "systemctl enable " + UnitName), created: false, () => RunToolAsync("systemctl", ["enable", UnitName], cancellationToken));
            }
            else
            {
                Same(Format(CliText.Install_Enabled, UnitName));
            }

            string active = await QueryAsync("is-active", cancellationToken);
            if (active != "active")
            {
                await ChangeAsync(Format(CliText.Install_Command, "systemctl start " + UnitName), created: false, () => RunToolAsync("systemctl", ["start", UnitName], cancellationToken));
            }
            else if (restart)
            {
                // The new binary, unit or settings take effect; sessions reconnect by themselves.
                await ChangeAsync(Format(CliText.Install_Command, "systemctl restart " + UnitName), created: false, () => RunToolAsync("systemctl", ["restart", UnitName], cancellationToken));
            }
            else
            {
                Same(Format(CliText.Install_Running, UnitName));
            }
        }

        private static async Task<string> QueryAsync(string verb, CancellationToken cancellationToken) =>
            (await RunToolAsync("systemctl", [verb, UnitName], cancellationToken, mayFail: true)).Trim();

        private void Same(string what) => output.WriteLine(Format(CliText.Install_Same, what));

        private void Change(string what, bool created, Action apply)
        {
            Changes++;
            if (options.DryRun)
            {
                output.WriteLine(Format(created ? CliText.Install_WouldCreate : CliText.Install_WouldFix, what));
                return;
            }

            apply();
            output.WriteLine(Format(created ? CliText.Install_Created : CliText.Install_Fixed, what));
        }

        private async Task ChangeAsync(string what, bool created, Func<Task<string>> apply)
        {
            Changes++;
            if (options.DryRun)
            {
                await output.WriteLineAsync(Format(created ? CliText.Install_WouldCreate : CliText.Install_WouldFix, what));
                return;
            }

            await apply();
            await output.WriteLineAsync(Format(created ? CliText.Install_Created : CliText.Install_Fixed, what));
        }

        private static void Own(string path, int uid, int gid)
        {
            if (!Posix.ChangeOwner(path, uid, gid))
            {
                throw new CliException(Format(CliText.Install_ChownFailed, path, uid, gid, System.Runtime.InteropServices.Marshal.GetLastPInvokeError()));
            }
        }

        private static void RefuseLink(string path, FileStatus? status)
        {
            // Root following a link that someone else planted is how installers get turned against their machine.
            if (status is { IsSymbolicLink: true })
            {
                throw new CliException(Format(CliText.Install_Link, path));
            }
        }

        private static bool SameContent(string source, string target)
        {
            if (!File.Exists(target) || new FileInfo(source).Length != new FileInfo(target).Length)
            {
                return false;
            }

            using FileStream a = File.OpenRead(source);
            using FileStream b = File.OpenRead(target);
            byte[] left = new byte[1 << 16];
            byte[] right = new byte[1 << 16];
            while (true)
            {
                int read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
                if (read == 0)
                {
                    return true;
                }

                b.ReadExactly(right, 0, read);
                if (!left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read)))
                {
                    return false;
                }
            }
        }

        private static bool IsCultureName(string name)
        {
            try
            {
                return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
            }
            catch (CultureNotFoundException)
            {
                return false;
            }
        }

        private string Name(int id, bool isGroup) => id switch
        {
            0 => "root",
            -1 => isGroup ? options.Group : options.User,
            _ when id == UnixAccounts.UserId(options.User) && !isGroup => options.User,
            _ when id == UnixAccounts.GroupId(options.Group) && isGroup => options.Group,
            _ => id.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>Runs a system tool (groupadd, useradd, systemctl) from the system's own directories, never from PATH.</summary>
        private static async Task<string> RunToolAsync(string tool, string[] arguments, CancellationToken cancellationToken, bool mayFail = false)
        {
            string program = s_toolDirectories.Select(d => d + tool).FirstOrDefault(File.Exists)
                ?? throw new CliException(Format(CliText.Install_NoTool, tool));
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new CliException(Format(CliText.Install_NoTool, tool));
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 && !mayFail)
            {
                throw new CliException(Format(CliText.Install_ToolFailed, tool + " " + string.Join(' ', arguments), process.ExitCode, (await stderr).Trim()));
            }

            return await stdout;
        }
    }
}
