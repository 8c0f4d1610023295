using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.Generation;
using Jour.Core.Incidents;
using Jour.Core.Journals;

namespace Jour.Storage.Postgres;

// Bulk writes for the large-data generator: one transaction per call, the rows of each table in one COPY, numbered
// and given ids as the single writes number them and give them (ids in blocks from the identity, case numbers in
// blocks from each year's counter), with the same columns (PgTables).
public sealed partial class PgJourStore
{
    public void AddCaseHistories(IReadOnlyList<CaseHistory> histories) => InTransaction(w =>
    {
        Case[] cases = [.. histories.Select(h => h.Case)];
        NumberCases(w, cases);
        w.InsertAll(PgTables.Cases, cases);
        foreach (CaseHistory h in histories)
        {
            foreach (CaseEvent e in h.Timeline)
            {
                e.CaseId = h.Case.Id;
            }

            foreach (Deployment d in h.Deployments)
            {
                d.CaseId = h.Case.Id;
            }
        }

        w.InsertAll(PgTables.CaseEvents, [.. histories.SelectMany(h => h.Timeline)]);
        w.InsertAll(PgTables.Deployments, [.. histories.SelectMany(h => h.Deployments)]);
    });

    public void AddJournalEntries(IReadOnlyList<JournalEntry> entries) => InTransaction(w => w.InsertAll(PgTables.Journal, entries));

    public void AddAccessLogEntries(IReadOnlyList<AccessLogEntry> entries) => InTransaction(w => w.InsertAll(PgTables.AccessLog, entries));

    public void AddIncidents(IReadOnlyList<Incident> incidents) => InTransaction(w => w.InsertAll(PgTables.Incidents, incidents));

    public void AddComplaints(IReadOnlyList<Complaint> complaints) => InTransaction(w => w.InsertAll(PgTables.Complaints, complaints));
}
