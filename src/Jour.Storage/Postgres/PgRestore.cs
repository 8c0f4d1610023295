using System.Globalization;
using System.Text;
using Jour.Core.Common;
using Jour.Core.Operations;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>What a restore put in place and where the content it replaced is kept.</summary>
public sealed record PgRestoreReport(long Cases, string? KeptAsSchema, CheckReport Check);

/// <summary>
/// `jour restore ARCHIVE` on a data directory bound to PostgreSQL: the bound schema is renamed aside (so what was
/// there stays recoverable, not overwritten), then pg_restore recreates it from a pg_dump archive of a Jour schema in
/// one transaction. A restore that fails leaves the old schema back under its own name.
/// </summary>
public static class PgRestore
{
    private const string RestoreApplication = "jour restore";

    /// <summary>True when the file starts as a pg_dump custom-format archive does (a LiteDB file does not).</summary>
    public static bool IsPgDumpArchive(string path)
    {
        using FileStream stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[5];
        return stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && magic.SequenceEqual("PGDMP"u8);
    }

    /// <summary>
    /// How many connections other than this process's have the bound store's application name: Jour servers (and
    /// commands) on the same binding, which a restore would pull the schema from under.
    /// </summary>
    public static int OtherJourConnections(string connectionString)
    {
        string name = PgJourStore.ApplicationNameOf(new NpgsqlConnectionStringBuilder(connectionString));
        using NpgsqlDataSource source = RestoreSource(connectionString);
        using NpgsqlConnection connection = source.OpenConnection();
        using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = name });
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The schema the archive holds, refusing one that is not a Jour schema (no schema_migrations and cases).</summary>
    public static string ArchiveSchema(string archive)
    {
        string listing = Run("pg_restore", ["--list", archive], []);
        var tables = new List<(string Schema, string Name)>();
        foreach (string line in listing.Split('\n'))
        {
            // "215; 1259 16389 TABLE schema name owner"; comment lines start with ';'.
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 6 && !line.StartsWith(';') && parts[3] == "TABLE")
            {
                tables.Add((parts[4], parts[5]));
            }
        }

        string[] schemas = [.. tables.Where(t => t.Name == "schema_migrations").Select(t => t.Schema).Distinct()];
        if (schemas.Length != 1 || !tables.Contains((schemas[0], "cases")))
        {
            throw new JourException(ErrorCodes.StorageRestoreNotJour, archive);
        }

        return schemas[0];
    }

    /// <summary>Replaces the bound schema with the archive's content; the replaced schema is renamed aside, not dropped.</summary>
    public static PgRestoreReport Restore(string connectionString, string archive)
    {
        var bound = new NpgsqlConnectionStringBuilder(connectionString);
        string target = PgJourStore.SchemaOf(bound);
        string archived = ArchiveSchema(archive);
        // Lower case only: a search path folds an unquoted name, and the kept schema should open as it is written.
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd'_'HHmmss", CultureInfo.InvariantCulture);
        string aside = Truncate(target, $"_before_restore_{stamp}");
        using NpgsqlDataSource source = RestoreSource(connectionString);
        using NpgsqlConnection connection = source.OpenConnection();
        bool hadSchema = Exists(connection, target);
        if (hadSchema)
        {
            Execute(connection, $"ALTER SCHEMA {PgJourStore.QuoteIdentifier(target)} RENAME TO {PgJourStore.QuoteIdentifier(aside)}");
        }

        try
        {
            if (archived != target && Exists(connection, archived))
            {
                throw new JourException(ErrorCodes.StorageRestoreFailed, archive, $"schema {archived} exists");
            }

            Run("pg_restore", ["--single-transaction", "--no-owner", "--no-password", $"--dbname={bound.Database ?? bound.Username ?? Environment.UserName}", archive], PgJourStore.LibpqEnvironment(bound, RestoreApplication));
            if (archived != target)
            {
                Execute(connection, $"ALTER SCHEMA {PgJourStore.QuoteIdentifier(archived)} RENAME TO {PgJourStore.QuoteIdentifier(target)}");
            }
        }
        catch
        {
            using NpgsqlTransaction undo = connection.BeginTransaction();
            Execute(connection, $"DROP SCHEMA IF EXISTS {PgJourStore.QuoteIdentifier(target)} CASCADE");
            if (hadSchema)
            {
                Execute(connection, $"ALTER SCHEMA {PgJourStore.QuoteIdentifier(aside)} RENAME TO {PgJourStore.QuoteIdentifier(target)}");
            }

            undo.Commit();
            throw;
        }

        CheckReport check = PgJourStore.CheckDatabase(connectionString);
        long cases = check.Counts.FirstOrDefault(c => c.Collection == "cases")?.Count ?? 0;
        return new PgRestoreReport(cases, hadSchema ? aside : null, check);
    }

    private static NpgsqlDataSource RestoreSource(string connectionString) =>
        PgJourStore.NewSource(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = RestoreApplication, Pooling = false }.ConnectionString);

    private static bool Exists(NpgsqlConnection connection, string schema)
    {
        using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = schema });
        return exists.ExecuteScalar() is true;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // PostgreSQL cuts a name at 63 bytes; cutting it here keeps the name reported the one that exists.
    private static string Truncate(string schema, string suffix)
    {
        while (Encoding.UTF8.GetByteCount(schema + suffix) > 63)
        {
            schema = schema[..^1];
        }

        return schema + suffix;
    }

    /// <summary>Runs one of PostgreSQL's client programs to its end; its output, or its first error line as the refusal.</summary>
    private static string Run(string program, string[] arguments, IEnumerable<(string Name, string? Value)> environment)
    {
        using PgProgram run = PgProgram.Start(program, arguments, environment)
            ?? throw new JourException(ErrorCodes.StorageRestoreFailed, arguments[^1], program);
        string output = run.Output.ReadToEnd();
        return run.Failure() is { } reason ? throw new JourException(ErrorCodes.StorageRestoreFailed, arguments[^1], reason) : output;
    }
}
