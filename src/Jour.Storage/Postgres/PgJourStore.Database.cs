using Jour.Core.Changes;
using Microsoft.Extensions.Logging;

namespace Jour.Storage.Postgres;

// What concerns the database as a whole: demo or not, emptying it, the write-ahead log and the disk.
public sealed partial class PgJourStore
{
    public StoreKind Kind => StoreKind.PostgreSql;

    /// <summary>Nothing to wait for: a method returns after its COMMIT, which synchronous_commit makes durable (flushed to the WAL).</summary>
    public void WaitUntilDurable()
    {
    }

    /// <summary>
    /// Null: no failure closes a PostgreSQL store for good. A lost connection fails the call it happened in (nothing
    /// stored, the session told), and the pool connects again for the next; the server need not stop and reopen.
    /// </summary>
    public Exception? ClosedBy() => null;

    /// <summary>LISTEN/NOTIFY between the servers on this schema (<see cref="PgChangeRelay"/>).</summary>
    public IDisposable? RelayChanges(ChangeHub hub, ILogger log) => PgChangeRelay.Start(_source, Schema, hub, log);

    /// <summary>When this database was created (or last reset).</summary>
    public DateTime CreatedUtc => Read("SELECT created_utc FROM meta WHERE id = 'meta'", r => PgTime.Utc(r.GetDateTime(0))).FirstOrDefault();

    /// <summary>Whether this database holds demo data.</summary>
    public bool IsDemo => Read("SELECT is_demo FROM meta WHERE id = 'meta'", r => r.GetBoolean(0)).FirstOrDefault();

    /// <summary>
    /// Always false: the database's disk is the PostgreSQL server's, on another machine as often as not, and SQL
    /// offers no look at its free space to an ordinary role. A full disk there fails the commit (disk_full), which
    /// the session reports as a failed save with nothing stored; watching that disk is the database operator's.
    /// </summary>
    public bool DiskIsLow => false;

    /// <summary>
    /// Nothing to do: a commit is durable in PostgreSQL's WAL when it returns, and PostgreSQL checkpoints on its own
    /// (checkpoint_timeout, max_wal_size); CHECKPOINT by hand needs a superuser and would only add I/O.
    /// </summary>
    public void Checkpoint()
    {
    }

    /// <summary>
    /// Every table of the schema emptied and its ids restarted, the counters with them, and the meta row made new, in
    /// one transaction: another server sees the database before or after, never half emptied. The migrations'
    /// record stays (the schema is still there).
    /// </summary>
    public void Reset(bool isDemo) => InTransaction(w =>
    {
        List<string> tables = w.Read(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'meta') ORDER BY 1",
            r => r.GetString(0));
        w.Execute($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY");
        w.Execute("DELETE FROM meta");
        w.Execute("INSERT INTO meta (id, is_demo, created_utc) VALUES ('meta', @demo, now())", ("demo", isDemo));
    });
}
