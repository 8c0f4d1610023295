using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Jour.Configuration;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Client;

/// <summary>
/// The use cases over the server's socket. When the server dies, the session starts a new one,
/// signs in again as the same user and tells its screens to refresh; what the user had typed
/// lives in the screens and is untouched.
/// </summary>
internal sealed partial class SocketJourService : IJourService
{
    private const int GreetingAttempts = 5;
    private static readonly TimeSpan s_requestLimit = TimeSpan.FromSeconds(30);

    // A backup or a full check of a large file reads it all; the server answers when done.
    private static readonly TimeSpan s_longRequestLimit = TimeSpan.FromMinutes(15);

    private readonly JourPaths _paths;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<ServerMessage>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private DateTime _reconnectAfter;
    private Connection? _connection;
    private (long UserId, string Pin)? _credentials;
    private int _nextId;

    private SocketJourService(JourPaths paths, ILogger log)
    {
        _paths = paths;
        _log = log;
    }

    public event Action<ChangeNotice>? Changed;

    public string? SetUpCode { get; private set; }

    /// <summary>Connects (starting a server if need be) and says hello.</summary>
    public static async Task<SocketJourService> ConnectAsync(JourPaths paths, ILogger? log = null, CancellationToken cancellationToken = default)
    {
        var service = new SocketJourService(paths, log ?? NullLogger.Instance);
        await service.EnsureConnectedAsync(cancellationToken);
        return service;
    }

