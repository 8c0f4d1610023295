using Jour.Core.Contracts;
using Jour.Core.Incidents;

namespace Jour.Storage.Postgres;

// Incidents, complaints and IVO investigations (revision-checked, like the registers), contracts and paid hours.
// An incident's earliest open due day is a column so the status bar counts overdue ones by index; paid hours are
// read by a range of months.
public sealed partial class PgJourStore
{
    public IReadOnlyList<Incident> LoadIncidents() => ReadAll("incidents", PgDocuments.Incident);

    public Incident? FindIncident(long id) => FindById("incidents", id, PgDocuments.Incident);

    public Incident AddIncident(Incident incident)
    {
        InTransaction(w => w.Insert(PgTables.Incidents, incident));
        return incident;
    }

    public bool TryUpdateIncident(Incident incident, int expectedRevision) =>
        TryUpdate(PgTables.Incidents, incident, expectedRevision, i => i.Revision, (i, r) => i.Revision = r);

    public int CountIncidentsWithMeasuresDueBefore(string day) =>
        (int)ReadCount("SELECT count(*) FROM incidents WHERE open_measures_due_on <> '' AND open_measures_due_on < @day", ("day", day));

    public IReadOnlyList<Complaint> LoadComplaints() => ReadAll("complaints", PgDocuments.Complaint);

    public Complaint? FindComplaint(long id) => FindById("complaints", id, PgDocuments.Complaint);

    public Complaint AddComplaint(Complaint complaint)
    {
        InTransaction(w => w.Insert(PgTables.Complaints, complaint));
        return complaint;
    }

    public bool TryUpdateComplaint(Complaint complaint, int expectedRevision) =>
        TryUpdate(PgTables.Complaints, complaint, expectedRevision, c => c.Revision, (c, r) => c.Revision = r);

    public IReadOnlyList<IvoInvestigation> LoadIvoInvestigations() => ReadAll("ivo_investigations", PgDocuments.IvoInvestigation);

    public IvoInvestigation? FindIvoInvestigation(long id) => FindById("ivo_investigations", id, PgDocuments.IvoInvestigation);

    public IvoInvestigation AddIvoInvestigation(IvoInvestigation investigation)
    {
        InTransaction(w => w.Insert(PgTables.IvoInvestigations, investigation));
        return investigation;
    }

    public bool TryUpdateIvoInvestigation(IvoInvestigation investigation, int expectedRevision) =>
        TryUpdate(PgTables.IvoInvestigations, investigation, expectedRevision, i => i.Revision, (i, r) => i.Revision = r);

    public IReadOnlyList<Contract> LoadContracts() => ReadAll("contracts", PgDocuments.Contract);

    public Contract AddContract(Contract contract)
    {
        InTransaction(w => w.Insert(PgTables.Contracts, contract));
        return contract;
    }

    public void SaveContract(Contract contract) => Update(PgTables.Contracts, contract);

    public IReadOnlyList<PaidHours> LoadPaidHours(string fromMonth, string toMonth) => Read(
        "SELECT doc::text FROM paid_hours WHERE month >= @fromMonth AND month <= @toMonth ORDER BY month, id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.PaidHours), ("fromMonth", fromMonth), ("toMonth", toMonth));

    public void SavePaidHours(IReadOnlyList<PaidHours> rows) => InTransaction(w =>
    {
        foreach (PaidHours row in rows)
        {
            w.Execute(PgTables.PaidHours.Upsert, PgTables.PaidHours.Row(row));
        }
    });
}
