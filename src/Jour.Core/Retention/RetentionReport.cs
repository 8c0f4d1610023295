namespace Jour.Core.Retention;

/// <summary>
/// `jour retention`'s answer: the settings, what each rule finds due (or thinned, after a thinning), the
/// thinning records written, and the day before which a backup holds only material at least as old as the
/// shortest record rule (the operator deletes such backups; Jour does not know where they are).
/// </summary>
public sealed record RetentionReport(
    DateOnly Today,
    RetentionSettingsData Settings,
    bool Thinned,
    IReadOnlyList<RuleOutcome> Rules,
    IReadOnlyList<long> ThinningIds,
    DateOnly BackupsMadeBefore);
