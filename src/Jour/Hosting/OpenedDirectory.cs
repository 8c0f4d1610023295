using Jour.Configuration;
using Jour.Core.Changes;
using Jour.Core.UseCases;
using Jour.Sms;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Hosting;

/// <summary>
/// What a server serves: the store its data directory is bound to (its LiteDB file in direct mode, or a
/// PostgreSQL database other servers may share), the use cases composed on it, and what runs beside the
/// sessions — checkpoints when quiet, SMS replies, other servers' changes. The socket is the server's.
/// </summary>
internal sealed class OpenedDirectory : IDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly string _dataDirectory;
    private readonly Elks46Gateway _sms;
    private readonly IDisposable? _relay;

    private OpenedDirectory(OpenedStore opened, Elks46Gateway sms, string dataDirectory, ILoggerFactory loggers)
    {
        Store = opened.Store;
        UseCases = opened.UseCases;
        SetUpCode = opened.SetUpCode;
        _sms = sms;
        _dataDirectory = dataDirectory;
        _loggers = loggers;

        // Other servers on the same database hear of this one's changes, and its sessions of theirs (PostgreSQL).
        _relay = Store.RelayChanges(UseCases.Hub, loggers.CreateLogger("Jour.Storage.Postgres.PgChangeRelay"));
    }

    public IServedStore Store { get; }

    public JourUseCases UseCases { get; }

    /// <summary>The set-up code when the store was just created and needs its first admin; else null.</summary>
    public string? SetUpCode { get; }

    /// <summary>Opens the store (creating a demo or a real database on the first start); throws <see cref="Core.Common.JourException"/> when it cannot.</summary>
    public static OpenedDirectory Open(JourPaths paths, JourConfig config, ILoggerFactory loggers)
    {
        var reserve = new DiskReserve(paths.DataDirectory, (long)(config.DiskReserveMegabytes * 1024 * 1024), (long)(config.DiskWarnMegabytes * 1024 * 1024));
        var sms = new Elks46Gateway();
        OpenedStore? opened = null;
        try
        {
            opened = StoreOpener.Open(
                new StoreBinding(paths.DataDirectory, paths.Database, config.DatabaseCreatedUtc, config.Demo, reserve, PostgresBinding.ConnectionOf(paths, config)),
                loggers.CreateLogger(typeof(StoreOpener)),
                createdUtc =>
                {
                    config.DatabaseCreatedUtc = createdUtc;
                    config.Save(paths);
                },
                store => new JourUseCases(store, TimeProvider.System, new WriteGate(TimeProvider.System, new ChangeHub()), loggers.CreateLogger<JourUseCases>()) { Sms = sms });
            return new OpenedDirectory(opened, sms, paths.DataDirectory, loggers);
        }
        catch
        {
            // A store opened but not served (the relay failed to start) is let go, as the server would on its way out.
            opened?.Store.Dispose();
            sms.Dispose();
            throw;
        }
    }

    /// <summary>Checkpoints when quiet and SMS polling, until <paramref name="stopping"/>; <paramref name="stop"/> when the file fails.</summary>
    public Task RunBesideSessionsAsync(Action stop, CancellationToken stopping) => Task.WhenAll(
        new QuietCheckpoints(quiet => UseCases.CheckpointWhenQuiet(quiet), Store.ClosedBy, _dataDirectory, _loggers.CreateLogger<QuietCheckpoints>()).RunAsync(stop, stopping),
        new SmsPoller(() => UseCases.SmsPollInterval, UseCases.PollSmsAsync, _loggers.CreateLogger<SmsPoller>()).RunAsync(stopping));

    public void Dispose()
    {
        _relay?.Dispose();
        Store.Dispose();
        _sms.Dispose();
    }
}
