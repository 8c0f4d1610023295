using Jour.Core.Changes;

namespace Jour.Core.UseCases;

/// <summary>
/// The use cases' one writer at a time, so that a revision check and its save cannot interleave with another
/// session's, and the bookkeeping of what went through it: the sessions are told of a change through the
/// change hub, and committed writes are counted so the store is checkpointed when they pause.
/// </summary>
public sealed class WriteGate(TimeProvider time, ChangeHub hub)
{
    private long _lastWriteTicks;
    private int _writesSinceCheckpoint;

    /// <summary>Held around a read-check-save; never around waiting for the disk (the commit barrier does that).</summary>
    public Lock Lock { get; } = new();

    public ChangeHub Hub => hub;

    /// <summary>A committed write the sessions must hear of.</summary>
    public void Published(ChangeNotice notice)
    {
        Wrote();
        hub.Publish(notice);
    }

    /// <summary>Counts a committed write for the checkpoint, without telling the sessions (e.g. an access log entry).</summary>
    public void Wrote()
    {
        Interlocked.Exchange(ref _lastWriteTicks, time.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _writesSinceCheckpoint);
    }

    /// <summary>
    /// Runs <paramref name="checkpoint"/> when no write came for <paramref name="quiet"/>, or when many writes
    /// piled up without a pause; returns whether it did. Called by the server about once a second.
    /// </summary>
    public bool CheckpointWhenQuiet(TimeSpan quiet, Action checkpoint, int maxPendingWrites = 2000)
    {
        int pending = Volatile.Read(ref _writesSinceCheckpoint);
        bool paused = time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastWriteTicks) >= quiet.Ticks;
        if (pending == 0 || (!paused && pending < maxPendingWrites))
        {
            return false;
        }

        lock (Lock)
        {
            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            checkpoint();
        }

        return true;
    }
}
