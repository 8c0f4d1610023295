using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jour.Storage;

/// <summary>
/// Where a data directory's store is and what its settings say about it. <paramref name="CreatedUtc"/> is when the
/// settings recorded that its database was created (null before the first start); <paramref name="Demo"/> whether a
/// first start creates the demo rather than asking for the first admin; <paramref name="PostgresConnection"/> the
/// PostgreSQL database the directory is bound to (the full connection string), null for the LiteDB file in it.
/// </summary>
public sealed record StoreBinding(string DataDirectory, string Database, DateTime? CreatedUtc, bool Demo, DiskReserve? Reserve, string? PostgresConnection = null);

/// <summary>The store the server serves, the use cases over it, and the set-up code when it was just created without the demo.</summary>
public sealed record OpenedStore(IServedStore Store, JourUseCases UseCases, string? SetUpCode);

/// <summary>
/// The one place that opens the store a data directory is bound to — the encrypted LiteDB file in it, or the
/// PostgreSQL database its settings name — and gives a new one its first content, the same for both: the demo, or a
/// set-up code for the first admin. A database the settings say was created and that is gone (a missing file, an
/// empty schema) is refused, never silently created again.
/// </summary>
public static partial class StoreOpener
{
    /// <param name="binding">The data directory's store.</param>
    /// <param name="log">Ids and events only.</param>
    /// <param name="recordCreated">Records in the data directory's settings when a new database was created.</param>
    /// <param name="useCasesOver">The use cases the server runs over the opened store.</param>
    /// <exception cref="JourException">The database is missing where one was created, damaged, or its key is wrong.</exception>
    public static OpenedStore Open(StoreBinding binding, ILogger log, Action<DateTime> recordCreated, Func<IJourStore, JourUseCases> useCasesOver)
    {
        (IServedStore store, bool fresh) = binding.PostgresConnection is { } connection ? OpenPostgres(binding, connection, log, recordCreated) : OpenLite(binding, log);
        try
        {
            return FirstStart(store, fresh, binding, log, recordCreated, useCasesOver);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static (IServedStore Store, bool Fresh) OpenLite(StoreBinding binding, ILogger log)
    {
        bool fresh = !LiteJourStore.FileIsThere(binding.Database);
        if (fresh && binding.CreatedUtc is { } created)
        {
            // The file is gone from a directory that had one: a new empty database here would hide the loss
            // and hand the first-admin set-up to whoever asks first.
            LogDatabaseMissing(log);
            throw new JourException(ErrorCodes.StorageMissing, binding.Database, SwedishTime.FormatLocal(created));
        }

        string key = DatabaseKey.Resolve(binding.DataDirectory, binding.Database);
        return (LiteJourStore.OpenFile(binding.Database, key, mayCreate: fresh, binding.Reserve), fresh);
    }

    // Migrated on opening; an empty schema is created only when the settings record no database yet (PgJourStore
    // decides that under its migration lock, so two servers starting together create it once).
    private static (IServedStore Store, bool Fresh) OpenPostgres(StoreBinding binding, string connection, ILogger log, Action<DateTime> recordCreated)
    {
        try
        {
            PgJourStore store = PgJourStore.Open(connection, binding.DataDirectory, binding.CreatedUtc);
            if (!store.WasCreated && binding.CreatedUtc is null)
            {
                // A second server's directory, bound to a database another created: from now on an empty schema
                // there is a loss to refuse, as for the directory that created it.
                try
                {
                    recordCreated(store.CreatedUtc);
                }
                catch
                {
                    store.Dispose();
                    throw;
                }

                LogBoundToExisting(log);
            }

            return (store, store.WasCreated);
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.StoragePgEmpty)
        {
            LogPgDatabaseEmpty(log);
            throw;
        }
        catch (NpgsqlException ex)
        {
            // The server is down, unreachable or refuses the role: its own words (they name no stored value, and
            // the password is never in them), without a stack.
            LogPgUnreachable(log, ex.GetType().Name, (ex as PostgresException)?.SqlState ?? "");
            throw new JourException(ErrorCodes.StoragePgUnreachable, PgJourStore.Describe(connection), ex.Message);
        }
    }

    private static OpenedStore FirstStart(IServedStore store, bool fresh, StoreBinding binding, ILogger log, Action<DateTime> recordCreated, Func<IJourStore, JourUseCases> useCasesOver)
    {
        if (fresh)
        {
            recordCreated(DateTime.UtcNow);
            LogDatabaseCreated(log);
        }

        if (fresh && binding.Demo)
        {
            DemoData.Seed(store, TimeProvider.System);
            store.WaitUntilDurable();
            LogDemoCreated(log);
        }

        // Opening replays the log; on a full disk that can fail inside LiteDB, which then closes its engine.
        if (store.ClosedBy() is { } failure)
        {
            throw StorageFailure.Classify(failure, failure, binding.DataDirectory)!;
        }

        JourUseCases useCases = useCasesOver(store);
        if (!fresh || binding.Demo)
        {
            return new OpenedStore(store, useCases, null);
        }

        // Only the one who created the database gets this; it is on disk, hashed, before anyone can connect.
        string code = useCases.IssueSetUpCode();
        store.WaitUntilDurable();
        return new OpenedStore(store, useCases, code);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database created; recorded in jour.json")]
    private static partial void LogDatabaseCreated(ILogger log);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database file is missing from a data directory that has had one; refusing to create a new one")]
    private static partial void LogDatabaseMissing(ILogger log);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bound to an existing PostgreSQL database; its creation recorded in jour.json")]
    private static partial void LogBoundToExisting(ILogger log);

    [LoggerMessage(Level = LogLevel.Error, Message = "The PostgreSQL schema is empty but this data directory has had a database there; refusing to create a new one")]
    private static partial void LogPgDatabaseEmpty(ILogger log);

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL could not be reached or refused the connection ({Exception} {SqlState})")]
    private static partial void LogPgUnreachable(ILogger log, string exception, string sqlState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo database created")]
    private static partial void LogDemoCreated(ILogger log);
}
