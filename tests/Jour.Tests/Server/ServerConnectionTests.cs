using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text.Json;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Drafts;
using Jour.Core.Handover;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Protocol;
using Jour.Server;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Tests.Server;

/// <summary>What a peer on the socket can and cannot make the server do (issue 16), on a real socket.</summary>
public sealed class ServerConnectionTests
{
    // A policy for a server that runs as some other account, so this test's account is a stranger to it.
    private static PeerPolicy ServerOfAnotherAccount(params int[] allowed) =>
        new(TestServer.CurrentUid + 4242, allowed, allowedGroup: null, maxConnectionsPerUser: 32);

    [Fact]
    public async Task AFrameOver64KiB_BeforeHello_ClosesTheConnection()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();

        byte[] header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, ProtocolInfo.PreSignInFrameBytes + 1);
        await socket.SendAsync(header, SocketFlags.None, TestContext.Current.CancellationToken);

        Assert.True(await TestServer.ClosedWithinAsync(socket, TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(server.Log.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task WhatTheServerComposes_IsInTheLanguageOfEachSession_NotTheServers()
    {
        await using TestServer server = TestServer.Start();
        using Socket english = await server.ConnectAsync();
        using Socket swedish = await server.ConnectAsync();
        await using var inEnglish = new NetworkStream(english);
        await using var inSwedish = new NetworkStream(swedish);
        await TestServer.SignInAsAdminAsync(inEnglish, "en-GB");
        await TestServer.SignInAsAdminAsync(inSwedish, "sv-SE");

        await TestServer.SendAsync(inEnglish, 4, new HandoverRequest(null, false, false, false));
        await TestServer.SendAsync(inSwedish, 4, new HandoverRequest(null, false, false, false));
        string englishText = TestServer.Answer<HandoverView>((await TestServer.ReceiveAsync(inEnglish))!).Text;
        string swedishText = TestServer.Answer<HandoverView>((await TestServer.ReceiveAsync(inSwedish))!).Text;

        Assert.Contains("HANDOVER", englishText, StringComparison.Ordinal);
        Assert.DoesNotContain("ÖVERLÄMNING", englishText, StringComparison.Ordinal);
        Assert.Contains("ÖVERLÄMNING", swedishText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionThatSaysNothing_IsClosedAfterTheHelloLimit()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();

        Assert.False(await TestServer.ClosedWithinAsync(socket, ProtocolInfo.HelloLimit - TimeSpan.FromSeconds(2)));
        Assert.True(await TestServer.ClosedWithinAsync(socket, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AFrameOver64KiB_BeforeSignIn_IsRefused_ButASignedInSessionMaySendOne()
    {
        await using TestServer server = TestServer.Start();
        using (Socket greeted = await server.ConnectAsync())
        {
            await using var stream = new NetworkStream(greeted);
            await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
            Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);
            await TestServer.SendAsync(stream, 2, LargeDraft());
            Assert.True(await TestServer.ClosedWithinAsync(greeted, TimeSpan.FromSeconds(5)));
        }

        using Socket signedIn = await server.ConnectAsync();
        await using var signedInStream = new NetworkStream(signedIn);
        await TestServer.SignInAsAdminAsync(signedInStream);
        await TestServer.SendAsync(signedInStream, 4, LargeDraft());
        ServerMessage reply = (await TestServer.ReceiveAsync(signedInStream))!;
        Assert.Equal(4, reply.Id); // answered (whatever the answer), not cut off: the frame was accepted
    }

    [Fact]
    public async Task Shutdown_FromAPeerThatIsNotTheServersAccount_AndNotSignedIn_IsRefused()
    {
        await using TestServer server = TestServer.Start(ServerOfAnotherAccount(TestServer.CurrentUid));
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);

        await TestServer.SendAsync(stream, 2, new StopServer());
        ServerMessage reply = (await TestServer.ReceiveAsync(stream))!;

        Assert.False(reply.Ok);
        Assert.Equal(ErrorCodes.ShutdownNotPermitted, reply.ErrorCode);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(server.HasStopped);

        // A signed-in admin of the same account may.
        await TestServer.SendAsync(stream, 3, new GetInstallInfo());
        InstallInfo install = TestServer.Answer<InstallInfo>((await TestServer.ReceiveAsync(stream))!);
        long admin = install.Users.Single(u => u.Name == "Demo Admin").Id;
        await TestServer.SendAsync(stream, 4, new SignInUser(admin, ""));
        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);
        await TestServer.SendAsync(stream, 5, new StopServer());
        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);
        await WaitUntilAsync(() => server.HasStopped);
    }

    [Fact]
    public async Task Shutdown_FromTheServersOwnAccount_StopsIt_WithoutSignIn()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);

        await TestServer.SendAsync(stream, 2, new StopServer());

        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);
        await WaitUntilAsync(() => server.HasStopped);
    }

    [Fact]
    public async Task APeerWhoseAccountIsNotAllowed_IsRefusedAtHello_AndLoggedByUidOnly()
    {
        await using TestServer server = TestServer.Start(ServerOfAnotherAccount());
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);

        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        ServerMessage reply = (await TestServer.ReceiveAsync(stream))!;

        Assert.False(reply.Ok);
        Assert.Equal(ErrorCodes.PeerNotAllowed, reply.ErrorCode);
        Assert.Equal(TestServer.CurrentUid.ToString(SwedishCulture.Instance), reply.ErrorArgs![0]);
        Assert.True(await TestServer.ClosedWithinAsync(socket, TimeSpan.FromSeconds(5)));
        Assert.Contains(server.Log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"uid {TestServer.CurrentUid} is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAllowedUser_OfAnotherAccountsServer_IsServed()
    {
        await using TestServer server = TestServer.Start(ServerOfAnotherAccount(TestServer.CurrentUid));
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);

        await TestServer.SignInAsAdminAsync(stream);
    }

    [Fact]
    public async Task ConnectionsOfOneAccount_AreLimited()
    {
        await using TestServer server = TestServer.Start(new PeerPolicy(TestServer.CurrentUid, [], null, maxConnectionsPerUser: 2));
        using Socket first = await server.ConnectAsync();
        using Socket second = await server.ConnectAsync();
        using Socket third = await server.ConnectAsync();
        await using var stream = new NetworkStream(third);

        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        ServerMessage reply = (await TestServer.ReceiveAsync(stream))!;

        Assert.Equal(ErrorCodes.TooManyConnections, reply.ErrorCode);
        first.Dispose();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        using Socket again = await server.ConnectAsync();
        await using var againStream = new NetworkStream(again);
        await TestServer.SendAsync(againStream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await TestServer.ReceiveAsync(againStream))!.Ok);
    }

    [Fact]
    public async Task ASessionThatNeverReadsItsReplies_IsDisconnected_RatherThanGrowingTheServer()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SignInAsAdminAsync(stream);

        // Ask for the case board again and again, reading nothing: the replies pile up in the server.
        bool closed = false;
        for (int id = 10; id < 200_000 && !closed; id++)
        {
            try
            {
                await TestServer.SendAsync(stream, id, new GetOpenCases()).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException)
            {
                closed = true;
            }
        }

        Assert.True(closed || await TestServer.ClosedWithinAsync(socket, TimeSpan.FromSeconds(20)));
        Assert.Contains(server.Log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("unread; disconnected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedBodyBeforeSignIn_IsOneWarningWithoutAStack_AndClosesTheConnection()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);

        await TestServer.SendAsync(stream, 2, "sign-in", JsonDocument.Parse("\"not an object\"").RootElement.Clone());
        try
        {
            await TestServer.SendAsync(stream, 3, "sign-in", JsonDocument.Parse("\"again\"").RootElement.Clone());
        }
        catch (IOException)
        {
            // The server may already have closed after the first (it does not wait): then the second cannot be
            // sent at all, which is as good as its being ignored. Either way only one warning may be logged.
        }

        ServerMessage reply = (await TestServer.ReceiveAsync(stream))!;

        Assert.Equal(ErrorCodes.BadRequest, reply.ErrorCode);
        Assert.True(await TestServer.ClosedWithinAsync(socket, TimeSpan.FromSeconds(5)));
        Assert.Single(server.Log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("malformed", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Log.Lines, l => l.Level >= LogLevel.Error || l.Text.Contains(" at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwelveWrongPinsOnTwelveConnectionsAtOnce_GetExactlyFiveTries()
    {
        await using TestServer server = TestServer.Start();
        JourUseCases useCases = server.Host.UseCases!;
        SessionInfo admin = useCases.SignIn(useCases.GetInstallInfo().Users.Single(u => u.Name == "Demo Admin").Id, "");
        long eva = useCases.AddUser(admin, new NewUserRequest("Eva Ström", "", Role.OnCallOfficer, "2580")).Id;
        var connections = new List<(Socket Socket, NetworkStream Stream)>();
        for (int i = 0; i < 12; i++)
        {
            Socket socket = await server.ConnectAsync();
            var stream = new NetworkStream(socket, ownsSocket: true);
            await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
            Assert.True((await TestServer.ReceiveAsync(stream))!.Ok);
            connections.Add((socket, stream));
        }

        DateTime sent = DateTime.UtcNow;
        await Task.WhenAll(connections.Select(c => TestServer.SendAsync(c.Stream, 2, new SignInUser(eva, "0000"))));
        ServerMessage?[] replies = await Task.WhenAll(connections.Select(c => TestServer.ReceiveAsync(c.Stream, seconds: 60)));

        Assert.All(replies, r => Assert.Equal(ErrorCodes.SignInFailed, r!.ErrorCode));
        Assert.True(useCases.GetUsers(admin).Single(u => u.Id == eva).IsLocked);
        foreach ((Socket _, NetworkStream stream) in connections)
        {
            await stream.DisposeAsync();
        }

        // Five tries, one after another at the user's pace (0, 1, 3, 7, 15 s), the fifth locking; the seven
        // others found the lock and were never compared.
        await server.StopAsync();
        using LiteJourStore store = LiteJourStore.OpenFile(server.Paths.Database, DatabaseKey.Resolve(server.Paths.DataDirectory, server.Paths.Database));
        SignInThrottle throttle = store.FindSignInThrottle(eva)!;
        Assert.Equal(1, throttle.Locks);
        Assert.Equal(0, throttle.Failures);
        TimeSpan fifthTry = throttle.LockedUntilUtc - SignInPolicy.FirstLock - sent;
        Assert.InRange(fifthTry.TotalSeconds, 14, 20);
    }

    // Five fields at their limit (TextLimits.DraftField): a legitimate request of about 100 KB, over 64 KiB.
    private static SaveDraft LargeDraft() =>
        new(new DraftData("case", Enumerable.Range(0, 5).ToDictionary(i => $"notes{i}", _ => new string('x', TextLimits.DraftField.Max)), DateTime.UtcNow));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
