namespace Jour.Core.Retention;

/// <summary>
/// What one rule finds due today. For a file rule <see cref="Due"/> counts persons' files and the entry counts what
/// they hold; for the access log and drafts it counts entries and drafts.
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Due">Files (or entries, drafts) due.</param>
/// <param name="Overdue">Of the due files, how many are past the date the thinning had to be done by (0 for entries and drafts, due the day they are found).</param>
/// <param name="Kept">Files the rule keeps (a keeping rule), or that are not yet due.</param>
/// <param name="KeptForResearch">Due files kept because the person is born on the 5th, 15th or 25th.</param>
/// <param name="JournalEntries">Journal entries in the due files.</param>
/// <param name="CaseEvents">Case timeline entries in the due files.</param>
/// <param name="LastEntryBefore">What is due was last written before this day (Swedish time); null for a keeping rule.</param>
public sealed record RuleOutcome(
    RetentionRule Rule,
    int Due,
    int Overdue,
    int Kept,
    int KeptForResearch,
    long JournalEntries,
    long CaseEvents,
    DateOnly? LastEntryBefore);
