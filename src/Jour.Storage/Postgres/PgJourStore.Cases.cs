using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Npgsql;

namespace Jour.Storage.Postgres;

// Cases and their timelines. State, number, client, received time, revision and the end the follow-up counts with
// (CaseFact.EndOf: the domain's rule, only stored here) are columns: the board, the status bar, look-ups, the
// follow-up's ranges and the concurrency check use them. The case itself is the jsonb document.
public sealed partial class PgJourStore
{
    // The domain says which states are open (Case.IsOpen); the store only turns that into SQL.
    private static readonly string s_openStates = string.Join(", ",
        Enum.GetValues<CaseState>().Where(s => new Case { State = s }.IsOpen).Select(s => $"'{s}'"));

    public IReadOnlyList<Case> LoadOpenCases() => ReadCases($"WHERE state IN ({s_openStates})");

    public IReadOnlyList<CaseRow> LoadOpenCaseRows() => [.. LoadOpenCases().Select(CaseRow.Of)];

    public IReadOnlyList<Case> LoadCases(CaseState state) => ReadCases("WHERE state = @state", ("state", state.ToString()));

    public int CountOpenCases() => (int)ReadCount($"SELECT count(*) FROM cases WHERE state IN ({s_openStates})");

    public Case? FindCase(long id) => ReadCases("WHERE id = @id", ("id", id)).FirstOrDefault();

    public Case? FindCaseByNumber(string number) => ReadCases("WHERE number = @number", ("number", number)).FirstOrDefault();

    public IReadOnlyList<CaseEvent> LoadTimeline(long caseId) =>
        Read("SELECT doc::text FROM case_events WHERE case_id = @caseId ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.CaseEvent), ("caseId", caseId));

    public long CountCases() => ReadCount("SELECT count(*) FROM cases");

    public bool TrySaveCase(Case updated, int expectedRevision, CaseEvent entry) => InTransaction(w =>
    {
        if (w.UpdateAtRevision(PgTables.Cases, updated, expectedRevision) == 0)
        {
            return false;
        }

        entry.CaseId = updated.Id;
        AddEvent(w, entry);
        return true;
    });

    public Case AddCase(Case newCase, CaseEvent entry)
    {
        InTransaction(w =>
        {
            InsertCase(w, newCase);
            entry.CaseId = newCase.Id;
            AddEvent(w, entry);
        });
        return newCase;
    }

    /// <summary>Numbers the case as every new case is numbered (per Swedish year of its receipt, in order) and inserts it.</summary>
    private static void InsertCase(Writer w, Case newCase)
    {
        NumberCases(w, [newCase]);
        w.Insert(PgTables.Cases, newCase);
    }

    /// <summary>
    /// Numbers new cases, in order, per Swedish year of their receipt: each year's counter is advanced by as many as
    /// that year has here, in one statement, so a batch is numbered as the same cases added one by one.
    /// </summary>
    private static void NumberCases(Writer w, IEnumerable<Case> cases)
    {
        foreach (IGrouping<int, Case> year in cases.GroupBy(c => SwedishTime.ToLocal(c.ReceivedUtc).Year).OrderBy(g => g.Key))
        {
            Case[] numbered = [.. year];
            long next = NextValues(w, $"case-{year.Key}", numbered.Length) - numbered.Length + 1;
            foreach (Case c in numbered)
            {
                c.Number = $"{year.Key}-{next++:0000}";
            }
        }
    }

    private static void AddEvent(Writer w, CaseEvent entry) => w.Insert(PgTables.CaseEvents, entry);

    private List<Case> ReadCases(string where, params (string, object?)[] parameters) =>
        Read($"SELECT doc::text FROM cases {where} ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.Case), parameters);

    /// <summary>
    /// Advances a named counter by <paramref name="count"/> inside the caller's transaction and returns its new value
    /// (the last of those taken). The row stays locked until that transaction ends, so two servers numbering cases at
    /// once get consecutive numbers, never the same one.
    /// </summary>
    private static long NextValues(Writer w, string counter, long count) =>
        w.Scalar("INSERT INTO counters (id, value) VALUES (@id, @count) ON CONFLICT (id) DO UPDATE SET value = counters.value + @count RETURNING value", ("id", counter), ("count", count));
}
