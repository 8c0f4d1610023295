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

    /// <summary>MAS/MAR's assessments, the oldest first; the last one stands, the earlier ones stay visible.</summary>
    public List<MasAssessment> Assessments { get; set; } = [];

    /// <summary>The measures MAS/MAR requires, in the order required.</summary>
    public List<RequiredMeasure> Measures { get; set; } = [];

    /// <summary>
    /// The earliest last day (yyyy-MM-dd) of a measure not yet done; empty when none is open. Kept with the incident
    /// and indexed, so the status bar counts incidents with overdue measures without reading every incident.
    /// </summary>
    public string OpenMeasuresDueOn { get; set; } = "";

    /// <summary>The assessment that stands: the latest, or null before MAS/MAR has assessed.</summary>
    public MasAssessment? CurrentAssessment => Assessments.Count == 0 ? null : Assessments[^1];

    /// <summary>Adds a measure, numbered after the last one.</summary>
    public RequiredMeasure Require(string what, string responsible, DateOnly dueOn, long by, DateTime nowUtc)
    {
        var measure = new RequiredMeasure
        {
            Number = Measures.Count == 0 ? 1 : Measures.Max(m => m.Number) + 1,
            What = what,
            Responsible = responsible,
            DueOn = Common.IsoDate.Format(dueOn),
            RequiredBy = by,
            RequiredUtc = nowUtc,
        };
        Measures.Add(measure);
        OpenMeasuresDueOn = EarliestOpenDue();
        return measure;
    }

    /// <summary>Marks a measure done on <paramref name="doneOn"/>; a measure is done once, and that is not taken back.</summary>
    public void MarkDone(int number, DateOnly doneOn, long by, DateTime nowUtc)
    {
        RequiredMeasure measure = Measures.FirstOrDefault(m => m.Number == number)
            ?? throw new Common.JourException(Common.ErrorCodes.MeasureNotFound, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (measure.IsDone)
        {
            throw new Common.JourException(Common.ErrorCodes.MeasureAlreadyDone, number.ToString(System.Globalization.CultureInfo.InvariantCulture), measure.DoneOn);
        }

        measure.DoneOn = Common.IsoDate.Format(doneOn);
        measure.DoneBy = by;
        measure.DoneUtc = nowUtc;
        OpenMeasuresDueOn = EarliestOpenDue();
    }

    private string EarliestOpenDue() =>
        Measures.Where(m => !m.IsDone).Select(m => m.DueOn).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";

    /// <summary>Who this kind of incident must go on to.</summary>
    public static IncidentRecipient ReportTo(IncidentKind kind) => kind switch
    {
        IncidentKind.CareInjuryRisk => IncidentRecipient.MedicalResponsible,
        IncidentKind.Misconduct => IncidentRecipient.ResponsibleManager,
        _ => IncidentRecipient.None,
    };
}
