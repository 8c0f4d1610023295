namespace Jour.Core.Cases;

/// <summary>Where cases and their timelines are kept.</summary>
public interface ICaseStore
{
    /// <summary>
    /// Every case that is not declined, closed or withdrawn, each the caller's own copy: changing one changes
    /// nothing stored and nothing another caller reads. To change a case, load it with <see cref="FindCase"/>.
    /// </summary>
    IReadOnlyList<Case> LoadOpenCases();

    /// <summary>
    /// The open cases as board rows: immutable, so the store may hand the same rows to every caller until a
    /// case is written (the board asks at every refresh of every session).
    /// </summary>
    IReadOnlyList<CaseRow> LoadOpenCaseRows();

    /// <summary>Every case in one state, open or ended, by the state index.</summary>
    IReadOnlyList<Case> LoadCases(CaseState state);

    /// <summary>How many cases are open, from the index alone (the status bar asks on every refresh).</summary>
    int CountOpenCases();

    Case? FindCase(long id);

    /// <summary>The case with this number as every screen shows it (`2026-0004`), by its index; null when none has it.</summary>
    Case? FindCaseByNumber(string number);

    IReadOnlyList<CaseEvent> LoadTimeline(long caseId);

    /// <summary>
    /// Stores <paramref name="updated"/> and <paramref name="entry"/> in one transaction if the stored
    /// revision still equals <paramref name="expectedRevision"/>; returns false (storing nothing) otherwise.
    /// </summary>
    bool TrySaveCase(Case updated, int expectedRevision, CaseEvent entry);

    /// <summary>Adds a new case with its first timeline entry; assigns ids and the case number.</summary>
    Case AddCase(Case newCase, CaseEvent entry);

    long CountCases();
}
