using System.Net.Sockets;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Hosting;
using Jour.Native;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Server;

/// <summary>
/// The one process that serves a data directory: holds the server lock, opens what it serves
/// (<see cref="OpenedDirectory"/>), and serves every session over the Unix socket until stopped or idle.
/// </summary>
internal sealed partial class ServerHost : IDisposable
{
    private readonly JourPaths _paths;
    private readonly JourConfig _config;
    private readonly TimeSpan? _idleTimeout;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ServerLifetime _lifetime;
    private readonly Lock _gate = new();
    private readonly PeerPolicy _peers;
    private readonly Dictionary<int, int> _connectionsPerUid = [];
    private FileStream? _lock;
    private OpenedDirectory? _opened;
    private ServerContext? _context;
    private Socket? _listener;
    private int _nextConnectionId;
    private readonly ITimer? _idleTimer;

    // Who may connect: jour.json's policy for this process's account, unless given (tests).
    public ServerHost(JourPaths paths, JourConfig config, TimeSpan? idleTimeout, ILoggerFactory loggers, PeerPolicy? peers = null)
    {
        _peers = peers ?? PeerPolicy.FromConfig(config);
        _paths = paths;
        _config = config;
        _idleTimeout = idleTimeout;
        _loggers = loggers;
        _log = loggers.CreateLogger<ServerHost>();
        _lifetime = new ServerLifetime(_stopping.Cancel);
        _idleTimer = idleTimeout is null ? null : TimeProvider.System.CreateTimer(StopWhenIdle, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Takes the lock, opens the database and listens; throws <see cref="JourException"/> when it cannot.</summary>
    public void Start()
    {
        _paths.EnsureExists();
        try
        {
            _lock = new FileStream(_paths.ServerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new JourException(ErrorCodes.ServerAlreadyRunning, _paths.DataDirectory);
        }

        PrepareSocketDirectory();

        _opened = OpenedDirectory.Open(_paths, _config, _loggers);
        _context = new ServerContext(_opened.UseCases, _opened.Store, _lifetime, _peers, _paths, _log);
        SetUpCodeReady?.Invoke(_opened.SetUpCode);

        // Only the lock holder gets here, so a socket file left by a killed server is stale.
        File.Delete(_paths.Socket);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(_paths.Socket));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_paths.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        }

        _listener.Listen(64);
        LogStarted(Environment.ProcessId, _opened.Store.Kind, _opened.Store.SchemaVersion);
    }

    public JourUseCases? UseCases => _opened?.UseCases;

    /// <summary>
    /// A socket directory of its own (the system installation's /run/jour) must be this account's and at most
    /// 0750: its group reaches the socket, nobody else may put anything in its place. A missing one is made
    /// (systemd's RuntimeDirectory makes it first; a server started by hand needs its parent writable).
    /// </summary>
    private void PrepareSocketDirectory()
    {
        if (!_paths.SocketApart)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_paths.SocketDirectory);
            return;
        }

