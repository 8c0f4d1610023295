using System.Text.Json;
using Jour.Storage.Postgres;
using Jour.Storage.Tests.Postgres;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>Opens empty stores of one kind for a contract suite, and closes them after the test.</summary>
public interface IStores<TStore> : IDisposable
{
    /// <summary>A new, empty store.</summary>
    TStore Open();

    /// <summary>
    /// The same database as another server would open it. LiteDB has one owner per file, whose sessions are
    /// threads: the same store. PostgreSQL: a second store with its own connections.
    /// </summary>
    TStore OpenAgain(TStore first);

    /// <summary>
    /// The lock a server holds around every write (the use cases' WriteGate) when the store needs one to keep a
    /// revision check and its save together; null when the database itself does (PostgreSQL: in the UPDATE).
    /// </summary>
    Lock? OneWriterAtATime { get; }
}

public sealed class LiteStores : IStores<LiteJourStore>
{
    private readonly List<LiteJourStore> _opened = [];

    public LiteJourStore Open()
    {
        LiteJourStore store = LiteJourStore.InMemory();
        _opened.Add(store);
        return store;
    }

    public LiteJourStore OpenAgain(LiteJourStore first) => first;

    // LiteDB's transactions read a snapshot: two writers at once can both find the revision they expect. One
    // server owns the file and its WriteGate lets one writer through at a time.
    public Lock? OneWriterAtATime { get; } = new();

    public void Dispose() => _opened.ForEach(s => s.Dispose());
}

public sealed class PgStores(PostgresCluster cluster) : IStores<PgJourStore>
{
    private readonly List<PgJourStore> _opened = [];
    private readonly Dictionary<PgJourStore, string> _connections = [];

    public PgJourStore Open()
    {
        string connection = cluster.NewSchema();
        PgJourStore store = PgJourStore.Open(connection);
        _opened.Add(store);
        _connections[store] = connection;
        return store;
    }

    public PgJourStore OpenAgain(PgJourStore first)
    {
        PgJourStore again = PgJourStore.Open(_connections[first]);
        _opened.Add(again);
        return again;
    }

    public Lock? OneWriterAtATime => null;

    public void Dispose() => _opened.ForEach(s => s.Dispose());
}

/// <summary>What every contract suite shares: its stores, closed after each test, and how to compare documents.</summary>
public abstract class StoreContract<TStore>(IStores<TStore> stores) : IDisposable
{
    private static readonly JsonSerializerOptions s_compare = new() { WriteIndented = false };

    protected IStores<TStore> Stores => stores;

    /// <summary>A whole second, UTC: both stores keep it exactly (LiteDB keeps milliseconds, PostgreSQL microseconds).</summary>
    protected static DateTime At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Everything public about a stored object, as one string: two equal ones read back alike.</summary>
    protected static string Whole<T>(T value) => JsonSerializer.Serialize(value, s_compare);

    /// <summary>
    /// Runs <paramref name="writers"/> at the same moment on threads of their own, each as its server would (under
    /// the write lock where the store needs one), and returns what each said.
    /// </summary>
    protected static bool[] AtOnce(IStores<TStore> stores, params Func<bool>[] writers)
    {
        using var start = new Barrier(writers.Length);
        Task<bool>[] running = [.. writers.Select(w => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            if (stores.OneWriterAtATime is not { } gate)
            {
                return w();
            }

            lock (gate)
            {
                return w();
            }
        }, TaskCreationOptions.LongRunning))];
        Task.WaitAll(running);
        return [.. running.Select(t => t.Result)];
    }

    public void Dispose()
    {
        stores.Dispose();
        GC.SuppressFinalize(this);
    }
}
