namespace Jour.Core.Incidents;

/// <summary>A tillbud or avvikelse, linked to a client, a case and an assistant where relevant.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    public IncidentKind Kind { get; set; }

    public DateTime OccurredUtc { get; set; }

    public DateTime ReportedUtc { get; set; }

    public long ReportedBy { get; set; }

    public long? ClientId { get; set; }

    public long? CaseId { get; set; }

    /// <summary>The standby assistant the incident names, if any.</summary>
    public long? AssistantId { get; set; }

    public string Description { get; set; } = "";

    /// <summary>What was done at once.</summary>
    public string Actions { get; set; } = "";

    public RecordStatus Status { get; set; }

    /// <summary>When MAS/MAR was told, and by whom; set once, never cleared.</summary>
    public DateTime? MasNotifiedUtc { get; set; }

    public long? MasNotifiedBy { get; set; }

    /// <summary>When the responsible manager was told (lex Sarah), and by whom; set once, never cleared.</summary>
    public DateTime? ManagerNotifiedUtc { get; set; }

    public long? ManagerNotifiedBy { get; set; }

    public int Revision { get; set; }

    /// <summary>Who this kind of incident must go on to.</summary>
    public static IncidentRecipient ReportTo(IncidentKind kind) => kind switch
    {
        IncidentKind.CareInjuryRisk => IncidentRecipient.MedicalResponsible,
        IncidentKind.Misconduct => IncidentRecipient.ResponsibleManager,
        _ => IncidentRecipient.None,
    };
}
