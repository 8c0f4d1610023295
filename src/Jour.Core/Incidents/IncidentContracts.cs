using Jour.Core.AccessLog;
using Jour.Core.Journals;
using Jour.Core.UseCases;

namespace Jour.Core.Incidents;

#pragma warning disable SA1649, CA1711

/// <summary>An incident; the names and notification times are filled in by the server and ignored on save.</summary>
public sealed record IncidentData(
    long Id,
    IncidentKind Kind,
    DateTime OccurredUtc,
    long? ClientId,
    long? CaseId,
    long? AssistantId,
    string Description,
    string Actions,
    RecordStatus Status,
    bool MasNotified,
    bool ManagerNotified,
    int Revision,
    DateTime ReportedUtc = default,
    string ReportedByName = "",
    string ClientName = "",
    string CaseNumber = "",
    string AssistantName = "",
    bool AssistantBlocked = false,
    DateTime? MasNotifiedUtc = null,
    string MasNotifiedByName = "",
    DateTime? ManagerNotifiedUtc = null,
    string ManagerNotifiedByName = "",
    IReadOnlyList<MasAssessmentData>? Assessments = null,
    IReadOnlyList<MeasureData>? Measures = null)
{
    public IncidentRecipient ReportTo => Incident.ReportTo(Kind);

    /// <summary>The assessment that stands (the latest), or null before MAS/MAR has assessed.</summary>
    public MasAssessmentData? CurrentAssessment => Assessments is { Count: > 0 } a ? a[^1] : null;

    /// <summary>Measures not done whose last day is before <paramref name="today"/>.</summary>
    public int OverdueMeasures(DateOnly today) => Measures?.Count(m => m.IsOverdue(today)) ?? 0;
}

/// <summary>One assessment by MAS/MAR, with the assessor's name; <see cref="IvoReportedOn"/> only for lex Maria.</summary>
public sealed record MasAssessmentData(DateOnly AssessedOn, bool LexMaria, string Reasoning, DateOnly? IvoReportedOn, string AssessedByName, DateTime RecordedUtc);

/// <summary>A measure MAS/MAR requires, with names resolved; <see cref="DoneOn"/> null until done.</summary>
public sealed record MeasureData(int Number, string What, string Responsible, DateOnly DueOn, string RequiredByName, DateOnly? DoneOn, string DoneByName)
{
    public bool IsOverdue(DateOnly today) => DoneOn is null && DueOn < today;
}

/// <summary>A complaint or a view; the names are filled in by the server and ignored on save.</summary>
public sealed record ComplaintData(
    long Id,
    ComplaintKind Kind,
    DateTime ReceivedUtc,
    string From,
    string About,
    long? ClientId,
    long? CaseId,
    long? AssistantId,
    string Answer,
    RecordStatus Status,
    int Revision,
    DateTime? AnsweredUtc = null,
    string RegisteredByName = "",
    string ClientName = "",
    string CaseNumber = "",
    string AssistantName = "",
    DateOnly? EscalatedOn = null,
    DateOnly? CommitteeAnsweredOn = null);

/// <summary>An IVO investigation of the operation; <see cref="Id"/> 0 registers a new one. Names are filled in by the server.</summary>
public sealed record IvoInvestigationData(
    long Id,
    string Reference,
    DateOnly OpenedOn,
    string Subject,
    DateOnly? CommissionerToldOn,
    DateOnly? ClosedOn,
    string Outcome,
    int Revision,
    string RegisteredByName = "")
{
    public bool IsClosed => ClosedOn is not null;
}
