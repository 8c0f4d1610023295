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
    private const string CaseColumns = "id, number, state, client_id, received_utc, end_utc, revision, doc";

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
        int saved = w.Execute(
            "UPDATE cases SET number = @number, state = @state, client_id = @clientId, received_utc = @receivedUtc, end_utc = @endUtc, revision = @revision, doc = @doc::jsonb WHERE id = @id AND revision = @expected",
            [.. CaseParameters(updated), ("expected", expectedRevision)]);
        if (saved == 0)
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
        int year = SwedishTime.ToLocal(newCase.ReceivedUtc).Year;
        newCase.Number = $"{year}-{NextValue(w, $"case-{year}"):0000}";
        newCase.Id = w.NewId("cases", newCase.Id);
        w.Execute($"INSERT INTO cases ({CaseColumns}) VALUES (@id, @number, @state, @clientId, @receivedUtc, @endUtc, @revision, @doc::jsonb)", CaseParameters(newCase));
    }

    private static void AddEvent(Writer w, CaseEvent entry)
    {
        entry.Id = w.NewId("case_events", entry.Id);
        w.Execute("INSERT INTO case_events (id, case_id, at_utc, doc) VALUES (@id, @caseId, @atUtc, @doc::jsonb)", EventParameters(entry));
    }

    private static (string, object?)[] EventParameters(CaseEvent e) =>
        [("id", e.Id), ("caseId", e.CaseId), ("atUtc", e.AtUtc), ("doc", PgDocuments.Write(e, PgDocuments.CaseEvent))];

    private static (string, object?)[] CaseParameters(Case c) =>
    [
        ("id", c.Id), ("number", c.Number), ("state", c.State.ToString()), ("clientId", c.ClientId), ("receivedUtc", c.ReceivedUtc),
        ("endUtc", CaseFact.EndOf(c)), ("revision", c.Revision), ("doc", PgDocuments.Write(c, PgDocuments.Case)),
    ];

    private List<Case> ReadCases(string where, params (string, object?)[] parameters) =>
        Read($"SELECT doc::text FROM cases {where} ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.Case), parameters);

    /// <summary>
    /// Advances a named counter inside the caller's transaction. The row stays locked until that transaction ends,
    /// so two servers numbering cases at once get consecutive numbers, never the same one.
    /// </summary>
    private static long NextValue(Writer w, string counter) =>
        w.Scalar("INSERT INTO counters (id, value) VALUES (@id, 1) ON CONFLICT (id) DO UPDATE SET value = counters.value + 1 RETURNING value", ("id", counter));
}
