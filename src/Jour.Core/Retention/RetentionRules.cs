namespace Jour.Core.Retention;

/// <summary>
/// Every retention rule Jour knows. The periods of the law are here once; the access log's comes from the
/// municipality's setting (<see cref="RetentionSettings.AccessLogYears"/>).
/// </summary>
public static class RetentionRules
{
    public const string Sol = "sol";
    public const string LssMunicipal = "lss-municipal";
    public const string LssPrivate = "lss-private";
    public const string Drafts = "drafts";
    public const string AccessLog = "access-log";

    /// <summary>A draft is a working copy, never a record: a form nobody has saved for three months is abandoned.</summary>
    public const int DraftMonths = 3;

    /// <summary>Every rule, for both kinds of operator.</summary>
    public static IReadOnlyList<RetentionRule> All(int accessLogYears) =>
    [
        // 12 kap. 1 § SoL: five years after the last entry, done by the end of the next calendar year;
        // 12 kap. 2 § SoL keeps the files of persons born on the 5th, 15th and 25th for research.
        new(Sol, RetentionSubject.SolFile, null, 5 * 12, RetentionDeadline.EndOfNextCalendarYear, true, "12 kap. 1–2 §§ SoL"),

        // A municipality's LSS documentation has no thinning rule in LSS: it is kept (arkivlagen).
        new(LssMunicipal, RetentionSubject.LssFile, OperatorKind.Municipal, null, RetentionDeadline.Kept, false, "LSS 21 a §, arkivlagen"),
        new(LssPrivate, RetentionSubject.LssFile, OperatorKind.Private, 2 * 12, RetentionDeadline.WhenDue, false, "LSS 23 c §"),
        new(Drafts, RetentionSubject.Draft, null, DraftMonths, RetentionDeadline.WhenDue, false, "arbetsmaterial"),
        new(AccessLog, RetentionSubject.AccessLog, null, accessLogYears * 12, RetentionDeadline.WhenDue, false, "access-log-years"),
    ];

    /// <summary>The rules that apply to this operation, one per subject.</summary>
    public static IReadOnlyList<RetentionRule> For(RetentionSettingsData settings) =>
        [.. All(settings.AccessLogYears).Where(r => r.Operator is null || r.Operator == settings.OperatorKind)];

    /// <summary>Whether a person born on <paramref name="birthDate"/> is in the research sample (born on the 5th, 15th or 25th).</summary>
    public static bool InResearchSample(DateOnly birthDate) => birthDate.Day is 5 or 15 or 25;
}