        const UnixFileMode allowed = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        string directory = _paths.SocketDirectory;
        if (!Directory.Exists(directory) && FileStatus.Of(directory) is null)
        {
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, allowed);
            LogSocketDirectoryCreated(directory);
            return;
        }

        int self = Posix.EffectiveUserId();
        if (FileStatus.Of(directory) is not { IsDirectory: true, IsSymbolicLink: false } status || status.Uid != self)
        {
            int owner = FileStatus.Of(directory)?.Uid ?? -1;
            LogSocketDirectoryNotOurs(directory, owner);
            throw new JourException(ErrorCodes.ServerNotTrusted, directory, owner.ToString(SwedishCulture.Instance), self.ToString(SwedishCulture.Instance));
        }

        if ((status.Mode & ~allowed) != 0)
        {
            File.SetUnixFileMode(directory, status.Mode & allowed);
            LogSocketDirectoryTightened(directory, Convert.ToString((int)status.Mode, 8), Convert.ToString((int)(status.Mode & allowed), 8));
        }
    }

    /// <summary>
    /// Called once by <see cref="Start"/> before the socket listens: with the set-up code when this server has
    /// just created a database that needs its first admin, else with null. The caller shows it to whoever
    /// started this server, and to nobody else.
    /// </summary>
    public Action<string?>? SetUpCodeReady { get; init; }

    /// <summary>Serves sessions until <see cref="Stop"/>, a signal, or the idle time after the last one left.</summary>
    public async Task RunAsync()
    {
        if (_listener is null || _opened is null)
        {
            throw new InvalidOperationException("Start first");
        }

        ArmIdleTimer();
        Task besideSessions = _opened.RunBesideSessionsAsync(Stop, _stopping.Token);
        var sessions = new List<Task>();
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            sessions.RemoveAll(t => t.IsCompleted);
            sessions.Add(ServeAsync(socket));
        }

        _listener.Dispose();
        // Sessions get a moment to finish what they are doing; after a failure of the file there is nothing
        // left they can do, and a new session is waiting for this server to let go of the lock.
        TimeSpan grace = _opened.Store.ClosedBy() is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(300);
        await Task.WhenAll(sessions).WaitAsync(grace).ContinueWith(_ => { }, TaskScheduler.Default);
        await besideSessions;
        LogStopped();
    }

    public void Stop() => _lifetime.Stop();

    public void Dispose()
    {
        _opened?.Dispose();

        // Only the server that bound the socket removes it: a server that lost the race for the
        // lock must leave the winner's socket alone.
        if (_listener is not null)
        {
            _listener.Dispose();
            try
            {
                File.Delete(_paths.Socket);
            }
            catch (IOException)
            {
                // The next server removes it.
            }
        }

        _lock?.Dispose();
        _stopping.Dispose();
        _idleTimer?.Dispose();
    }

    private async Task ServeAsync(Socket socket)
    {
        PeerCredentials? peer = PeerOf(socket);
        int uid = peer?.Uid ?? -1;
        int id;
        int ofThisUid;
        lock (_gate)
        {
            id = ++_nextConnectionId;
            _idleTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _connectionsPerUid[uid] = ofThisUid = _connectionsPerUid.GetValueOrDefault(uid) + 1;
        }

        LogConnected(id);
        JourException? refusal = null;
        if (!_peers.Admits(peer))
        {
            // By uid only: the log carries ids, never names.
            LogPeerRefused(id, uid);
            refusal = new JourException(ErrorCodes.PeerNotAllowed, uid.ToString(SwedishCulture.Instance), _paths.DataDirectory);
        }
        else if (ofThisUid > _peers.MaxConnectionsPerUser)
        {
            LogTooManyConnections(id, uid, _peers.MaxConnectionsPerUser);
            refusal = new JourException(ErrorCodes.TooManyConnections, uid.ToString(SwedishCulture.Instance), _peers.MaxConnectionsPerUser.ToString(SwedishCulture.Instance));
        }

        try
        {
            await using var connection = new ServerConnection(socket, _context!, id, peer, refusal);
            await connection.RunAsync(_stopping.Token);
        }
        finally
        {
            lock (_gate)
            {
                if (--_connectionsPerUid[uid] == 0)
                {
                    _connectionsPerUid.Remove(uid);
                }

                // The table holds only those connected: empty, the last session has left.
                if (_connectionsPerUid.Count == 0)
                {
                    ArmIdleTimer();
                }
            }

            LogDisconnected(id);
        }
    }

    private static PeerCredentials? PeerOf(Socket socket)
    {
        try
        {
            return PeerCredentials.Of(socket);
        }
        catch (SocketException)
        {
            // The kernel could not say who it is: nobody is admitted as unknown.
            return new PeerCredentials(0, -1, -1);
        }
    }

    private void ArmIdleTimer() => _idleTimer?.Change(_idleTimeout ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private void StopWhenIdle(object? state)
    {
        LogIdle(_idleTimeout?.TotalMinutes ?? 0);
        Stop();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {Pid} listening, {Store} schema {Schema}")]
    private partial void LogStarted(int pid, StoreKind store, int schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket directory {Path} created, mode 0750")]
    private partial void LogSocketDirectoryCreated(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket directory {Path} is not this account's own directory (owner uid {Uid}); refusing to listen in it")]
    private partial void LogSocketDirectoryNotOurs(string path, int uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tightened socket directory {Path} from {From} to {To}")]
    private partial void LogSocketDirectoryTightened(string path, string from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server stopped")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle for {Minutes} min with no session; stopping")]
    private partial void LogIdle(double minutes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {ConnectionId} connected")]
    private partial void LogConnected(int connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {ConnectionId} left")]
    private partial void LogDisconnected(int connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {ConnectionId} refused: uid {Uid} is not allowed to connect")]
    private partial void LogPeerRefused(int connectionId, int uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {ConnectionId} refused: uid {Uid} already holds {Limit} connections")]
    private partial void LogTooManyConnections(int connectionId, int uid, int limit);
}
