using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.Generation;
using Jour.Core.Incidents;
using Jour.Core.Journals;

namespace Jour.Storage.Postgres;

// Bulk writes for the large-data generator: one transaction per call, each row through the same insert as a single
// write (numbering, ids and columns alike). Row by row for now; COPY is the step when the generator's speed on
// PostgreSQL is measured.
public sealed partial class PgJourStore
{
    public void AddCaseHistories(IReadOnlyList<CaseHistory> histories) => InTransaction(w =>
    {
        foreach (CaseHistory h in histories)
        {
            InsertCase(w, h.Case);
            foreach (CaseEvent e in h.Timeline)
            {
                e.CaseId = h.Case.Id;
                AddEvent(w, e);
            }

            foreach (Deployment d in h.Deployments)
            {
                d.CaseId = h.Case.Id;
                w.Insert(PgTables.Deployments, d);
            }
        }
    });

    public void AddJournalEntries(IReadOnlyList<JournalEntry> entries) => InTransaction(w =>
    {
        foreach (JournalEntry e in entries)
        {
            w.Insert(PgTables.Journal, e);
        }
    });

    public void AddAccessLogEntries(IReadOnlyList<AccessLogEntry> entries) => InTransaction(w =>
    {
        foreach (AccessLogEntry e in entries)
        {
            w.Insert(PgTables.AccessLog, e);
        }
    });

    public void AddIncidents(IReadOnlyList<Incident> incidents) => InTransaction(w =>
    {
        foreach (Incident i in incidents)
        {
            w.Insert(PgTables.Incidents, i);
        }
    });

    public void AddComplaints(IReadOnlyList<Complaint> complaints) => InTransaction(w =>
    {
        foreach (Complaint c in complaints)
        {
            w.Insert(PgTables.Complaints, c);
        }
    });
}
