using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>One table copied from a LiteDB collection of the same name: the rows written, and a digest of their documents.</summary>
public sealed record CopiedTable(string Name, long Rows, ulong Digest);

// Copying a LiteDB database in (jour store migrate): every collection into the table of the same name with COPY, in one
// transaction, each row through the same columns and values as a single insert (the table's one list in PgTables),
// ids, revisions and case numbers as they were. The follow-up's fact blocks are not copied: here the facts are
// queries over cases and deployments.
public sealed partial class PgJourStore
{
    private static readonly CopySpec[] s_copied =
    [
        Documents(PgTables.Cases),
        Documents(PgTables.CaseEvents),
        Documents(PgTables.Clients),
        Documents(PgTables.Providers),
        Documents(PgTables.Staff),
        Documents(PgTables.PoolSettings),
        Documents(PgTables.Users),
        Documents(PgTables.SignInThrottles),
        Documents(PgTables.Drafts),
        Documents(PgTables.Rotations),
        Documents(PgTables.Overrides),
        Documents(PgTables.Handovers),
        Documents(PgTables.Journal),
        Documents(PgTables.AccessLog),
        Documents(PgTables.HygieneChecks),
        Documents(PgTables.Deployments),
        Documents(PgTables.ShortTermUnits),
        Documents(PgTables.ShortTermBookings),
        Documents(PgTables.Incidents),
        Documents(PgTables.Complaints),
        Documents(PgTables.IvoInvestigations),
        Documents(PgTables.Contracts),
        Documents(PgTables.PaidHours),
        Documents(PgTables.CallOuts),
        Documents(PgTables.SmsSettings),
        Documents(PgTables.SmsInbox),
        Documents(PgTables.SmsNotices),
        Documents(PgTables.FollowUpSettings),
        Documents(PgTables.RetentionSettings),
        Documents(PgTables.Thinnings),
        new CounterSpec(),
    ];

    /// <summary>The tables a copy fills, in the order it fills them (a case before its timeline); meta is updated, not counted.</summary>
    public static IReadOnlyList<string> CopiedTables { get; } = [.. s_copied.Select(s => s.Name)];

    /// <summary>Whether any Jour table holds a row (the database's own meta row aside): such a database is never copied into.</summary>
    public bool HoldsData()
    {
        string sql = "SELECT " + string.Join(" OR ", CopiedTables.Select(t => $"EXISTS (SELECT 1 FROM {t})"));
        return Read(sql, r => r.GetBoolean(0)).Single();
    }

    /// <summary>What the schema's tables take on disk, indexes and TOAST included (for generate's report).</summary>
    public long StoredBytes() => Read(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
        r => r.GetInt64(0)).Single();

    /// <summary>Rows in each copied table now.</summary>
    public IReadOnlyDictionary<string, long> CountRows() =>
        CopiedTables.ToDictionary(t => t, t => ReadCount($"SELECT count(*) FROM {t}"));

    /// <summary>
    /// Copies every collection of <paramref name="source"/> into this (empty) database in one transaction: all of it or
    /// nothing. The identities are moved past the highest id copied, and the meta row takes the source's demo flag,
    /// creation time and set-up code. <paramref name="copied"/> hears of each table as it is done.
    /// </summary>
    public IReadOnlyList<CopiedTable> CopyFrom(LiteJourStore source, Action<CopiedTable>? copied = null)
    {
        var tables = new List<CopiedTable>();
        using NpgsqlConnection connection = _source.OpenConnection();
        using NpgsqlTransaction tx = connection.BeginTransaction();
        var w = new Writer(connection, tx);
        foreach (CopySpec spec in s_copied)
        {
            CopiedTable table = spec.Copy(source.Database, connection);
            tables.Add(table);
            copied?.Invoke(table);
        }

        foreach (string table in w.Read(
            "SELECT table_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
            r => r.GetString(0)))
        {
            w.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL");
        }

        MetaDocument meta = source.Database.GetCollection<MetaDocument>("meta").FindById(MetaDocument.SingletonId) ?? new MetaDocument { CreatedUtc = DateTime.UtcNow };
        w.Execute(
            "UPDATE meta SET is_demo = @isDemo, created_utc = @createdUtc, set_up_code_hash = @hash WHERE id = 'meta'",
            ("isDemo", meta.IsDemo), ("createdUtc", meta.CreatedUtc), ("hash", meta.SetUpCodeHash));
        tx.Commit();
        return tables;
    }

    /// <summary>The first and last moment the follow-up can count (receipts, ends, time report starts); nulls when there are no cases.</summary>
    public (DateTime First, DateTime Last)? FollowUpSpan() => Read(
            """
            SELECT least(min(received_utc), (SELECT min(report_start_utc) FROM deployments)),
                   greatest(max(received_utc), max(end_utc), (SELECT max(report_start_utc) FROM deployments))
            FROM cases
            """,
            r => r.IsDBNull(0) ? ((DateTime, DateTime)?)null : (PgTime.Utc(r.GetDateTime(0)), PgTime.Utc(r.GetDateTime(1))))
        .Single();

