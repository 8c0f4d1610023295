using System.Data;
using System.Diagnostics;
using Jour.Core.Common;
using Jour.Core.Operations;
using Npgsql;

namespace Jour.Storage.Postgres;

// Backup through pg_dump and the check of what can be wrong in a PostgreSQL database (the engine keeps its own
// pages and indexes; what Jour can get wrong is the content).
public sealed partial class PgJourStore : IMaintenanceStore
{
    /// <summary>
    /// pg_dump of Jour's schema (custom format: pg_restore chooses at restore time what to restore and as whom),
    /// taken in a snapshot this store exports, so the case count reported is that of the archive exactly, while
    /// sessions keep writing. Written as LiteDB's backup is (<see cref="BackupOutput"/>: never in the data
    /// directory, never through a link, never over an existing file, FILE.sha256 beside it). The password reaches
    /// pg_dump through its environment (PGPASSWORD), never its command line, which other accounts can read.
    /// </summary>
    public BackupResult BackupTo(string targetPath)
    {
        // Without a data directory there is nothing to keep the backup out of; the server always gives one.
        string dataDirectory = DataDirectory ?? throw new JourException(ErrorCodes.BackupTargetInvalid, targetPath);
        string target = BackupOutput.Validate(targetPath, dataDirectory);
        if (PgBinaries.DirectoryWith("pg_dump") is null)
        {
            // Said before a snapshot is taken or a file made.
            throw new JourException(ErrorCodes.BackupFailed, target, "pg_dump");
        }

        var clock = Stopwatch.StartNew();
        using NpgsqlConnection connection = _source.OpenConnection();
        using NpgsqlTransaction tx = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var w = new Writer(connection, tx);
        string schema = w.Read("SELECT current_schema()", r => r.GetString(0))[0];
        string snapshot = w.Read("SELECT pg_export_snapshot()", r => r.GetString(0))[0];
        long cases = w.Scalar("SELECT count(*) FROM cases");
        string sha = BackupOutput.Write(target, dataDirectory, copy => RunPgDump(schema, snapshot, target, copy));
        tx.Commit();

        BackupOutput.WriteChecksum(target, dataDirectory, sha);
        return new BackupResult(target, new FileInfo(target).Length, sha, cases, clock.Elapsed.TotalSeconds, BackupKind.PgDump);
    }

    private void RunPgDump(string schema, string snapshot, string target, Action<Stream> copy)
    {
        // A double-quoted name is taken literally by pg_dump's pattern matching (no case folding, no wildcards).
        using PgProgram pgDump = PgProgram.Start(
            "pg_dump",
            ["--format=custom", $"--schema={QuoteIdentifier(schema)}", $"--snapshot={snapshot}", "--no-password"],
            LibpqEnvironment(new NpgsqlConnectionStringBuilder(_connectionString), "jour backup"))
            ?? throw new JourException(ErrorCodes.BackupFailed, target, "pg_dump");
        try
        {
            copy(pgDump.Output.BaseStream);
        }
        catch
        {
            // The target could not take it (a full disk): pg_dump is not left blocked on a pipe nobody reads.
            pgDump.Kill();
            throw;
        }

        if (pgDump.Failure() is { } reason)
        {
            throw new JourException(ErrorCodes.BackupFailed, target, reason);
        }
    }

