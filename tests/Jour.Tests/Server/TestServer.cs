using System.Net.Sockets;
using System.Text.Json;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Drafts;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Native;
using Jour.Protocol;
using Jour.Server;

namespace Jour.Tests.Server;

/// <summary>A real server in this process, on a real Unix socket in a temporary data directory, with a demo database.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly ServerHost _host;
    private readonly Task _running;
    private bool _stopped;

    private TestServer(JourPaths paths, ServerHost host, RecordingLoggerProvider log)
    {
        Paths = paths;
        _host = host;
        Log = log;
        _host.Start();
        _running = _host.RunAsync();
    }

    public JourPaths Paths { get; }

    public RecordingLoggerProvider Log { get; }

    public static int CurrentUid => Posix.EffectiveUserId();

    /// <param name="socketDirectory">A socket directory apart from the data directory (made by the server; the caller removes it).</param>
    /// <param name="dataDirectory">A data directory prepared beforehand (a generated database, say); removed with the server.</param>
    public static TestServer Start(PeerPolicy? peers = null, JourConfig? config = null, string? socketDirectory = null, string? dataDirectory = null)
    {
        var paths = new JourPaths(dataDirectory ?? Directory.CreateTempSubdirectory("jour-server-").FullName, socketDirectory);
        config ??= new JourConfig();
        var log = new RecordingLoggerProvider();
        string? code = null;
        var host = new ServerHost(paths, config, null, log, peers ?? PeerPolicy.FromConfig(config)) { SetUpCodeReady = c => code = c };
        return new TestServer(paths, host, log) { _setUpCode = () => code };
    }

    private Func<string?> _setUpCode = () => null;

    /// <summary>The set-up code the server handed its starter when it created a non-demo database (null otherwise).</summary>
    public string? SetUpCode => _setUpCode();

    public bool HasStopped => _running.IsCompleted;

    public ServerHost Host => _host;

    /// <summary>Stops the server and lets go of the database file, leaving the data directory for a look inside.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _host.Stop();
        await _running.WaitAsync(TimeSpan.FromSeconds(20));
        _host.Dispose();
    }

    public async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Paths.Socket), TestContext.Current.CancellationToken);
        return socket;
    }

    public static async Task SendAsync(Stream stream, int id, string op, JsonElement? body = null) =>
        await FrameStream.WriteAsync(stream, new ClientMessage(id, op, body), WireJsonContext.Default.ClientMessage, TestContext.Current.CancellationToken);

    public static async Task<ServerMessage?> ReceiveAsync(Stream stream, int seconds = 20) =>
        await FrameStream.ReadAsync(stream, WireJsonContext.Default.ServerMessage, ProtocolInfo.MaxFrameBytes, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    /// <summary>Sends a use case's request as a session would: its wire name and its record as the body.</summary>
    public static Task SendAsync<TAnswer>(Stream stream, int id, IRequest<TAnswer> request)
    {
        UseCase useCase = UseCaseCatalog.For(request.GetType());
        return SendAsync(stream, id, useCase.Name, JsonSerializer.SerializeToElement(request, useCase.RequestJson));
    }

    /// <summary>The answer a reply carries, read as the use case that answers with <typeparamref name="T"/> writes it.</summary>
    public static T Answer<T>(ServerMessage reply) =>
        (T)reply.Body!.Value.Deserialize(UseCaseCatalog.All.First(u => u.AnswerType == typeof(T)).AnswerJson)!;

    public static JsonElement HelloBody(string? language = null) =>
        JsonSerializer.SerializeToElement(new Hello(ProtocolInfo.Version, "test", language), WireJsonContext.Default.Hello);

    /// <summary>Says hello (in <paramref name="language"/> when given) and signs in as the demo's admin (no PIN in the demo).</summary>
    public static async Task SignInAsAdminAsync(Stream stream, string? language = null)
    {
        await SendAsync(stream, 1, ProtocolInfo.HelloOp, HelloBody(language));
        Assert.True((await ReceiveAsync(stream))!.Ok);
        await SendAsync(stream, 2, new GetInstallInfo());
        InstallInfo install = Answer<InstallInfo>((await ReceiveAsync(stream))!);
        long admin = install.Users.Single(u => u.Name == "Demo Admin").Id;
        await SendAsync(stream, 3, new SignInUser(admin, ""));
        Assert.True((await ReceiveAsync(stream))!.Ok);
    }

    /// <summary>True when the server closes the connection within the time given (reads until the end).</summary>
    public static async Task<bool> ClosedWithinAsync(Socket socket, TimeSpan limit)
    {
        byte[] sink = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (await socket.ReceiveAsync(sink, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // reset by the server
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Paths.DataDirectory, recursive: true);
    }
}
