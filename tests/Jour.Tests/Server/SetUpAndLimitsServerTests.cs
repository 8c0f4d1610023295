using System.Net.Sockets;
using System.Text.Json;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Drafts;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Protocol;
using Jour.Server;
using Microsoft.Extensions.Logging;

namespace Jour.Tests.Server;

/// <summary>The first admin's set-up code and the text limits, through a real server on a real socket (issue 16).</summary>
public sealed class SetUpAndLimitsServerTests
{
    private static PeerPolicy ServerOfAnotherAccount(params int[] allowed) =>
        new(TestServer.CurrentUid + 4242, allowed, allowedGroup: null, maxConnectionsPerUser: 32);

    [Fact]
    public async Task ANewRealDatabase_HandsItsCodeToWhoeverStartedTheServer_TheSocketNeedsIt_AndItWorksOnce()
    {
        await using TestServer server = TestServer.Start(config: new JourConfig { Demo = false });
        string code = Assert.IsType<string>(server.SetUpCode);
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", code);

        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await ReplyAsync(stream))!.Ok);

        // Without the code, as the first client on the socket would try: refused, nobody created.
        ServerMessage refused = await SetUpAsync(stream, 2, "");
        Assert.Equal(ErrorCodes.SetUpCodeWrong, refused.ErrorCode);
        ServerMessage wrong = await SetUpAsync(stream, 3, "0000-0000-0000-0000");
        Assert.Equal(ErrorCodes.SetUpCodeWrong, wrong.ErrorCode);

        ServerMessage created = await SetUpAsync(stream, 4, code.ToLowerInvariant());
        Assert.True(created.Ok, created.ErrorCode);
        Assert.Equal("Ada Admin", TestServer.Answer<SessionInfo>(created).UserName);

        using Socket other = await server.ConnectAsync();
        await using var otherStream = new NetworkStream(other);
        await TestServer.SendAsync(otherStream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await ReplyAsync(otherStream))!.Ok);
        Assert.Equal(ErrorCodes.SetupAlreadyDone, (await SetUpAsync(otherStream, 2, code)).ErrorCode);

        // The code is never logged.
        Assert.DoesNotContain(server.Log.Lines, l => l.Text.Contains(code, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ADemoDatabase_HasNoCode()
    {
        await using TestServer server = TestServer.Start();

        Assert.Null(server.SetUpCode);
    }

    [Fact]
    public async Task ANewCode_IsGivenToTheServersOwnAccount_AndReplacesTheOld()
    {
        await using TestServer server = TestServer.Start(config: new JourConfig { Demo = false });
        string first = server.SetUpCode!;
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await ReplyAsync(stream))!.Ok);

        await TestServer.SendAsync(stream, 2, new IssueSetUpCode());
        ServerMessage issued = (await ReplyAsync(stream))!;
        Assert.True(issued.Ok, issued.ErrorCode);
        string second = TestServer.Answer<string>(issued);

        Assert.NotEqual(first, second);
        Assert.Equal(ErrorCodes.SetUpCodeWrong, (await SetUpAsync(stream, 3, first)).ErrorCode);
        Assert.True((await SetUpAsync(stream, 4, second)).Ok);

        // Once there is an admin there is no code to be had.
        await TestServer.SendAsync(stream, 5, new IssueSetUpCode());
        Assert.Equal(ErrorCodes.SetupAlreadyDone, (await ReplyAsync(stream))!.ErrorCode);
    }

    [Fact]
    public async Task ACode_IsRefusedToAnAllowedPeerOfAnotherAccount()
    {
        await using TestServer server = TestServer.Start(ServerOfAnotherAccount(TestServer.CurrentUid), new JourConfig { Demo = false });
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SendAsync(stream, 1, ProtocolInfo.HelloOp, TestServer.HelloBody());
        Assert.True((await ReplyAsync(stream))!.Ok);

        await TestServer.SendAsync(stream, 2, new IssueSetUpCode());
        ServerMessage reply = (await ReplyAsync(stream))!;

        Assert.False(reply.Ok);
        Assert.Equal(ErrorCodes.SetUpCodeNotPermitted, reply.ErrorCode);
        Assert.True((await SetUpAsync(stream, 3, server.SetUpCode!)).Ok); // the code its starter holds still works
    }

    [Fact]
    public async Task AnOversizedNote_IsRefusedWithTheLimit_AndTheServerKeepsServingEveryone()
    {
        await using TestServer server = TestServer.Start();
        using Socket socket = await server.ConnectAsync();
        await using var stream = new NetworkStream(socket);
        await TestServer.SignInAsAdminAsync(stream);
        await TestServer.SendAsync(stream, 4, new GetOpenCases());
        long caseId = TestServer.Answer<IReadOnlyList<CaseSummary>>((await ReplyAsync(stream))!)[0].Id;

        // 8 MB: inside a signed-in session's frame limit, far over the note's.
        await TestServer.SendAsync(stream, 5, new NoteRequest(caseId, new string('x', 8 * 1024 * 1024)));
        ServerMessage refused = (await ReplyAsync(stream))!;

        Assert.False(refused.Ok);
        Assert.Equal(TextLimits.Note.Code, refused.ErrorCode);
        Assert.Equal("Anteckningen får vara högst 4\u00a0000 tecken.", Messages.Format(refused.ErrorCode!, refused.ErrorArgs!));
        Assert.False(server.HasStopped);
        Assert.DoesNotContain(server.Log.Lines, l => l.Level >= LogLevel.Error);

        // The same session and a new one are served, and a note at the limit is saved.
        await TestServer.SendAsync(stream, 6, new NoteRequest(caseId, new string('x', TextLimits.Note.Max)));
        Assert.True((await ReplyAsync(stream))!.Ok);
        using Socket other = await server.ConnectAsync();
        await using var otherStream = new NetworkStream(other);
        await TestServer.SignInAsAdminAsync(otherStream);
        await TestServer.SendAsync(otherStream, 4, new GetStatus());
        Assert.True((await ReplyAsync(otherStream))!.Ok);
    }

    private static async Task<ServerMessage> SetUpAsync(NetworkStream stream, int id, string code)
    {
        await TestServer.SendAsync(stream, id, new SetUpFirstAdmin("Ada Admin", "4711", code));
        return await ReplyAsync(stream);
    }

    /// <summary>The next reply, past the change notices the server pushes meanwhile (id 0).</summary>
    private static async Task<ServerMessage> ReplyAsync(NetworkStream stream)
    {
        while (true)
        {
            ServerMessage message = (await TestServer.ReceiveAsync(stream, seconds: 30))!;
            if (message.Id != 0)
            {
                return message;
            }
        }
    }
}
