using Jour.Core.AccessLog;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.UseCases;

namespace Jour.Core.Sessions;

// Journals, the access log, incidents and complaints as a session sees them. Flat and immutable: JSON on the wire.
#pragma warning disable SA1649, CA1711

/// <summary>
/// A request to read one series of a client's journal. <see cref="Reason"/> is required when the user
/// is not on an open case of the client and is not MAS/MAR (emergency access).
/// </summary>
public sealed record JournalRequest(long ClientId, JournalSeries Series, string Reason) : IRequest<JournalView>;

/// <summary>One journal entry with its author's name resolved.</summary>
public sealed record JournalEntryData(long Id, DateTime AtUtc, string AuthorName, string Text, long? CorrectsId);

/// <summary>
/// One series of one client's journal, never both. When <see cref="ReasonRequired"/> is true nothing was
/// read (and nothing logged): the user must state a reason and ask again.
/// </summary>
public sealed record JournalView(
    long ClientId,
    string ClientName,
    JournalSeries Series,
    bool ReasonRequired,
    AccessBasis? Basis,
    string CaseNumber,
    IReadOnlyList<JournalEntryData> Entries);

/// <summary>A new entry, or with <see cref="CorrectsId"/> a correction of an earlier one in the same series.</summary>
public sealed record JournalEntryRequest(long ClientId, JournalSeries Series, string Text, long? CorrectsId, string Reason) : IRequest<JournalEntryData>;

/// <summary>Which part of the access log to show; null filters are not applied.</summary>
public sealed record AccessLogQuery(DateTime FromUtc, DateTime ToUtc, long? UserId, long? ClientId) : IRequest<IReadOnlyList<AccessLogRow>>;

/// <summary>One access log entry with names resolved.</summary>
public sealed record AccessLogRow(
    long Id,
    DateTime AtUtc,
    long UserId,
    string UserName,
    long ClientId,
    string ClientName,
    AccessedData What,
    AccessBasis Basis,
    string CaseNumber,
    string Reason)
{
    public bool IsEmergency => Basis == AccessBasis.Emergency;
}

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
#pragma warning restore SA1649, CA1711
