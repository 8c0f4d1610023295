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
        InTransaction(w => InsertIncident(w, incident));
        return incident;
    }

    private static void InsertIncident(Writer w, Incident incident)
    {
        incident.Id = w.NewId("incidents", incident.Id);
        w.Execute("INSERT INTO incidents (id, open_measures_due_on, revision, doc) VALUES (@id, @due, @revision, @doc::jsonb)", IncidentParameters(incident));
    }

    public bool TryUpdateIncident(Incident incident, int expectedRevision) =>
        TryUpdate(incident, expectedRevision, i => i.Revision, (i, r) => i.Revision = r, (w, i) => w.Execute(
            "UPDATE incidents SET open_measures_due_on = @due, revision = @revision, doc = @doc::jsonb WHERE id = @id AND revision = @expected",
            [.. IncidentParameters(i), ("expected", expectedRevision)]));

    public int CountIncidentsWithMeasuresDueBefore(string day) =>
        (int)ReadCount("SELECT count(*) FROM incidents WHERE open_measures_due_on <> '' AND open_measures_due_on < @day", ("day", day));

    private static (string, object?)[] IncidentParameters(Incident i) =>
        [("id", i.Id), ("due", i.OpenMeasuresDueOn), ("revision", i.Revision), ("doc", PgDocuments.Write(i, PgDocuments.Incident))];

    public IReadOnlyList<Complaint> LoadComplaints() => ReadAll("complaints", PgDocuments.Complaint);

    public Complaint? FindComplaint(long id) => FindById("complaints", id, PgDocuments.Complaint);

    public Complaint AddComplaint(Complaint complaint)
    {
        InTransaction(w => InsertComplaint(w, complaint));
        return complaint;
    }

    private static void InsertComplaint(Writer w, Complaint complaint) =>
        InsertDocument(w, "complaints", complaint.Id, id => complaint.Id = id, complaint.Revision, () => PgDocuments.Write(complaint, PgDocuments.Complaint));

    public bool TryUpdateComplaint(Complaint complaint, int expectedRevision) =>
        TryUpdate(complaint, expectedRevision, c => c.Revision, (c, r) => c.Revision = r, (w, c) =>
            UpdateDocument(w, "complaints", c.Id, c.Revision, PgDocuments.Write(c, PgDocuments.Complaint), expectedRevision));

    public IReadOnlyList<IvoInvestigation> LoadIvoInvestigations() => ReadAll("ivo_investigations", PgDocuments.IvoInvestigation);

    public IvoInvestigation? FindIvoInvestigation(long id) => FindById("ivo_investigations", id, PgDocuments.IvoInvestigation);

    public IvoInvestigation AddIvoInvestigation(IvoInvestigation investigation)
    {
        InTransaction(w => InsertDocument(w, "ivo_investigations", investigation.Id, id => investigation.Id = id, investigation.Revision, () => PgDocuments.Write(investigation, PgDocuments.IvoInvestigation)));
        return investigation;
    }

    public bool TryUpdateIvoInvestigation(IvoInvestigation investigation, int expectedRevision) =>
        TryUpdate(investigation, expectedRevision, i => i.Revision, (i, r) => i.Revision = r, (w, i) =>
            UpdateDocument(w, "ivo_investigations", i.Id, i.Revision, PgDocuments.Write(i, PgDocuments.IvoInvestigation), expectedRevision));

    public IReadOnlyList<Contract> LoadContracts() => ReadAll("contracts", PgDocuments.Contract);

    public Contract AddContract(Contract contract)
    {
        InTransaction(w => InsertPlain(w, "contracts", contract.Id, id => contract.Id = id, () => PgDocuments.Write(contract, PgDocuments.Contract)));
        return contract;
    }

    public void SaveContract(Contract contract) => InTransaction(w =>
        w.Execute("UPDATE contracts SET doc = @doc::jsonb WHERE id = @id", ("id", contract.Id), ("doc", PgDocuments.Write(contract, PgDocuments.Contract))));

    public IReadOnlyList<PaidHours> LoadPaidHours(string fromMonth, string toMonth) => Read(
        "SELECT doc::text FROM paid_hours WHERE month >= @fromMonth AND month <= @toMonth ORDER BY month, id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.PaidHours), ("fromMonth", fromMonth), ("toMonth", toMonth));

    public void SavePaidHours(IReadOnlyList<PaidHours> rows) => InTransaction(w =>
    {
        foreach (PaidHours row in rows)
        {
            w.Execute(
                "INSERT INTO paid_hours (id, month, doc) VALUES (@id, @month, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET month = excluded.month, doc = excluded.doc",
                PaidHoursParameters(row));
        }
    });

    private static (string, object?)[] PaidHoursParameters(PaidHours p) => [("id", p.Id), ("month", p.Month), ("doc", PgDocuments.Write(p, PgDocuments.PaidHours))];
}
