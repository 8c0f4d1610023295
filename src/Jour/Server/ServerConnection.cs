using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Native;
using Jour.Protocol;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Server;

/// <summary>What every connection of one server shares.</summary>
internal sealed record ServerContext(JourUseCases UseCases, IServedStore Store, ServerLifetime Lifetime, PeerPolicy Peers, JourPaths Paths, ILogger Log);

/// <summary>
/// One session's connection: requests are answered in order; replies and pushed changes leave
/// through one queue, so a slow session never holds up another.
/// </summary>
internal sealed partial class ServerConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly LocalJourService _service;
    private readonly ServerContext _server;
    private readonly ILogger _log;
    private readonly int _connectionId;
    private readonly PeerCredentials? _peer;
    private readonly JourException? _refusal;
    private CultureInfo _language = CultureInfo.CurrentUICulture;

    // After the reply now being answered: the connection ends (a malformed request before sign-in), or the
    // server stops as well (told to, or its file failed).
    private volatile bool _closeAfterReply;
    private volatile bool _stopAfterReply;
    private int _warnedMalformed;
    private int _overflowed;

    // Frames ready to write. Unbounded as a channel, bounded in bytes by Enqueue (ProtocolInfo.OutboxBytes).
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private long _outboxBytes;
    private readonly CancellationTokenSource _abort = new();

    public ServerConnection(Socket socket, ServerContext server, int connectionId, PeerCredentials? peer, JourException? refusal)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _server = server;
        _log = server.Log;
        _connectionId = connectionId;
        _peer = peer;
        _refusal = refusal;
        _service = new LocalJourService(server.UseCases, server.Peers.IsServerAccount(peer));
        _service.Changed += notice => Enqueue(new ServerMessage(0, true, null, null, null, notice));
    }

    private bool SignedIn => _service.Session.User is not null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        Task writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(linked.Token);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException && !SignedIn)
        {
            WarnMalformedOnce(ex.GetType().Name);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or InvalidDataException or JsonException)
        {
            LogConnectionEnded(_connectionId, ex.GetType().Name);
        }
        finally
        {
            // What is queued (a refusal of the greeting, the last reply) leaves first, unless the peer does not
            // take it within a moment; then the writer is cancelled.
            _outbox.Writer.TryComplete();
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            await linked.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer is gone; nothing left to tell it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _service.Dispose();
        _abort.Dispose();
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        // The first frame is small and comes at once; until then a connection costs the server next to nothing.
        using var helloLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        helloLimit.CancelAfter(ProtocolInfo.HelloLimit);
        ClientMessage? hello = await FrameStream.ReadAsync(_stream, WireJsonContext.Default.ClientMessage, ProtocolInfo.PreSignInFrameBytes, helloLimit.Token);
        ServerMessage? greeting = hello is null ? null
            : hello.Op == ProtocolInfo.HelloOp ? await AnswerAsync(hello, cancellationToken)
            : Refuse(hello.Id, ErrorCodes.ProtocolMismatch, "?", ProtocolInfo.Version.ToString(SwedishCulture.Instance));
        if (greeting is null || !Enqueue(greeting) || !greeting.Ok)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            ClientMessage? request = await FrameStream.ReadAsync(_stream, WireJsonContext.Default.ClientMessage, SignedIn ? ProtocolInfo.RequestFrameBytes : ProtocolInfo.PreSignInFrameBytes, cancellationToken);
            if (request is null)
            {
                return;
            }

            if (UseCaseCatalog.Named(request.Op) is { } useCase && useCase.Handling.HasFlag(Handling.SideBySide))
            {
                _ = AnswerAsideAsync(request, cancellationToken);
            }
            else if (!Enqueue(await AnswerAsync(request, cancellationToken)) || await EndsAfterReplyAsync())
            {
                return; // the reply still leaves: RunAsync lets the writer finish first
            }
        }
    }

    /// <summary>
    /// Queues a reply or pushed change; false (and the connection is dropped) when the session has left more
    /// than <see cref="ProtocolInfo.OutboxBytes"/> unread.
    /// </summary>
    private bool Enqueue(ServerMessage message)
    {
        byte[] frame = FrameStream.Encode(message, WireJsonContext.Default.ServerMessage);
        long waiting = Interlocked.Add(ref _outboxBytes, frame.Length);
        if (waiting > ProtocolInfo.OutboxBytes && waiting != frame.Length)
        {
            Interlocked.Add(ref _outboxBytes, -frame.Length);
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                LogSlowReader(_connectionId, waiting - frame.Length);
                _outbox.Writer.TryComplete();
                try
                {
                    _abort.Cancel();
                    _socket.Shutdown(SocketShutdown.Both);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                    // Already gone.
                }
            }

            return false;
        }

        return _outbox.Writer.TryWrite(frame);
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (byte[] frame in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            await _stream.WriteAsync(frame, cancellationToken);
            Interlocked.Add(ref _outboxBytes, -frame.Length);
        }
    }

    // A new session asks for the board, the registers and the rota at once. Use cases that change nothing
    // and say so (Handling.SideBySide) are answered side by side (replies carry the request's id) rather
    // than one after another: on 2 cores that brings the first frame forward by the time of the slowest but
    // one. Writes, and anything after them, stay in order.
    private async Task AnswerAsideAsync(ClientMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Enqueue(await AnswerAsync(request, cancellationToken)); // false: the session went away (or stopped reading) while the read ran
        await EndsAfterReplyAsync();
    }

    /// <summary>True when this connection ends with the reply just queued; stops the server once it has left, when asked to.</summary>
    private async Task<bool> EndsAfterReplyAsync()
    {
        if (_stopAfterReply)
        {
            await Task.Delay(50, CancellationToken.None);
            _server.Lifetime.Stop();
        }

        return _closeAfterReply || _stopAfterReply;
    }

    private async ValueTask<ServerMessage> AnswerAsync(ClientMessage request, CancellationToken cancellationToken)
    {
        long received = System.Diagnostics.Stopwatch.GetTimestamp();
        ServerMessage reply = await HandleAsync(request, cancellationToken);
        LogAnswered(_connectionId, request.Id, request.Op, reply.Ok, System.Diagnostics.Stopwatch.GetElapsedTime(received).TotalMilliseconds);
        return reply;
    }

    private async ValueTask<ServerMessage> HandleAsync(ClientMessage request, CancellationToken cancellationToken)
    {
        try
        {
            ServerMessage reply = request.Op switch
            {
                ProtocolInfo.HelloOp when _refusal is { } refusal => throw refusal,

                // A server that is stopping (after a failure of its file, or told to) tells a session that reached
                // it in that moment at once, so it asks the next server rather than being taken in and dropped.
                ProtocolInfo.HelloOp when _server.Lifetime.IsStopping => Refuse(request.Id, ErrorCodes.ServerUnavailable, "stopping", _server.Paths.Logs),
                ProtocolInfo.HelloOp => Greet(request),

                // Every use case takes the one pipeline, as it does in process. Sign-in and PIN checks wait out
                // the delay a failure earned there, without holding a thread.
                _ when UseCaseCatalog.Named(request.Op) is { } useCase =>
                    Ok(request.Id, await RunAsync(useCase, request, cancellationToken), useCase.AnswerJson),
                _ => Refuse(request.Id, ErrorCodes.UnknownOperation, request.Op),
            };

            // "Saved" leaves only once it is true: every commit so far is on stable storage (the store's
            // CommitBarrier). A failure here fails this answer and, through Failed, stops the server.
            if (reply.Ok)
            {
                _server.Store.WaitUntilDurable();
            }

            return reply;
        }
        catch (JourException ex)
        {
            LogRefused(_connectionId, _peer?.Uid ?? -1, request.Op, ex.Code);
            return Refuse(request.Id, ex.Code, [.. ex.Args]);
        }
        catch (JsonException) when (!SignedIn)
        {
            return MalformedBeforeSignIn(request);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return Failed(request, ex);
        }
    }

    // A body that does not parse, from a session nobody has signed in to: refused, and the connection closed.
    private ServerMessage MalformedBeforeSignIn(ClientMessage request)
    {
        WarnMalformedOnce(request.Op ?? "?");
        _closeAfterReply = true;
        return Refuse(request.Id, ErrorCodes.BadRequest, request.Op ?? "?");
    }

    // Anyone the socket admits can send a frame or a body that does not parse: one warning per connection,
    // without a stack, or they could fill the log.
    private void WarnMalformedOnce(string what)
    {
        if (Interlocked.Exchange(ref _warnedMalformed, 1) == 0)
        {
            LogMalformedBeforeSignIn(_connectionId, what);
        }
    }

    private ServerMessage Failed(ClientMessage request, Exception ex)
    {
        JourException? storage = StorageFailure.Classify(ex, _server.Store.ClosedBy(), _server.Paths.DataDirectory);
        if (storage is { Code: ErrorCodes.StorageUnreachable })
        {
            // PostgreSQL is down or failing over: this server stays, and the next request (or the change relay's
            // reconnect, which refreshes every session) finds the database again, on the promoted standby. No
            // stack: every request meanwhile would log one.
            LogDatabaseUnreachable(request.Op, ex.GetType().FullName ?? "?");
            return Refuse(request.Id, storage.Code);
        }

        // Type and stack only: exception messages from the store can quote stored values.
        LogFailed(ex.GetType().FullName ?? "?", request.Op, ex.StackTrace ?? "");

        if (storage is not null)
        {
            // LiteDB has closed its engine: every later call would fail the same way. The server stops
            // after this reply; the next session starts one that opens the file again (replaying the log),
            // which works as soon as there is space again.
            LogStorageFailure(request.Op, storage.Code);
            _stopAfterReply = true;
            _server.Lifetime.StopSoon();
            return Refuse(request.Id, storage.Code, [.. storage.Args]);
        }

        return Refuse(request.Id, ErrorCodes.Unexpected);
    }

    // The culture flows with the request's own async context only: sessions in other languages are not touched.
    private async ValueTask<object?> RunAsync(UseCase useCase, ClientMessage request, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentUICulture = _language;
        object? answer = await _service.SendAsync(useCase, Arg(request, useCase.RequestJson), cancellationToken);
        if (useCase.Handling.HasFlag(Handling.StopsTheServer))
        {
            _server.Lifetime.StopSoon();
            _stopAfterReply = true;
        }

        return answer;
    }

    private ServerMessage Greet(ClientMessage request)
    {
        var hello = (Hello)Arg(request, WireJsonContext.Default.Hello);
        if (hello.Protocol != ProtocolInfo.Version)
        {
            return Refuse(request.Id, ErrorCodes.ProtocolMismatch, hello.Protocol.ToString(SwedishCulture.Instance), ProtocolInfo.Version.ToString(SwedishCulture.Instance));
        }

        _language = UiLanguage.Of(hello.Language) ?? _language;

        return Ok(request.Id, new Hello(ProtocolInfo.Version, ProtocolInfo.BuildVersion), WireJsonContext.Default.Hello);
    }

    private static object Arg(ClientMessage request, JsonTypeInfo typeInfo) =>
        request.Body is { } body
            ? body.Deserialize(typeInfo) ?? throw new JourException(ErrorCodes.BadRequest, request.Op)
            : throw new JourException(ErrorCodes.BadRequest, request.Op);

    private static ServerMessage Ok(int id, object? value, JsonTypeInfo typeInfo) =>
        new(id, true, JsonSerializer.SerializeToElement(value, typeInfo), null, null, null);

    private static ServerMessage Refuse(int id, string code, params string[] args) =>
        new(id, false, null, code, args, null);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId}: request {Id} {Op} answered (ok {Ok}) in {Milliseconds:0.0} ms")]
    private partial void LogAnswered(int connectionId, int id, string op, bool ok, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} ended: {Reason}")]
    private partial void LogConnectionEnded(int connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} (uid {Uid}): {Op} refused with {Code}")]
    private partial void LogRefused(int connectionId, int uid, string op, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failure in {Op} ({Code}): the server stops so the next session reopens the file")]
    private partial void LogStorageFailure(string op, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Op} failed: the database does not answer ({Type}); the server stays and tries again")]
    private partial void LogDatabaseUnreachable(string op, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId}: malformed input before sign-in ({What}); closed")]
    private partial void LogMalformedBeforeSignIn(int connectionId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} left {Bytes} bytes unread; disconnected")]
    private partial void LogSlowReader(int connectionId, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {Op} failed with {ExceptionType}\n{StackTrace}")]
    private partial void LogFailed(string exceptionType, string op, string stackTrace);
}
