using LiteDB;
using LiteDB.Engine;

namespace Jour.Storage;

/// <summary>
/// LiteDB's engine as the store uses it, telling after every commit (and every rollback) which collections
/// the transaction wrote, and after every write made outside a transaction (which LiteDB commits itself)
/// which collection it wrote. Every write of the store, whichever method makes it and however (typed or raw
/// collections, SQL, a migration, a reset), passes through here: the store's kept reads are invalidated in
/// this one place, and a new write method cannot forget it.
/// </summary>
/// <remarks>
/// LiteDB 5 binds a transaction to its thread, so what a transaction wrote is gathered per thread. Only
/// after <see cref="Commit"/> returns can another thread see the writes: a read that began before then and
/// is kept would be older than the commit (see <see cref="ReadCache{T}"/>).
/// </remarks>
internal sealed class CommitNotifyingEngine(ILiteEngine inner) : ILiteEngine
{
    /// <summary>Stands for every collection: a rebuild writes them all.</summary>
    public const string Everything = "*";

    private readonly ThreadLocal<HashSet<string>?> _written = new();

    /// <summary>Raised once a transaction has ended (committed or not) with the collections it wrote.</summary>
    public event Action<IReadOnlyCollection<string>>? Committed;

    /// <summary>Whether this thread is inside a transaction: what it reads may include its own writes, not yet committed.</summary>
    public bool InTransaction => _written.Value is not null;

    public bool BeginTrans()
    {
        bool began = inner.BeginTrans();
        if (began)
        {
            _written.Value = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        return began;
    }

    public bool Commit()
    {
        try
        {
            return inner.Commit();
        }
        finally
        {
            Ended();
        }
    }

    public bool Rollback()
    {
        try
        {
            return inner.Rollback();
        }
        finally
        {
            Ended();
        }
    }

    public IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(collection, () => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) =>
        Write(collection, () => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        Write(collection, () => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(collection, () => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) =>
        Write(collection, () => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) =>
        Write(collection, () => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(name, () => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) =>
        Write(name, () => Write(newName, () => inner.RenameCollection(name, newName)));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        Write(collection, () => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(collection, () => inner.DropIndex(collection, name));

    public long Rebuild(RebuildOptions options) => Write(Everything, () => inner.Rebuild(options));

    public int Checkpoint() => inner.Checkpoint();

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);

    public void Dispose()
    {
        inner.Dispose();
        _written.Dispose();
    }

    private T Write<T>(string collection, Func<T> write)
    {
        if (_written.Value is { } pending)
        {
            // Told when the transaction ends, committed or not.
            pending.Add(collection);
            return write();
        }

        try
        {
            return write();
        }
        finally
        {
            // LiteDB committed (or, failing, rolled back) a transaction of its own around this one write.
            Committed?.Invoke([collection]);
        }
    }

    private void Ended()
    {
        HashSet<string>? written = _written.Value;
        _written.Value = null;
        if (written is { Count: > 0 })
        {
            Committed?.Invoke(written);
        }
    }
}
