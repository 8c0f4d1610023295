using Jour.Core.AccessLog;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
using Jour.Core.Generation;
using Jour.Core.Handover;
using Jour.Core.Hygiene;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Providers;
using Jour.Core.Retention;
using Jour.Core.Roster;
using Jour.Core.ShortTermCare;
using Jour.Core.Staff;
using Jour.Core.Users;
using Jour.Core.UseCases;
using Jour.Core.Common;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>
/// Core's ports on a PostgreSQL database, which several Jour servers may share. Every write is one transaction,
/// committed (synchronous_commit on) before the method returns; optimistic concurrency is the UPDATE's own WHERE
/// clause, so two servers saving the same revision cannot both win. Nothing is kept between calls: another
/// server's write is seen by the next read.
/// </summary>
public sealed partial class PgJourStore : IServedStore, IBulkStore
{
    private readonly NpgsqlDataSource _source;
    private readonly string _connectionString;

    private PgJourStore(NpgsqlDataSource source, string connectionString, string schema, string? dataDirectory, bool created)
    {
        _source = source;
        Schema = schema;
        _connectionString = connectionString;
        DataDirectory = dataDirectory;
        WasCreated = created;
    }

    /// <summary>The schema Jour's tables are in (the first of the connection's search path).</summary>
    public string Schema { get; }

    /// <summary>The data directory bound to this database (backups are kept out of it); null in tests without one.</summary>
    public string? DataDirectory { get; }

    /// <summary>Whether this open found the schema empty and created it (a new database: the demo or the set-up code follows).</summary>
    public bool WasCreated { get; }

    /// <summary>
    /// Opens the database at <paramref name="connectionString"/> and migrates its schema (the first schema of the
    /// search path) to this build's version; refuses a database migrated by a newer build, a server on which an
    /// acknowledged commit might not be durable, and (when <paramref name="createdUtc"/> says the data directory has
    /// had a database there) an empty schema: a new empty database would hide the loss.
    /// </summary>
    public static PgJourStore Open(string connectionString, string? dataDirectory = null, DateTime? createdUtc = null)
    {
        NpgsqlDataSource source = SourceOf(connectionString, out NpgsqlConnectionStringBuilder settings);
        try
        {
            bool created;
            string schema;
            using (NpgsqlConnection connection = source.OpenConnection())
            {
                RefuseUndurable(connection, settings);
                created = PgMigrations.Apply(connection, mayCreate: createdUtc is null, () => new JourException(
                    ErrorCodes.StoragePgEmpty, Describe(settings), createdUtc is { } at ? SwedishTime.FormatLocal(at) : ""));
                using var current = new NpgsqlCommand("SELECT current_schema()", connection);
                schema = (string)current.ExecuteScalar()!;
            }

            return new PgJourStore(source, connectionString, schema, dataDirectory, created);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// fsync off lets the server acknowledge a commit that a power failure loses; synchronous_commit is set on by
    /// every connection's options, so off here means something between (a pooler dropping startup options) ignored it.
    /// </summary>
    private static void RefuseUndurable(NpgsqlConnection connection, NpgsqlConnectionStringBuilder settings)
    {
        foreach (string setting in (string[])["fsync", "synchronous_commit"])
        {
            using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            string value = Convert.ToString(command.ExecuteScalar(), SwedishCulture.Instance) ?? "";
            if (value is "off")
            {
                throw new JourException(ErrorCodes.StoragePgNotDurable, Describe(settings), setting, value);
            }
        }
    }

    private static NpgsqlDataSource SourceOf(string connectionString, out NpgsqlConnectionStringBuilder settings)
    {
        settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // An acknowledgement must mean the commit is on disk, whatever the server's default says.
            Options = JoinOptions(new NpgsqlConnectionStringBuilder(connectionString).Options, "-c synchronous_commit=on"),
        };
        settings.ApplicationName ??= ApplicationNameOf(settings);

        // The slim builder brings only the type handlers asked for: the full one pulls in reflection-based JSON
        // and trims badly under Native AOT. Documents travel as text and are cast to jsonb in SQL.
        return NewSource(settings.ConnectionString);
    }

    /// <summary>
    /// The name Jour's connections to a binding carry unless the connection string gives one: the schema in it tells
    /// the servers of one binding from those of another schema in the same database (a restore counts them).
    /// </summary>
    public static string ApplicationNameOf(NpgsqlConnectionStringBuilder settings) =>
        settings.ApplicationName is { Length: > 0 } given ? given : $"jour {SchemaOf(settings)}";

    /// <summary>The schema a connection string's store lives in: the first of its search path, else public.</summary>
    public static string SchemaOf(NpgsqlConnectionStringBuilder settings) =>
        settings.SearchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('"') ?? "public";

    private static string JoinOptions(string? given, string ours) => string.IsNullOrWhiteSpace(given) ? ours : given + " " + ours;

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestSchemaVersion => PgMigrations.Latest;

    /// <summary>The schema version the database is at.</summary>
    public int SchemaVersion
    {
        get
        {
            using NpgsqlConnection connection = _source.OpenConnection();
            return PgMigrations.CurrentVersion(connection);
        }
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it, unless it returns false (then nothing is stored).</summary>
    private bool InTransaction(Func<Writer, bool> work)
    {
        using NpgsqlConnection connection = _source.OpenConnection();
        using NpgsqlTransaction tx = connection.BeginTransaction();
        if (!work(new Writer(connection, tx)))
        {
            tx.Rollback();
            return false;
        }

        tx.Commit();
        return true;
    }

    private void InTransaction(Action<Writer> work) => InTransaction(w =>
    {
        work(w);
        return true;
    });

    /// <summary>Inserts or replaces a row whose key is not an identity (settings, a draft, a handled reply).</summary>
    private void Upsert<T>(PgTable<T> table, T item) => InTransaction(w => w.Execute(table.Upsert, table.Row(item)));

    /// <summary>Replaces a row with its key, whatever its revision.</summary>
    private void Update<T>(PgTable<T> table, T item) => InTransaction(w => w.Execute(table.Update, table.Row(item)));

    private List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using NpgsqlConnection connection = _source.OpenConnection();
        using NpgsqlCommand command = Writer.Command(connection, null, sql, parameters);
        return Writer.Rows(command, row);
    }

    private T? ReadOne<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
        where T : class => Read(sql, row, parameters).FirstOrDefault();

    private long ReadCount(string sql, params (string Name, object? Value)[] parameters)
    {
        using NpgsqlConnection connection = _source.OpenConnection();
        using NpgsqlCommand command = Writer.Command(connection, null, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), Core.Common.SwedishCulture.Instance);
    }

