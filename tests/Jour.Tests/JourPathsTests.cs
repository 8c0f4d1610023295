using Jour.Configuration;

namespace Jour.Tests;

/// <summary>The data directory is the service's alone (issue 16): an existing looser one is tightened on start.</summary>
public sealed class JourPathsTests : IDisposable
{
    private const UnixFileMode Loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode LooseDirectory = Loose | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("jour-paths-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EnsureExists_NewDirectory_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var paths = new JourPaths(Path.Combine(_root, "data"));

        paths.EnsureExists();

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(paths.DataDirectory));
    }

    [Fact]
    public void EnsureExists_LooseDirectoryAndFiles_AreTightened_AndLogged_LinksLeftAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var paths = new JourPaths(Path.Combine(_root, "data"));
        Directory.CreateDirectory(paths.DataDirectory, LooseDirectory);
        Directory.CreateDirectory(paths.Logs, LooseDirectory);
        string[] files = [paths.Database, Path.Combine(paths.DataDirectory, "jour-log.db"), Path.Combine(paths.DataDirectory, "jour.key"), Path.Combine(paths.Logs, "jour-20261201.log")];
        foreach (string file in files)
        {
            File.WriteAllText(file, "x");
            File.SetUnixFileMode(file, Loose);
        }

        string elsewhere = Path.Combine(_root, "elsewhere.txt");
        File.WriteAllText(elsewhere, "not ours");
        File.SetUnixFileMode(elsewhere, Loose);
        File.CreateSymbolicLink(Path.Combine(paths.DataDirectory, "link"), elsewhere);

        paths.EnsureExists();

        // The group keeps reaching the socket (0750), but nobody but the owner may write in the directory.
        Assert.Equal(OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(paths.DataDirectory));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(paths.Logs));
        foreach (string file in files)
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        }

        Assert.Equal(Loose, File.GetUnixFileMode(elsewhere));
        string log = string.Join("\n", Directory.GetFiles(paths.Logs).Select(File.ReadAllText));
        Assert.Contains($"Tightened {paths.Database} from 0644 to 0600", log, StringComparison.Ordinal);
        Assert.Contains($"Tightened {paths.DataDirectory} from 0755 to 0750", log, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureExists_WithTheSocketApart_MakesTheDataDirectoryOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var paths = new JourPaths(Path.Combine(_root, "data"), Path.Combine(_root, "run"));
        Directory.CreateDirectory(paths.DataDirectory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        paths.EnsureExists();

        // Nothing in it for the group to reach: the socket is in its own directory.
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(paths.DataDirectory));
        Assert.Equal(Path.Combine(_root, "run", "jour.sock"), paths.Socket);
        Assert.Equal(Path.Combine(_root, "data", "jour.db"), paths.Database);
    }

    [Fact]
    public void Resolve_TheInstalledDataDirectory_TakesTheInstallationsSocketAndServer_AnotherDirectoryDoesNot()
    {
        var installation = new InstallManifest { DataDirectory = Path.Combine(_root, "var"), SocketDirectory = Path.Combine(_root, "run"), ServerUser = "jour" };

        JourPaths installed = JourPaths.Resolve(null, null, installation);
        JourPaths named = JourPaths.Resolve(Path.Combine(_root, "var"), null, installation);
        JourPaths other = JourPaths.Resolve(Path.Combine(_root, "other"), null, installation);
        JourPaths given = JourPaths.Resolve(null, Path.Combine(_root, "elsewhere"), installation);

        Assert.Equal(Path.Combine(_root, "var"), installed.DataDirectory);
        Assert.Equal(Path.Combine(_root, "run", "jour.sock"), installed.Socket);
        Assert.Equal("jour", installed.InstalledServerUser);
        Assert.Equal(installed.Socket, named.Socket);
        Assert.Equal(Path.Combine(_root, "other", "jour.sock"), other.Socket);
        Assert.Null(other.InstalledServerUser);
        Assert.Equal(Path.Combine(_root, "elsewhere", "jour.sock"), given.Socket);
    }

    [Fact]
    public void Resolve_JourJsonsSocketDirectory_IsTheServersAndItsOwnAccountsSessions()
    {
        string data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "jour.json"), $$"""{ "socketDirectory": "{{Path.Combine(_root, "sock")}}" }""");

        JourPaths paths = JourPaths.Resolve(data, null, null);

        Assert.True(paths.SocketApart);
        Assert.Equal(Path.Combine(_root, "sock", "jour.sock"), paths.Socket);
    }

    [Fact]
    public void ADataDirectoryOfAnotherAccount_IsLeftAlone_AndItsSessionsLogAtHome()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        if (Jour.Native.Posix.EffectiveUserId() != 0)
        {
            Assert.Skip("needs root to give a directory to another account");
        }

        var paths = new JourPaths(Path.Combine(_root, "data"));
        Directory.CreateDirectory(paths.DataDirectory, LooseDirectory);
        Assert.True(Jour.Native.Posix.ChangeOwner(paths.DataDirectory, 4242, 4242));

        paths.EnsureExists();

        Assert.True(paths.OfAnotherAccount);
        Assert.Equal(LooseDirectory, File.GetUnixFileMode(paths.DataDirectory));
        Assert.False(Directory.Exists(Path.Combine(paths.DataDirectory, "logs")));
        Assert.DoesNotContain(paths.DataDirectory, paths.Logs, StringComparison.Ordinal);
    }
}
