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
    string ManagerNotifiedByName = "")
{
    public IncidentRecipient ReportTo => Incident.ReportTo(Kind);
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
    string AssistantName = "");
