using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Server;
using Jour.Tests.Server;

namespace Jour.Tests.Client;

/// <summary>A session checks where the socket leads before it sends anything (issue 16, finding 4).</summary>
[SupportedOSPlatform("linux")]
public sealed class ServerTrustTests
{
    private const int Stranger = 4242;

    [Fact]
    public async Task TheSameAccount_ConnectsAsBefore_EvenThroughAGroupWritableDirectory()
    {
        await using TestServer server = TestServer.Start();
        File.SetUnixFileMode(server.Paths.DataDirectory, (UnixFileMode)0b111_111_000); // 0770, as Jour creates it

        using Socket? socket = await ServerLauncher.TryConnectAsync(server.Paths, TestContext.Current.CancellationToken);

        Assert.NotNull(socket);
    }

    [Fact]
    public async Task AServerUserWhoDoesNotOwnTheDirectory_IsRefused_NamingThePathAndTheOwnerFound()
    {
        await using TestServer server = TestServer.Start();
        await File.WriteAllTextAsync(server.Paths.Config, $$"""{ "serverUser": "{{Stranger}}" }""", TestContext.Current.CancellationToken);

        JourException refusal = await Assert.ThrowsAsync<JourException>(() => ServerLauncher.TryConnectAsync(server.Paths, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.ServerNotTrusted, refusal.Code);
        Assert.Equal([server.Paths.DataDirectory, Uid(TestServer.CurrentUid), Uid(Stranger)], refusal.Args);
        Assert.Contains(server.Paths.DataDirectory, refusal.Localized, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectoryOfAnotherAccount_ThatOthersMayChange_IsRefused_AndWithTheStickyBit_ThePeerDecides()
    {
        RequireRoot();
        await using TestServer server = TestServer.Start();
        Chown(server.Paths.DataDirectory, Stranger);
        File.SetUnixFileMode(server.Paths.DataDirectory, (UnixFileMode)0b111_111_000); // 0770: the group may move the socket aside

        JourException writable = await Assert.ThrowsAsync<JourException>(() => ServerLauncher.TryConnectAsync(server.Paths, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.ServerDirectoryWritable, writable.Code);
        Assert.Equal([server.Paths.DataDirectory, Uid(Stranger)], writable.Args);

        // 1770: the group may add files but not move the owner's; now the process behind the socket is asked,
        // and it (this test's server) does not run as the directory's owner.
        File.SetUnixFileMode(server.Paths.DataDirectory, (UnixFileMode)0b1_111_111_000);
        JourException relay = await Assert.ThrowsAsync<JourException>(() => ServerLauncher.TryConnectAsync(server.Paths, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.ServerNotTrusted, relay.Code);
        Assert.Equal([server.Paths.Socket, Uid(TestServer.CurrentUid), Uid(Stranger)], relay.Args);
        Chown(server.Paths.DataDirectory, TestServer.CurrentUid);
    }

    [Fact]
    public async Task NoServer_InADirectoryOfAnotherAccount_IsNotStartedFromHere()
    {
        RequireRoot();
        var paths = new JourPaths(Directory.CreateTempSubdirectory("jour-trust-").FullName);
        try
        {
            Chown(paths.DataDirectory, Stranger);

            JourException refusal = await Assert.ThrowsAsync<JourException>(() => ServerLauncher.ConnectOrStartAsync(paths, TestContext.Current.CancellationToken));

            Assert.Equal(ErrorCodes.ServerNotStartedHere, refusal.Code);
            Assert.False(File.Exists(paths.ServerLock));
        }
        finally
        {
            Directory.Delete(paths.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task ASocketDirectoryOfItsOwn_IsMade0750ByTheServer_AndTheSessionConnectsThroughIt()
    {
        string run = Path.Combine(Directory.CreateTempSubdirectory("jour-run-").FullName, "jour");
        try
        {
            await using TestServer server = TestServer.Start(socketDirectory: run);

            using Socket? socket = await ServerLauncher.TryConnectAsync(server.Paths, TestContext.Current.CancellationToken);

            Assert.NotNull(socket);
            Assert.Equal(Path.Combine(run, "jour.sock"), server.Paths.Socket);
            Assert.Equal((UnixFileMode)0b111_101_000, File.GetUnixFileMode(run));
            Assert.False(File.Exists(Path.Combine(server.Paths.DataDirectory, "jour.sock")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(run)!, recursive: true);
        }
    }

    [Fact]
    public async Task TheInstallationsServerUser_IsTheOneExpected_WhenJourJsonNamesNone()
    {
        string run = Path.Combine(Directory.CreateTempSubdirectory("jour-run-").FullName, "jour");
        try
        {
            await using TestServer server = TestServer.Start(socketDirectory: run);
            var installed = new JourPaths(server.Paths.DataDirectory, run) { InstalledServerUser = Uid(Stranger) };

            JourException refusal = await Assert.ThrowsAsync<JourException>(() => ServerLauncher.TryConnectAsync(installed, TestContext.Current.CancellationToken));

            Assert.Equal(ErrorCodes.ServerNotTrusted, refusal.Code);
            Assert.Equal([run, Uid(TestServer.CurrentUid), Uid(Stranger)], refusal.Args);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(run)!, recursive: true);
        }
    }

    [Fact]
    public void ASocketDirectoryOfAnotherAccount_IsRefusedByTheServer_BeforeItListens()
    {
        RequireRoot();
        string root = Directory.CreateTempSubdirectory("jour-run-").FullName;
        var paths = new JourPaths(Path.Combine(root, "data"), Path.Combine(root, "run"));
        Directory.CreateDirectory(paths.SocketDirectory);
        Chown(paths.SocketDirectory, Stranger);
        var config = new JourConfig();
        var host = new ServerHost(paths, config, null, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, PeerPolicy.FromConfig(config));
        try
        {
            JourException refusal = Assert.Throws<JourException>(host.Start);

            Assert.Equal(ErrorCodes.ServerNotTrusted, refusal.Code);
            Assert.Equal([paths.SocketDirectory, Uid(Stranger), Uid(TestServer.CurrentUid)], refusal.Args);
            Assert.False(File.Exists(paths.Socket));
        }
        finally
        {
            host.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Uid(int uid) => uid.ToString(CultureInfo.InvariantCulture);

    // Handing a directory to another account needs root; the test machine's CI runs as root.
    private static void RequireRoot()
    {
        if (TestServer.CurrentUid != 0)
        {
            Assert.Skip("needs root to give a directory to another account");
        }
    }

    private static void Chown(string path, int uid)
    {
        using Process chown = Process.Start("chown", [Uid(uid), path])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
