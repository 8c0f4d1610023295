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
