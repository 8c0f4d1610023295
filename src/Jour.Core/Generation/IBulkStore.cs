using Jour.Core.Cases;
using Jour.Core.Deployments;

namespace Jour.Core.Generation;

/// <summary>One case as it stands, its whole timeline and its deployments, ready to be stored together.</summary>
public sealed record CaseHistory(Case Case, IReadOnlyList<CaseEvent> Timeline, IReadOnlyList<Deployment> Deployments);

/// <summary>
/// Bulk writes for the large-data generator: many cases at once, in one transaction per call,
/// numbered as <see cref="ICaseStore.AddCase"/> numbers them (per local year, in the given order).
/// </summary>
public interface IBulkStore
{
    void AddCaseHistories(IReadOnlyList<CaseHistory> histories);

    /// <summary>Journal entries as they are (ids assigned), in one transaction.</summary>
    void AddJournalEntries(IReadOnlyList<Journals.JournalEntry> entries);

    void AddAccessLogEntries(IReadOnlyList<AccessLog.AccessLogEntry> entries);

    void AddIncidents(IReadOnlyList<Incidents.Incident> incidents);

    void AddComplaints(IReadOnlyList<Incidents.Complaint> complaints);
}
