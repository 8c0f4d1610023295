namespace Jour.Core.Incidents;

/// <summary>Kinds of incident; the last two must go on to someone (see <see cref="Incident.ReportTo"/>).</summary>
public enum IncidentKind
{
    /// <summary>Tillbud: something that could have gone wrong.</summary>
    NearMiss,

    /// <summary>Avvikelse: something that went wrong.</summary>
    Deviation,

    /// <summary>Risk för allvarlig vårdskada: to MAS, who decides on lex Maria.</summary>
    CareInjuryRisk,

    /// <summary>Missförhållande (lex Sarah): to the responsible manager.</summary>
    Misconduct,
}
