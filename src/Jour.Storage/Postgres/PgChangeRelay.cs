using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Jour.Core.Changes;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>
/// Several servers, one database: every notice this server's hub publishes (after its commit) goes to the other
/// servers with NOTIFY, and what they NOTIFY is published on this server's hub, so a session on one server sees a
/// change made through another as if made next door. One channel per Jour schema (notifications are per database,
/// and a database may hold several schemas); the payload is this server's instance id, the kind and the id — ids
/// only, as in the logs. A server's own notices come back to it and are dropped by their instance id.
/// When the listening connection drops, it connects again with a growing pause and publishes
/// <see cref="ChangeKind.Everything"/>: notices sent meanwhile are lost, so every session reloads.
/// </summary>
public sealed partial class PgChangeRelay : IDisposable
{
    private static readonly TimeSpan s_firstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_longestPause = TimeSpan.FromSeconds(5);

    // How often a quiet listening connection is asked whether it is still there (a dead TCP peer says nothing).
    private static readonly TimeSpan s_probeEvery = TimeSpan.FromSeconds(15);

    // Set while this thread publishes another server's notice on the hub, so the relay's own handler does not send
    // it back out. The hub calls its handlers synchronously on the publishing thread.
    [ThreadStatic]
    private static bool t_relaying;

    private readonly NpgsqlDataSource _source;
    private readonly ChangeHub _hub;
    private readonly ILogger _log;
    private readonly string _channel;
    private readonly string _schema;
    private readonly Channel<ChangeNotice> _outgoing = Channel.CreateUnbounded<ChangeNotice>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _sending;
    private readonly Task _listening;
    private readonly TaskCompletionSource _listeningOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PgChangeRelay(NpgsqlDataSource source, string schema, ChangeHub hub, ILogger log)
    {
        _source = source;
        _hub = hub;
        _log = log;
        _schema = schema;
        _channel = "jour_changes_" + schema;
        InstanceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _hub.Changed += OnLocalChange;
        _sending = Task.Run(SendAsync);
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>This server's id in the payloads (random per start; the logs name it).</summary>
    public string InstanceId { get; }

    /// <summary>The application name of the listening connection (pg_stat_activity), which names the schema.</summary>
    public static string ListenerName(string schema) => "jour-relay " + schema;

    /// <summary>Starts relaying for the schema the store is on; returns once this server listens, so no notice sent after is missed.</summary>
    internal static PgChangeRelay Start(NpgsqlDataSource source, string schema, ChangeHub hub, ILogger log)
    {
        var relay = new PgChangeRelay(source, schema, hub, log);

        // A first connection that fails is retried like a dropped one; the server starts either way.
        relay._listeningOnce.Task.Wait(TimeSpan.FromSeconds(10));
        return relay;
    }

    public void Dispose()
    {
        _hub.Changed -= OnLocalChange;
        _outgoing.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            Task.WaitAll([_sending, _listening], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Both loops end on cancellation; anything else was logged where it happened.
        }

        _stopping.Dispose();
    }

    private void OnLocalChange(ChangeNotice notice)
    {
        if (!t_relaying)
        {
            _outgoing.Writer.TryWrite(notice);
        }
    }

    // Sends what the hub published, in order, as many as are waiting in one round trip. A failed NOTIFY is tried
    // again after a pause as one Everything: which of the notices got out is not known, and none may be missed.
    private async Task SendAsync()
    {
        var pending = new List<ChangeNotice>();
        TimeSpan pause = s_firstPause;
        try
        {
            while (pending.Count > 0 || await _outgoing.Reader.WaitToReadAsync(_stopping.Token))
            {
                while (_outgoing.Reader.TryRead(out ChangeNotice? notice))
                {
                    pending.Add(notice);
                }

                try
                {
                    await NotifyAsync(pending);
                    pending.Clear();
                    pause = s_firstPause;
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
                {
                    LogSendFailed(ex.GetType().Name, pending.Count);
                    pending = [new ChangeNotice(ChangeKind.Everything, 0)];
                    await Task.Delay(pause, _stopping.Token);
                    pause = Longer(pause);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task NotifyAsync(List<ChangeNotice> notices)
    {
        await using NpgsqlConnection connection = await _source.OpenConnectionAsync(_stopping.Token);
        await using var batch = new NpgsqlBatch(connection);
        foreach (ChangeNotice notice in notices)
        {
            var command = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.Add(new NpgsqlParameter("channel", _channel));
            command.Parameters.Add(new NpgsqlParameter("payload", $"{InstanceId} {notice.Kind} {notice.Id.ToString(CultureInfo.InvariantCulture)}"));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(_stopping.Token);
    }

    private async Task ListenAsync()
    {
        TimeSpan pause = s_firstPause;
        bool missed = false;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using NpgsqlConnection connection = await _source.OpenConnectionAsync(_stopping.Token);
                connection.Notification += OnNotification;
                await ExecuteAsync(connection, $"SET application_name = '{ListenerName(_schema).Replace("'", "''", StringComparison.Ordinal)}'");
                await ExecuteAsync(connection, "LISTEN " + PgJourStore.QuoteIdentifier(_channel));
                _listeningOnce.TrySetResult();
                if (missed)
                {
                    // Listening again: what the others sent meanwhile is lost, so every session reloads.
                    LogListeningAgain();
                    Relay(new ChangeNotice(ChangeKind.Everything, 0));
                    missed = false;
                }

                pause = s_firstPause;
                while (!_stopping.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(s_probeEvery, _stopping.Token))
                    {
                        await ExecuteAsync(connection, "SELECT 1");
                    }
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                missed = true;
                LogListenerLost(ex.GetType().Name, pause.TotalMilliseconds);
                try
                {
                    await Task.Delay(pause, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = Longer(pause);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        string[] parts = e.Payload.Split(' ');
        if (parts.Length != 3 || parts[0] == InstanceId
            || !Enum.TryParse(parts[1], out ChangeKind kind) || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
        {
            return;
        }

        Relay(new ChangeNotice(kind, id));
    }

    private void Relay(ChangeNotice notice)
    {
        t_relaying = true;
        try
        {
            _hub.Publish(notice);
        }
        finally
        {
            t_relaying = false;
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(_stopping.Token);
    }

    private static TimeSpan Longer(TimeSpan pause) => pause * 2 < s_longestPause ? pause * 2 : s_longestPause;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change relay: listening connection lost ({Exception}); connecting again in {Milliseconds} ms")]
    private partial void LogListenerLost(string exception, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change relay: listening again; sessions reload everything")]
    private partial void LogListeningAgain();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change relay: sending {Count} notices failed ({Exception}); sending Everything instead")]
    private partial void LogSendFailed(string exception, int count);
}
