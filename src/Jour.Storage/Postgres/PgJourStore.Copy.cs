using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Jour.Core.AccessLog;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
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
using LiteDB;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>One table copied from a LiteDB collection of the same name: the rows written, and a digest of their documents.</summary>
public sealed record CopiedTable(string Name, long Rows, ulong Digest);

// Copying a LiteDB database in (jour store migrate): every collection into the table of the same name with COPY, in one
// transaction, each row through the same column values as a single insert (the parameter functions beside each
// insert), ids, revisions and case numbers as they were. The follow-up's fact blocks are not copied: here the facts are
// queries over cases and deployments.
public sealed partial class PgJourStore
{
    private static readonly CopySpec[] s_copied =
    [
        Documents("cases", CaseColumns, PgDocuments.Case, CaseParameters),
        Documents("case_events", "id, case_id, at_utc, doc", PgDocuments.CaseEvent, EventParameters),
        Documents("clients", "id, name, personal_identity_number, revision, doc", PgDocuments.Client, ClientParameters),
        Documents("providers", "id, revision, doc", PgDocuments.Provider, p => RevisedParameters(p.Id, p.Revision, PgDocuments.Write(p, PgDocuments.Provider))),
        Documents("staff", "id, revision, doc", PgDocuments.Staff, s => RevisedParameters(s.Id, s.Revision, PgDocuments.Write(s, PgDocuments.Staff))),
        Plain<PoolSettings>("pool_settings", PgDocuments.PoolSettings, s => s.Id),
        Plain<User>("users", PgDocuments.User, u => u.Id),
        Documents("sign_in_throttles", "user_id, doc", PgDocuments.SignInThrottle, t => [("id", t.Id), ("doc", PgDocuments.Write(t, PgDocuments.SignInThrottle))]),
        Documents("drafts", "id, user_id, saved_utc, doc", PgDocuments.Draft, DraftParameters),
        Plain<Rotation>("rotations", PgDocuments.Rotation, r => r.Id),
        Documents("oncall_overrides", "id, from_utc, to_utc, doc", PgDocuments.Override, OverrideParameters),
        Plain<HandoverRecord>("handovers", PgDocuments.Handover, h => h.Id),
        Documents("journal", "id, client_id, series, doc", PgDocuments.JournalEntry, JournalParameters),
        Documents("access_log", "id, at_utc, client_id, doc", PgDocuments.AccessLogEntry, AccessParameters),
        Plain<HygieneCheck>("hygiene_checks", PgDocuments.HygieneCheck, h => h.Id),
        Documents("deployments", "id, case_id, from_utc, to_utc, report_start_utc, doc", PgDocuments.Deployment, DeploymentParameters),
        Documents("short_term_units", "id, revision, doc", PgDocuments.ShortTermUnit, u => RevisedParameters(u.Id, u.Revision, PgDocuments.Write(u, PgDocuments.ShortTermUnit))),
        Plain<ShortTermBooking>("short_term_bookings", PgDocuments.ShortTermBooking, b => b.Id),
        Documents("incidents", "id, open_measures_due_on, revision, doc", PgDocuments.Incident, IncidentParameters),
        Documents("complaints", "id, revision, doc", PgDocuments.Complaint, c => RevisedParameters(c.Id, c.Revision, PgDocuments.Write(c, PgDocuments.Complaint))),
        Documents("ivo_investigations", "id, revision, doc", PgDocuments.IvoInvestigation, i => RevisedParameters(i.Id, i.Revision, PgDocuments.Write(i, PgDocuments.IvoInvestigation))),
        Plain<Contract>("contracts", PgDocuments.Contract, c => c.Id),
        Documents("paid_hours", "id, month, doc", PgDocuments.PaidHours, PaidHoursParameters),
        Documents("callouts", "id, case_id, created_utc, doc", PgDocuments.CallOut, CallOutParameters),
        Plain<SmsSettings>("sms_settings", PgDocuments.SmsSettings, s => s.Id),
        Plain<SmsInboxEntry>("sms_inbox", PgDocuments.SmsInboxEntry, e => e.Id),
        Documents("sms_notices", "id, created_utc, doc", PgDocuments.SmsNotice, NoticeParameters),
        Plain<FollowUpSettings>("settings", PgDocuments.FollowUpSettings, s => s.Id),
        Plain<RetentionSettings>("retention_settings", PgDocuments.RetentionSettings, s => s.Id),
        Plain<Thinning>("thinnings", PgDocuments.Thinning, t => t.Id),
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

    private static DocumentSpec<T> Documents<T>(string name, string columns, JsonTypeInfo<T> info, Func<T, (string Name, object? Value)[]> row) =>
        new(name, columns, info, row);

    private static DocumentSpec<T> Plain<T>(string name, JsonTypeInfo<T> info, Func<T, object> id) =>
        new(name, "id, doc", info, item => [("id", id(item)), ("doc", PgDocuments.Write(item, info))]);

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

        protected static void WriteRow(TextWriter copy, IEnumerable<object?> values)
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
    }

    /// <summary>A collection of documents: each row's values come from the function its single insert uses.</summary>
    private sealed class DocumentSpec<T>(string name, string columns, JsonTypeInfo<T> info, Func<T, (string Name, object? Value)[]> row) : CopySpec(name)
    {
        public override CopiedTable Copy(LiteDatabase from, NpgsqlConnection to)
        {
            long rows = 0;
            ulong digest = 0;
            using (TextWriter copy = to.BeginTextImport($"COPY {Name} ({columns}) FROM STDIN"))
            {
                foreach (T item in from.GetCollection<T>(Name).FindAll())
                {
                    (string Name, object? Value)[] values = row(item);
                    WriteRow(copy, values.Select(v => v.Value));
                    digest += Digest((string)values.Single(v => v.Name == "doc").Value!);
                    rows++;
                }
            }

            return new CopiedTable(Name, rows, digest);
        }

        public override ulong StoredDigest(NpgsqlConnection connection)
        {
            ulong digest = 0;
            using var command = new NpgsqlCommand($"SELECT doc::text FROM {Name}", connection);
            using NpgsqlDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                digest += Digest(PgDocuments.Write(PgDocuments.Read(reader.GetString(0), info), info));
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