    /// <summary>Empties every copied table again in one transaction (a copy whose check failed), leaving the schema.</summary>
    public void RemoveCopied() => InTransaction(w => w.Execute($"TRUNCATE {string.Join(", ", CopiedTables)}"));

    /// <summary>
    /// The digest of <paramref name="table"/>'s documents as this build reads them back: each read and written again, so a
    /// document that lost or changed anything on its way in digests differently from what <see cref="CopyFrom"/> sent.
    /// </summary>
    public ulong StoredDigest(string table)
    {
        CopySpec spec = s_copied.Single(s => s.Name == table);
        using NpgsqlConnection connection = _source.OpenConnection();
        return spec.StoredDigest(connection);
    }

    private static DocumentSpec<T> Documents<T>(PgTable<T> table) => new(table);

    /// <summary>
    /// Writes <paramref name="items"/> into <paramref name="table"/> with one COPY, each row's values from the functions
    /// its single insert takes them from; <paramref name="document"/> hears each row's document as written.
    /// </summary>
    private static void CopyRows<T>(NpgsqlConnection connection, PgTable<T> table, IEnumerable<T> items, Action<string>? document = null)
    {
        using TextWriter copy = connection.BeginTextImport(table.CopyIn);
        foreach (T item in items)
        {
            (string Name, object? Value)[] row = table.Row(item);
            WriteRow(copy, row.Select(v => v.Value));
            document?.Invoke((string)row[^1].Value!);
        }
    }

    private static void WriteRow(TextWriter copy, IEnumerable<object?> values)
    {
        bool first = true;
        foreach (object? value in values)
        {
            if (!first)
            {
                copy.Write('\t');
            }

            copy.Write(CopyText(value));
            first = false;
        }

        copy.Write('\n');
    }

    /// <summary>An order-free digest: the sum of each row's first eight SHA-256 bytes.</summary>
    private static ulong Digest(string row) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(row)), 0);

    /// <summary>One value in COPY's text format: \N for null, backslash escapes for what would end a field or row.</summary>
    private static string CopyText(object? value) => value switch
    {
        null or DBNull => "\\N",
        string s => Escape(s),
        bool b => b ? "t" : "f",
        DateTime t => PgTime.Utc(t).ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    private static string Escape(string s) => s.AsSpan().IndexOfAny("\\\t\n\r") < 0
        ? s
        : s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private abstract class CopySpec(string name)
    {
        public string Name { get; } = name;

        public abstract CopiedTable Copy(LiteDatabase from, NpgsqlConnection to);

        public abstract ulong StoredDigest(NpgsqlConnection connection);
    }

    /// <summary>A collection of documents, into the table of the same name.</summary>
    private sealed class DocumentSpec<T>(PgTable<T> table) : CopySpec(table.Name)
    {
        public override CopiedTable Copy(LiteDatabase from, NpgsqlConnection to)
        {
            long rows = 0;
            ulong digest = 0;
            CopyRows(to, table, from.GetCollection<T>(Name).FindAll(), document =>
            {
                digest += Digest(document);
                rows++;
            });
            return new CopiedTable(Name, rows, digest);
        }

        public override ulong StoredDigest(NpgsqlConnection connection)
        {
            ulong digest = 0;
            using var command = new NpgsqlCommand($"SELECT doc::text FROM {Name}", connection);
            using NpgsqlDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                digest += Digest(PgDocuments.Write(PgDocuments.Read(reader.GetString(0), table.Info), table.Info));
            }

            return digest;
        }
    }

    /// <summary>The named sequences (case numbers per year): copied as they stand, so the next case takes the next number.</summary>
    private sealed class CounterSpec() : CopySpec("counters")
    {
        public override CopiedTable Copy(LiteDatabase from, NpgsqlConnection to)
        {
            long rows = 0;
            ulong digest = 0;
            using (TextWriter copy = to.BeginTextImport("COPY counters (id, value) FROM STDIN"))
            {
                foreach (CounterDocument counter in from.GetCollection<CounterDocument>(Name).FindAll())
                {
                    WriteRow(copy, [counter.Id, counter.Value]);
                    digest += Digest(Row(counter.Id, counter.Value));
                    rows++;
                }
            }

            return new CopiedTable(Name, rows, digest);
        }

        public override ulong StoredDigest(NpgsqlConnection connection)
        {
            ulong digest = 0;
            using var command = new NpgsqlCommand("SELECT id, value FROM counters", connection);
            using NpgsqlDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                digest += Digest(Row(reader.GetString(0), reader.GetInt64(1)));
            }

            return digest;
        }

        private static string Row(string id, long value) => id + "=" + value.ToString(CultureInfo.InvariantCulture);
    }
}