    /// <summary>
    /// Sends a use case's request and waits for its answer. A sign-in is remembered (in this process only)
    /// so that a session whose server died signs in again, as the same user, on the next one.
    /// </summary>
    public async Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default)
    {
        UseCase useCase = UseCaseCatalog.For(request.GetType());
        if (request is SignOut)
        {
            // Forget the PIN first: a reconnect after this must not sign the previous user in again.
            _credentials = null;
        }

        Connection connection = await EnsureConnectedAsync(cancellationToken);
        TimeSpan limit = useCase.Handling.HasFlag(Handling.LongRunning) ? s_longRequestLimit : s_requestLimit;
        ServerMessage reply = await RoundTripAsync(connection, useCase.Name, JsonSerializer.SerializeToElement(request, useCase.RequestJson), limit, cancellationToken);
        if (!reply.Ok)
        {
            if (reply.ErrorCode is ErrorCodes.StorageFull or ErrorCodes.StorageFailed)
            {
                // The server stops after a failure of its file; the next call starts a new one (which opens
                // the file again) once this one has let go of the lock.
                connection.Close();
                _reconnectAfter = DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
            }

            throw Refusal(reply);
        }

        // An accepted request whose answer is null (no draft saved for a form) comes without a body:
        // System.Text.Json reads the JSON null into the nullable JsonElement as no value at all.
        TAnswer result = reply.Body is { } body ? (TAnswer)body.Deserialize(useCase.AnswerJson)! : default!;
        if (request is ISetsSessionPin sets && (result is SessionInfo user ? user.UserId : _credentials?.UserId) is { } userId)
        {
            _credentials = (userId, sets.SessionPin);
        }

        return result;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _connection?.Socket.Dispose();
        _writeLock.Dispose();
        _connectLock.Dispose();
    }

    private static JourException Refusal(ServerMessage reply) =>
        new(reply.ErrorCode ?? ErrorCodes.Unexpected, [.. reply.ErrorArgs ?? []]);

    private JourException Lost(Exception ex) =>
        new(ErrorCodes.ServerUnavailable, ex.GetType().Name, _paths.Logs);

    private async Task<ServerMessage> RoundTripAsync(Connection connection, string op, JsonElement body, TimeSpan limit, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<ServerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        long sent = Stopwatch.GetTimestamp();
        LogSent(id, op);
        try
        {
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                await FrameStream.WriteAsync(connection.Stream, new ClientMessage(id, op, body), WireJsonContext.Default.ClientMessage, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                throw Lost(ex);
            }
            finally
            {
                _writeLock.Release();
            }

            ServerMessage answer = await reply.Task.WaitAsync(limit, cancellationToken);
            LogAnswered(id, op, answer.Ok, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            return answer;
        }
        catch (TimeoutException ex)
        {
            LogUnanswered(id, op, limit.TotalSeconds);
            throw Lost(ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task<Connection> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsAlive: true } current)
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsAlive: true } again)
            {
                return again;
            }

            if (_reconnectAfter - DateTime.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            bool reconnecting = _connection is not null;
            Connection connection = await GreetAsync(cancellationToken);
            if (reconnecting)
            {
                if (_credentials is { } credentials)
                {
                    UseCase signIn = UseCaseCatalog.For(typeof(SignInUser));
                    ServerMessage reply = await RoundTripAsync(connection, signIn.Name, JsonSerializer.SerializeToElement(new SignInUser(credentials.UserId, credentials.Pin), signIn.RequestJson), s_requestLimit, cancellationToken);
                    if (!reply.Ok)
                    {
                        throw Refusal(reply);
                    }
                }

                Changed?.Invoke(new ChangeNotice(ChangeKind.Everything, 0));
            }

            return connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    // A server that is stopping (after a failure of its file, or `jour server --stop`) may still take a
    // connection in its last moments, then refuse the greeting or drop it. The greeting changes nothing,
    // so it is asked again of the next server (ConnectOrStartAsync starts one once the old has let go).
    private async Task<Connection> GreetAsync(CancellationToken cancellationToken)
    {
        JsonElement hello = JsonSerializer.SerializeToElement(new Hello(ProtocolInfo.Version, ProtocolInfo.BuildVersion, CultureInfo.CurrentUICulture.Name), WireJsonContext.Default.Hello);
        for (int attempt = 1; ; attempt++)
        {
            var connection = new Connection(await ServerLauncher.ConnectOrStartAsync(_paths, cancellationToken, code => SetUpCode = code));
            _connection = connection;
            _ = ReadLoopAsync(connection);
            ServerMessage? reply = null;
            try
            {
                reply = await RoundTripAsync(connection, ProtocolInfo.HelloOp, hello, s_requestLimit, cancellationToken);
            }
            catch (JourException ex) when (ex.Code == ErrorCodes.ServerUnavailable && attempt < GreetingAttempts)
            {
                // Dropped while greeting: as refused for stopping, below.
            }

            if (reply is { Ok: true })
            {
                return connection;
            }

            connection.Close();
            if (reply is { ErrorCode: not ErrorCodes.ServerUnavailable } || attempt >= GreetingAttempts)
            {
                throw Refusal(reply!);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150 * attempt), cancellationToken);
        }
    }

    private async Task ReadLoopAsync(Connection connection)
    {
        try
        {
            while (await FrameStream.ReadAsync(connection.Stream, WireJsonContext.Default.ServerMessage, ProtocolInfo.MaxFrameBytes, _disposed.Token) is { } message)
            {
                if (message is { Id: 0, Change: { } change })
                {
                    Changed?.Invoke(change);
                }
                else if (_pending.TryGetValue(message.Id, out var waiter))
                {
                    waiter.TrySetResult(message);
                }
                else
                {
                    LogNobodyWaiting(message.Id);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or EndOfStreamException or JsonException or InvalidDataException)
        {
            // Lost; the next call reconnects.
        }

        connection.IsAlive = false;
        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(Lost(new IOException("connection closed")));
        }

        if (!_disposed.IsCancellationRequested && _credentials is not null)
        {
            // A signed-in session reconnects on its own, so pushed changes resume without a keystroke.
            _ = Task.Run(ReconnectAsync);
        }
    }

    private async Task ReconnectAsync()
    {
        for (int attempt = 0; attempt < 50 && !_disposed.IsCancellationRequested; attempt++)
        {
            try
            {
                await EnsureConnectedAsync(_disposed.Token);
                return;
            }
            catch (Exception ex) when (ex is JourException or ServerStartException or IOException or SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class Connection(Socket socket)
    {
        public Socket Socket { get; } = socket;

        public NetworkStream Stream { get; } = new(socket, ownsSocket: false);

        public volatile bool IsAlive = true;

        public void Close()
        {
            IsAlive = false;
            Socket.Dispose();
        }
    }

    // Requests are traced at Debug (JOUR_LOG_LEVEL=Debug): op names, ids and times only, never a body.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Id} {Op} sent")]
    private partial void LogSent(int id, string op);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Id} {Op} answered (ok {Ok}) after {Milliseconds:0.0} ms")]
    private partial void LogAnswered(int id, string op, bool ok, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Id} {Op} had no answer within {Seconds} s")]
    private partial void LogUnanswered(int id, string op, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer to request {Id} came when nobody waited for it")]
    private partial void LogNobodyWaiting(int id);
}
