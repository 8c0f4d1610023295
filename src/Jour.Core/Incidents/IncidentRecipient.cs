namespace Jour.Core.Incidents;

/// <summary>Who an incident must be reported on to.</summary>
public enum IncidentRecipient
{
    None,

    /// <summary>MAS/MAR (lex Maria).</summary>
    MedicalResponsible,

    /// <summary>The responsible manager (lex Sarah).</summary>
    ResponsibleManager,
}
