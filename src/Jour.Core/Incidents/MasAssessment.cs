namespace Jour.Core.Incidents;

/// <summary>
/// MAS/MAR's assessment of an incident: lex Maria or not, on which day, why, and the day it was reported to IVO.
/// Never changed once saved: MAS revises by a new assessment, and the older ones stay with the incident, so the
/// record shows what was decided when (a later "no" does not erase an earlier "yes" that IVO may already have).
/// </summary>
public sealed class MasAssessment
{
    /// <summary>The local day of the assessment, yyyy-MM-dd.</summary>
    public string AssessedOn { get; set; } = "";

    /// <summary>Whether the incident is a lex Maria matter (risk of serious care injury, reported to IVO).</summary>
    public bool LexMaria { get; set; }

    public string Reasoning { get; set; } = "";

    /// <summary>The local day it was reported to IVO, yyyy-MM-dd; empty when not (only a lex Maria matter is).</summary>
    public string IvoReportedOn { get; set; } = "";

    public long AssessedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}
