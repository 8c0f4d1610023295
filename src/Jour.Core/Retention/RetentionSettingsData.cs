namespace Jour.Core.Retention;

/// <summary>The retention settings as the command line shows and sets them.</summary>
/// <param name="OperatorKind">Municipal or private.</param>
/// <param name="KeepResearchSample">Whether persons born on the 5th, 15th or 25th are kept (the effective value).</param>
/// <param name="AccessLogYears">Years an access-log entry is kept.</param>
public sealed record RetentionSettingsData(OperatorKind OperatorKind, bool KeepResearchSample, int AccessLogYears)
{
    /// <summary>
    /// The research sample is kept by default by a municipality (12 kap. 2 § SoL binds the social services
    /// committee's files), not by a private operator, whose files the law does not pick for research.
    /// </summary>
    public static bool ResearchSampleDefault(OperatorKind kind) => kind == OperatorKind.Municipal;

    public static RetentionSettingsData Of(RetentionSettings? s) =>
        s is null
            ? new(OperatorKind.Municipal, ResearchSampleDefault(OperatorKind.Municipal), RetentionSettings.DefaultAccessLogYears)
            : new(s.OperatorKind, s.KeepResearchSample ?? ResearchSampleDefault(s.OperatorKind), s.AccessLogYears);
}
