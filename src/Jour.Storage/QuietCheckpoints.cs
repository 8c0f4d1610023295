using Microsoft.Extensions.Logging;

namespace Jour.Storage;

/// <summary>
/// Asks about once a second for a checkpoint when writes have paused (<c>JourUseCases.CheckpointWhenQuiet</c>),
/// so no acknowledgement ever waits for one. A failure of the file while the log is copied into it (a full disk:
/// LiteDB closes its engine) calls <c>onFailure</c>, which stops the server so the next session reopens the file;
/// the log, with every committed write, stays.
/// </summary>
/// <param name="checkpointWhenQuiet">Checkpoints when no write came for the time given.</param>
/// <param name="closedBy">What closed the store's engine, if anything (<see cref="LiteJourStore.ClosedBy"/>).</param>
/// <param name="dataDirectory">Named in the failure.</param>
/// <param name="log">Codes only.</param>
public sealed partial class QuietCheckpoints(Action<TimeSpan> checkpointWhenQuiet, Func<Exception?> closedBy, string dataDirectory, ILogger log)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);

    /// <summary>Runs until <paramref name="stopping"/>; what is left then is the store's Dispose to checkpoint.</summary>
    public async Task RunAsync(Action onFailure, CancellationToken stopping)
    {
        using var tick = new PeriodicTimer(s_tick);
        try
        {
            while (await tick.WaitForNextTickAsync(stopping))
            {
                try
                {
                    checkpointWhenQuiet(s_tick);
                }
                catch (Exception ex) when (StorageFailure.Classify(ex, closedBy(), dataDirectory) is { } storage)
                {
                    LogCheckpointFailed(storage.Code);
                    onFailure();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkpoint failed ({Code}); stopping so the next session reopens the file")]
    private partial void LogCheckpointFailed(string code);
}