    /// <summary>A name as SQL (and pg_dump's patterns) take it literally: double-quoted, inner quotes doubled.</summary>
    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>libpq's variables for a connection (an unset one is removed, not inherited): pg_dump's and pg_restore's.</summary>
    internal static IEnumerable<(string Name, string? Value)> LibpqEnvironment(NpgsqlConnectionStringBuilder c, string application)
    {
        yield return ("PGHOST", c.Host);
        yield return ("PGPORT", c.Port.ToString(SwedishCulture.Instance));
        yield return ("PGUSER", c.Username ?? Environment.UserName);
        yield return ("PGDATABASE", c.Database ?? c.Username ?? Environment.UserName);
        yield return ("PGPASSWORD", string.IsNullOrEmpty(c.Password) ? null : c.Password);
        yield return ("PGSSLMODE", c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        yield return ("PGSSLROOTCERT", c.RootCertificate);
        yield return ("PGAPPNAME", application);
    }

    /// <summary>Where this store is, for messages and reports: never the password.</summary>
    public string Describe() => Describe(new NpgsqlConnectionStringBuilder(_connectionString));

    /// <summary>Where <paramref name="connectionString"/> leads, for messages: never the password.</summary>
    public static string Describe(string connectionString) => Describe(new NpgsqlConnectionStringBuilder(connectionString));

    private static string Describe(NpgsqlConnectionStringBuilder c) => $"postgresql://{c.Host}:{c.Port}/{c.Database} ({c.SearchPath ?? "public"})";

    /// <summary>
    /// What can be wrong on PostgreSQL, read in one snapshot so a write by another server meanwhile is not taken for
    /// damage: a schema version this build does not know, a document that does not deserialize or whose id, revision
    /// (and for cases number, state and client) columns disagree with it, a case number counter behind the highest
    /// number given, references to what does not exist (as LiteDB's check follows them), the meta row missing.
    /// Pages and indexes are PostgreSQL's to keep (and to check, with amcheck): Jour does not walk them.
    /// </summary>
    public CheckReport Check() => Check(_source, Describe());

    /// <summary>
    /// <see cref="Check()"/> of the database at <paramref name="connectionString"/> with no store opened: nothing is
    /// migrated or otherwise changed (`jour check` while no server of this data directory runs).
    /// </summary>
    public static CheckReport CheckDatabase(string connectionString)
    {
        using NpgsqlDataSource source = SourceOf(connectionString, out _);
        return Check(source, Describe(connectionString));
    }

    private static CheckReport Check(NpgsqlDataSource source, string where)
    {
        var clock = Stopwatch.StartNew();
        var findings = new List<CheckFinding>();
        using NpgsqlConnection connection = source.OpenConnection();
        using NpgsqlTransaction tx = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var w = new Writer(connection, tx);
        int version = Step(w, findings, "schema_migrations", () => (int)w.Scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"), -1);
        if (version < 0)
        {
            // Not a Jour schema (or not yet one): there is nothing else to read.
            return new CheckReport(where, version, LatestSchemaVersion, [], findings, null, clock.Elapsed.TotalSeconds);
        }

        DatabaseCheck.SchemaFindings(findings, version, LatestSchemaVersion);

        var counts = new List<CheckCount>();
        foreach (CheckedTable table in s_checkedTables)
        {
            counts.Add(new CheckCount(table.Name, Step(w, findings, table.Name, () => CheckDocuments(w, table, findings), -1)));
        }

        foreach ((string table, string field, string sql) in s_references)
        {
            DatabaseCheck.Dangling(findings, table, field, Step(w, findings, table, () => w.Read(sql, r => r.GetInt64(0)), []));
        }

        var behind = Step(w, findings, "counters", () => w.Read(CountersBehind, r => (Year: r.GetString(0), Value: r.GetInt64(1), Highest: r.GetInt64(2))), []);
        findings.AddRange(behind.Select(b => DatabaseCheck.Error("Check_CounterBehind", b.Year, b.Value, b.Highest)));
        if (Step(w, findings, "meta", () => w.Scalar("SELECT count(*) FROM meta WHERE id = 'meta'"), 1) == 0)
        {
            findings.Add(DatabaseCheck.Error("Check_MetaMissing"));
        }

        DateTime? last = Step(w, findings, "case_events", () => w.Read("SELECT at_utc FROM case_events ORDER BY id DESC LIMIT 1", r => (DateTime?)PgTime.Utc(r.GetDateTime(0))).FirstOrDefault(), null);
        tx.Commit();
        return new CheckReport(where, version, LatestSchemaVersion, counts, findings, last, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// One step of the check, as <see cref="DatabaseCheck.Try"/>, inside a savepoint: a statement that fails (a table
    /// missing, a field that does not cast) would otherwise abort the snapshot's transaction and every step after it.
    /// </summary>
    private static T Step<T>(Writer w, List<CheckFinding> findings, string table, Func<T> read, T fallback) =>
        DatabaseCheck.Try(findings, table, () =>
        {
            w.Transaction.Save("step");
            try
            {
                T value = read();
                w.Transaction.Release("step");
                return value;
            }
            catch
            {
                w.Transaction.Rollback("step");
                throw;
            }
        }, fallback);

    // Every document is deserialized as the store reads it; the columns written beside it must say what it says.
    private static long CheckDocuments(Writer w, CheckedTable table, List<CheckFinding> findings)
    {
        string columns = string.Concat(table.Columns.Select(c => ", " + c));
        var disagreeing = new Dictionary<string, (int Count, string First)>(StringComparer.Ordinal);
        long rows = 0;
        using (NpgsqlCommand command = Writer.Command(w.Connection, w.Transaction, $"SELECT doc::text{columns} FROM {table.Name}{(table.Columns.Length > 0 ? " ORDER BY 2" : "")}", []))
        using (NpgsqlDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows++;
                object?[] expected = table.Expected(reader.GetString(0));
                for (int i = 0; i < table.Columns.Length; i++)
                {
                    string stored = DatabaseCheck.Text(reader.GetValue(i + 1));
                    if (stored != DatabaseCheck.Text(expected[i] ?? ""))
                    {
                        (int count, string first) = disagreeing.GetValueOrDefault(table.Columns[i], (0, DatabaseCheck.Text(reader.GetValue(1))));
                        disagreeing[table.Columns[i]] = (count + 1, first);
                    }
                }
            }
        }

        foreach ((string column, (int count, string first)) in disagreeing)
        {
            findings.Add(DatabaseCheck.Error("Check_ColumnDisagrees", count, table.Name, column, first));
        }

        return rows;
    }

    private const string CountersBehind = """
        WITH highest AS (
            SELECT split_part(number, '-', 1) AS year, max(split_part(number, '-', 2)::bigint) AS n
            FROM cases WHERE number ~ '^[0-9]+-[0-9]+$' GROUP BY 1)
        SELECT h.year, coalesce(c.value, 0), h.n FROM highest h LEFT JOIN counters c ON c.id = 'case-' || h.year
        WHERE coalesce(c.value, 0) < h.n ORDER BY h.year
        """;

    // The references LiteDB's check follows, where they are columns or document fields here.
    private static readonly (string Table, string Field, string Sql)[] s_references =
    [
        ("case_events", "CaseId", "SELECT e.id FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id) ORDER BY 1"),
        ("cases", "ClientId", "SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM clients k WHERE k.id = c.client_id) ORDER BY 1"),
        ("cases", "ProviderId", "SELECT c.id FROM cases c WHERE c.doc ? 'ProviderId' AND jsonb_typeof(c.doc->'ProviderId') = 'number' AND NOT EXISTS (SELECT 1 FROM providers p WHERE p.id = (c.doc->>'ProviderId')::bigint) ORDER BY 1"),
        ("deployments", "CaseId", "SELECT d.id FROM deployments d WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id) ORDER BY 1"),
        ("deployments", "AssistantId", "SELECT d.id FROM deployments d WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.id = (d.doc->>'AssistantId')::bigint) ORDER BY 1"),
        ("oncall_overrides", "OfficerId", "SELECT o.id FROM oncall_overrides o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = (o.doc->>'OfficerId')::bigint) ORDER BY 1"),
        ("rotations", "OfficerIds", "SELECT DISTINCT r.id FROM rotations r CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(r.doc->'OfficerIds', '[]'::jsonb)) o(officer) WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = o.officer::bigint) ORDER BY 1"),
    ];

    /// <summary>A table the check reads: its columns besides the document, and what the document says they hold.</summary>
    private sealed record CheckedTable(string Name, string[] Columns, Func<string, object?[]> Expected);

    // What the document says a column holds is what its insert writes there (PgTables); text-keyed tables name no
    // columns: the key is not in the document (or is composed from it), but the document must still deserialize.
    private static CheckedTable Checked<T>(PgTable<T> table, params string[] columns)
    {
        Func<T, object?[]> expected = table.ValuesOf(columns);
        return new(table.Name, columns, json => expected(PgDocuments.Read(json, table.Info)));
    }

    private static readonly CheckedTable[] s_checkedTables =
    [
        Checked(PgTables.Cases, "id", "number", "state", "client_id", "revision"),
        Checked(PgTables.CaseEvents, "id", "case_id"),
        Checked(PgTables.Clients, "id", "revision"),
        Checked(PgTables.Providers, "id", "revision"),
        Checked(PgTables.Staff, "id", "revision"),
        Checked(PgTables.Users, "id"),
        Checked(PgTables.SignInThrottles, "user_id"),
        Checked(PgTables.Rotations, "id"),
        Checked(PgTables.Overrides, "id"),
        Checked(PgTables.Handovers, "id"),
        Checked(PgTables.Journal, "id", "client_id"),
        Checked(PgTables.AccessLog, "id", "client_id"),
        Checked(PgTables.HygieneChecks, "id"),
        Checked(PgTables.Deployments, "id", "case_id"),
        Checked(PgTables.ShortTermUnits, "id", "revision"),
        Checked(PgTables.ShortTermBookings, "id"),
        Checked(PgTables.Incidents, "id", "revision"),
        Checked(PgTables.Complaints, "id", "revision"),
        Checked(PgTables.IvoInvestigations, "id", "revision"),
        Checked(PgTables.Contracts, "id"),
        Checked(PgTables.CallOuts, "id", "case_id"),
        Checked(PgTables.Thinnings, "id"),
        Checked(PgTables.PoolSettings),
        Checked(PgTables.Drafts),
        Checked(PgTables.PaidHours),
        Checked(PgTables.SmsSettings),
        Checked(PgTables.SmsInbox),
        Checked(PgTables.SmsNotices),
        Checked(PgTables.FollowUpSettings),
        Checked(PgTables.RetentionSettings),
    ];
}
