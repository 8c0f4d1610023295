using System.Diagnostics;
using System.Globalization;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Operations;

namespace Jour.Storage.Postgres;

/// <summary>A table's rows in both stores after a move.</summary>
public sealed record MovedTable(string Name, long LiteRows, long PostgresRows);

/// <summary>What a move copied and checked, and how long each took.</summary>
public sealed record MoveReport(IReadOnlyList<MovedTable> Tables, int MonthsCompared, TimeSpan Copying, TimeSpan Checking);

/// <summary>
/// Moves a LiteDB database into an empty PostgreSQL one (jour store migrate) and proves the copy before anyone relies on
/// it: every table holds as many rows as its collection, every document reads back as it was sent, and the follow-up's
/// facts (what the statistics and the invoicing basis are made of) are the same from both stores for every month with
/// data; last, PostgreSQL's own check (the one `jour check` runs) finds nothing wrong. A copy that fails a check is removed again, so the database is empty as it was found.
/// </summary>
public static class LiteToPostgres
{
    public static MoveReport Move(LiteJourStore from, PgJourStore to, Action<CopiedTable>? copied = null)
    {
        if (to.HoldsData())
        {
            throw new JourException(ErrorCodes.StorageMoveTargetNotEmpty);
        }

        // All of it or nothing: a collection this build does not know (a newer build's, or one made by hand) is not left behind unseen.
        string[] unknown = [.. from.ExistingCollections()
            .Where(c => !PgJourStore.CopiedTables.Contains(c) && c is not ("meta" or FactBlocks.CollectionName) && from.Database.GetCollection(c).LongCount() > 0)
            .Order(StringComparer.Ordinal)];
        if (unknown.Length > 0)
        {
            throw new JourException(ErrorCodes.StorageMoveUnknownCollection, string.Join(", ", unknown));
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<CopiedTable> tables = to.CopyFrom(from, copied);
        TimeSpan copying = clock.Elapsed;
        try
        {
            IReadOnlyList<MovedTable> moved = CompareRows(from, to, tables);
            if (from.IsDemo != to.IsDemo || from.LoadSetUpCodeHash() != to.LoadSetUpCodeHash())
            {
                throw new JourException(ErrorCodes.StorageMoveContentMismatch, "meta");
            }

            int months = CompareFollowUp(from, to);
            Sound(to.Check());
            return new MoveReport(moved, months, copying, clock.Elapsed - copying);
        }
        catch
        {
            to.RemoveCopied();
            throw;
        }
    }

    private static List<MovedTable> CompareRows(LiteJourStore from, PgJourStore to, IReadOnlyList<CopiedTable> tables)
    {
        IReadOnlyDictionary<string, long> stored = to.CountRows();
        var moved = new List<MovedTable>();
        foreach (CopiedTable table in tables)
        {
            long lite = from.Database.GetCollection(table.Name).LongCount();
            long postgres = stored[table.Name];
            if (lite != postgres || table.Rows != lite)
            {
                throw new JourException(ErrorCodes.StorageMoveMismatch, table.Name, Number(lite), Number(postgres));
            }

            if (to.StoredDigest(table.Name) != table.Digest)
            {
                throw new JourException(ErrorCodes.StorageMoveContentMismatch, table.Name);
            }

            moved.Add(new MovedTable(table.Name, lite, postgres));
        }

        return moved;
    }

    /// <summary>Compares the facts month by month over the whole span with data; returns the months compared.</summary>
    private static int CompareFollowUp(LiteJourStore lite, PgJourStore postgres)
    {
        if (postgres.FollowUpSpan() is not var (first, last))
        {
            return 0;
        }

        DateOnly month = ReportPeriod.LocalDate(first) is var d ? new DateOnly(d.Year, d.Month, 1) : default;
        DateOnly end = ReportPeriod.LocalDate(last);
        int months = 0;
        for (; month <= end; month = month.AddMonths(1), months++)
        {
            ReportPeriod period = ReportPeriod.Month(month.Year, month.Month);
            CompareMonth(lite, postgres, period.FromUtc, period.ToUtc, month);
        }

        return months;
    }

    private static void CompareMonth(LiteJourStore lite, PgJourStore postgres, DateTime fromUtc, DateTime toUtc, DateOnly month)
    {
        List<CaseFact> cases = [.. lite.LoadCaseFacts(fromUtc, toUtc).OrderBy(f => f.CaseId)];
        Same(cases, postgres.LoadCaseFacts(fromUtc, toUtc).OrderBy(f => f.CaseId), month);
        Same(lite.LoadReportFacts(fromUtc, toUtc).OrderBy(f => f.DeploymentId), postgres.LoadReportFacts(fromUtc, toUtc).OrderBy(f => f.DeploymentId), month);
        Same(lite.LoadTimeReportLines(fromUtc, toUtc).OrderBy(l => l.DeploymentId), postgres.LoadTimeReportLines(fromUtc, toUtc).OrderBy(l => l.DeploymentId), month);
        long[] clients = [.. cases.Select(f => f.ClientId).Distinct()];
        Same(lite.ClientsWithCaseBefore(clients, fromUtc).Order(), postgres.ClientsWithCaseBefore(clients, fromUtc).Order(), month);
    }

    /// <summary>
    /// What the comparisons cannot see: a copy can be true to a file whose flaws only PostgreSQL's check names (a case number
    /// counter behind, a reference to nothing), and a bound directory would then start on them.
    /// </summary>
    private static void Sound(CheckReport check)
    {
        CheckFinding[] errors = [.. check.Findings.Where(f => f.IsError)];
        if (errors.Length > 0)
        {
            throw new JourException(ErrorCodes.StorageMoveCopyUnsound, errors.Length.ToString(CultureInfo.InvariantCulture), Messages.Format(errors[0].Code, errors[0].Args));
        }
    }

    private static void Same<T>(IEnumerable<T> lite, IEnumerable<T> postgres, DateOnly month)
    {
        if (!lite.SequenceEqual(postgres))
        {
            throw new JourException(ErrorCodes.StorageMoveFollowUpMismatch, month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
    }

    private static string Number(long n) => n.ToString("N0", SwedishCulture.Instance);
}
