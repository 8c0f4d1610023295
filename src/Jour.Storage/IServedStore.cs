using Jour.Core.Changes;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Microsoft.Extensions.Logging;

namespace Jour.Storage;

/// <summary>Which kind of database a data directory is bound to.</summary>
public enum StoreKind
{
    /// <summary>The encrypted LiteDB file in the data directory, owned by one server.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database, which several servers may share.</summary>
    PostgreSql,
}

/// <summary>
/// The store a server serves, whichever kind: the ports, backup and check, and what the server asks of the database
/// beyond them — whether what it is about to acknowledge is durable, and whether a failure has closed it.
/// </summary>
public interface IServedStore : IJourStore, IMaintenanceStore, IDisposable
{
    StoreKind Kind { get; }

    /// <summary>The schema version the opened database is at (logged at start).</summary>
    int SchemaVersion { get; }

    /// <summary>Returns once every commit so far is on stable storage; the server acknowledges a write only after it.</summary>
    void WaitUntilDurable();

    /// <summary>The failure that has closed the database for this process (the server then stops), or null while it works.</summary>
    Exception? ClosedBy();

    /// <summary>
    /// Tells the other servers sharing this database of what <paramref name="hub"/> publishes, and publishes theirs on
    /// it, until disposed; null where no other server can share the database (LiteDB: one server owns the file).
    /// </summary>
    IDisposable? RelayChanges(ChangeHub hub, ILogger log);
}
