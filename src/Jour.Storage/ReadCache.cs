namespace Jour.Storage;

/// <summary>
/// One read kept between calls until the data under it changes: every session's board, and every refresh
/// after every change, asks for the same open cases and client names, which cost the server 15–35 ms
/// at 100,000 cases. What is kept is shared by every reader, so <typeparamref name="T"/> is immutable, or
/// hands out only copies. The store's engine tells the cache when a commit wrote its collection
/// (<see cref="CommitNotifyingEngine"/>), which moves the version on; a read keeps what it found only when no
/// commit moved it meanwhile, so what is kept is never older than the last commit. Inside a transaction a
/// read may see that transaction's own writes, which no other reader may: it is read afresh, never kept.
/// </summary>
internal sealed class ReadCache<T>(string collection, Func<T> load, Func<bool> inTransaction)
    where T : class
{
    private long _version;
    private Entry? _kept;

    public T Get()
    {
        if (inTransaction())
        {
            return load();
        }

        long version = Interlocked.Read(ref _version);
        Entry? kept = Volatile.Read(ref _kept);
        if (kept is not null && kept.Version == version)
        {
            return kept.Value;
        }

        T value = load();
        if (Interlocked.Read(ref _version) == version)
        {
            Volatile.Write(ref _kept, new Entry(version, value));
        }

        return value;
    }

    /// <summary>Called once a transaction that wrote <paramref name="collections"/> has ended (committed or not).</summary>
    public void Written(IReadOnlyCollection<string> collections)
    {
        foreach (string written in collections)
        {
            if (written == CommitNotifyingEngine.Everything || string.Equals(written, collection, StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _version);
                return;
            }
        }
    }

    private sealed record Entry(long Version, T Value);
}