    /// <summary>The commands of one transaction.</summary>
    private readonly record struct Writer(NpgsqlConnection Connection, NpgsqlTransaction Transaction)
    {
        public int Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using NpgsqlCommand command = Command(Connection, Transaction, sql, parameters);
            return command.ExecuteNonQuery();
        }

        /// <summary>Rows read inside the transaction (with FOR UPDATE: locked until it ends).</summary>
        public List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
        {
            using NpgsqlCommand command = Command(Connection, Transaction, sql, parameters);
            return Rows(command, row);
        }

        public static List<T> Rows<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> row)
        {
            using NpgsqlDataReader reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(row(reader));
            }

            return rows;
        }

        public long Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using NpgsqlCommand command = Command(Connection, Transaction, sql, parameters);
            return Convert.ToInt64(command.ExecuteScalar(), Core.Common.SwedishCulture.Instance);
        }

        /// <summary>
        /// The id for a new row of <paramref name="table"/>: its own when the caller gave one (imports and generated
        /// data do; the identity is then moved past it so no later row takes it), else the next of the identity.
        /// </summary>
        public long NewId(string table, long given)
        {
            string sequence = $"'{table}_id_seq'";
            if (given == 0)
            {
                return Scalar($"SELECT nextval({sequence})");
            }

            Scalar($"SELECT setval({sequence}, greatest(@id, (SELECT last_value FROM {table}_id_seq)))", ("id", given));
            return given;
        }

        /// <summary>Inserts a new row of <paramref name="table"/>; an identity table's id is assigned first (<see cref="NewId"/>).</summary>
        public void Insert<T>(PgTable<T> table, T item)
        {
            if (table.SetId is { } setId)
            {
                setId(item, NewId(table.Name, table.IdOf(item)));
            }

            Execute(table.Insert, table.Row(item));
        }

        /// <summary>Replaces a row only while its stored revision is still <paramref name="expected"/>; returns the rows changed (0 or 1).</summary>
        public int UpdateAtRevision<T>(PgTable<T> table, T item, int expected) =>
            Execute(table.UpdateAtRevision, [.. table.Row(item), ("expected", expected)]);

        /// <summary>
        /// Inserts new rows of <paramref name="table"/> with one COPY, their ids assigned first as <see cref="Insert"/>
        /// assigns them one by one, in a round trip per run of new or given ids.
        /// </summary>
        public void InsertAll<T>(PgTable<T> table, IReadOnlyList<T> items)
        {
            Action<T, long> setId = table.SetId ?? throw new InvalidOperationException($"{table.Name} has no identity");
            for (int start = 0, end; start < items.Count; start = end)
            {
                bool given = table.IdOf(items[start]) != 0;
                end = start + 1;
                while (end < items.Count && table.IdOf(items[end]) != 0 == given)
                {
                    end++;
                }

                if (given)
                {
                    NewId(table.Name, items.Skip(start).Take(end - start).Max(table.IdOf));
                    continue;
                }

                List<long> ids = Read($"SELECT nextval('{table.Name}_id_seq') AS id FROM generate_series(1, @n) ORDER BY id", r => r.GetInt64(0), ("n", end - start));
                for (int i = start; i < end; i++)
                {
                    setId(items[i], ids[i - start]);
                }
            }

            CopyRows(Connection, table, items);
        }

        public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, (string Name, object? Value)[] parameters)
        {
            var command = new NpgsqlCommand(sql, connection, tx);
            foreach ((string name, object? value) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value switch
                {
                    null => DBNull.Value,
                    DateTime time => PgTime.Utc(time),
                    _ => value,
                }));
            }

            return command;
        }
    }
}
