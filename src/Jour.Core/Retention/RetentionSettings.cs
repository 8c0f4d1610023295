namespace Jour.Core.Retention;

/// <summary>The operation's retention choices (one document). Missing: a municipality, research sample kept, the default access-log years.</summary>
public sealed class RetentionSettings
{
    public const string SingletonId = "retention";

    /// <summary>How many years the access log is kept unless set: as long as a SoL file after its last entry, so who read a file can be told as long as the file exists.</summary>
    public const int DefaultAccessLogYears = 5;

    public const int MaxAccessLogYears = 50;

    public string Id { get; set; } = SingletonId;

    public OperatorKind OperatorKind { get; set; } = OperatorKind.Municipal;

    /// <summary>Whether persons born on the 5th, 15th or 25th are kept for research; null: the operator kind's default (<see cref="RetentionSettingsData.ResearchSampleDefault"/>).</summary>
    public bool? KeepResearchSample { get; set; }

    public int AccessLogYears { get; set; } = DefaultAccessLogYears;

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
