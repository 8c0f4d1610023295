using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Generation;

namespace Jour.Storage;

/// <summary>Bulk writes for the large-data generator.</summary>
public sealed partial class LiteJourStore : IBulkStore
{
    public void AddCaseHistories(IReadOnlyList<CaseHistory> histories)
    {
        if (histories.Count == 0)
        {
            return;
        }

        InTransaction(() =>
        {
            var counters = new Dictionary<int, CounterDocument>();
            foreach (CaseHistory h in histories)
            {
                int year = SwedishTime.ToLocal(h.Case.ReceivedUtc).Year;
                if (!counters.TryGetValue(year, out CounterDocument? counter))
                {
                    counter = _counters.FindById($"case-{year}") ?? new CounterDocument { Id = $"case-{year}" };
                    counters[year] = counter;
                }

                counter.Value++;
                h.Case.Number = $"{year}-{counter.Value:0000}";
            }

            _cases.InsertBulk(histories.Select(h => h.Case));
            _events.InsertBulk(histories.SelectMany(h => h.Timeline.Select(e => Stamp(e, h.Case.Id))));
            _deployments.InsertBulk(histories.SelectMany(h => h.Deployments.Select(d => Stamp(d, h.Case.Id))));
            CaseHistoriesWritten(histories);
            foreach (CounterDocument counter in counters.Values)
            {
                _counters.Upsert(counter);
            }
        });
    }

    public void AddJournalEntries(IReadOnlyList<Core.Journals.JournalEntry> entries) => InTransaction(() => Journal.InsertBulk(entries));

    public void AddAccessLogEntries(IReadOnlyList<Core.AccessLog.AccessLogEntry> entries) => InTransaction(() => Access.InsertBulk(entries));

    public void AddIncidents(IReadOnlyList<Core.Incidents.Incident> incidents) => InTransaction(() => Incidents.InsertBulk(incidents));

    public void AddComplaints(IReadOnlyList<Core.Incidents.Complaint> complaints) => InTransaction(() => Complaints.InsertBulk(complaints));

    private static CaseEvent Stamp(CaseEvent e, long caseId)
    {
        e.CaseId = caseId;
        return e;
    }

    private static Deployment Stamp(Deployment d, long caseId)
    {
        d.CaseId = caseId;
        return d;
    }
}
