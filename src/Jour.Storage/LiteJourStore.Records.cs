using Jour.Core.AccessLog;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using LiteDB;

namespace Jour.Storage;

// Journals and the access log (insert and read only: there is no update or delete for either),
// incidents and complaints.
public sealed partial class LiteJourStore
{
    private ILiteCollection<JournalEntry> Journal => _db.GetCollection<JournalEntry>("journal");

    private ILiteCollection<AccessLogEntry> Access => _db.GetCollection<AccessLogEntry>("access_log");

    private ILiteCollection<Incident> Incidents => _db.GetCollection<Incident>("incidents");

    private ILiteCollection<Complaint> Complaints => _db.GetCollection<Complaint>("complaints");

    private ILiteCollection<IvoInvestigation> IvoInvestigations => _db.GetCollection<IvoInvestigation>("ivo_investigations");

    public IReadOnlyList<JournalEntry> LoadJournal(long clientId, JournalSeries series) =>
        [.. Journal.Find(Query.EQ(nameof(JournalEntry.ClientId), clientId)).Where(e => e.Series == series)];

    public JournalEntry? FindJournalEntry(long id) => Journal.FindById(id);

    public JournalEntry AppendJournalEntry(JournalEntry entry)
    {
        InTransaction(() => Journal.Insert(entry));
        return entry;
    }

    public void AppendAccess(AccessLogEntry entry) => InTransaction(() => Access.Insert(entry), mayUseReserve: true);

    public IReadOnlyList<AccessLogEntry> LoadAccessLog(DateTime fromUtc, DateTime toUtc, long? clientId = null) => clientId is { } client
        ? [.. Access.Find(Query.EQ(nameof(AccessLogEntry.ClientId), client)).Where(e => e.AtUtc >= fromUtc && e.AtUtc < toUtc)]
        : [.. Access.Find(Query.And(Query.GTE(nameof(AccessLogEntry.AtUtc), fromUtc), Query.LT(nameof(AccessLogEntry.AtUtc), toUtc)))];

    public IReadOnlyList<Incident> LoadIncidents() => [.. Incidents.FindAll()];

    public Incident? FindIncident(long id) => Incidents.FindById(id);

    public Incident AddIncident(Incident incident)
    {
        InTransaction(() => Incidents.Insert(incident));
        return incident;
    }

    public bool TryUpdateIncident(Incident incident, int expectedRevision) =>
        TryUpdate(Incidents, incident, incident.Id, expectedRevision, i => i.Revision, (i, r) => i.Revision = r);

    public int CountIncidentsWithMeasuresDueBefore(string day) =>
        Incidents.Count(Query.And(Query.GT(nameof(Incident.OpenMeasuresDueOn), ""), Query.LT(nameof(Incident.OpenMeasuresDueOn), day)));

    public IReadOnlyList<Complaint> LoadComplaints() => [.. Complaints.FindAll()];

    public Complaint? FindComplaint(long id) => Complaints.FindById(id);

    public Complaint AddComplaint(Complaint complaint)
    {
        InTransaction(() => Complaints.Insert(complaint));
        return complaint;
    }

    public bool TryUpdateComplaint(Complaint complaint, int expectedRevision) =>
        TryUpdate(Complaints, complaint, complaint.Id, expectedRevision, c => c.Revision, (c, r) => c.Revision = r);

    public IReadOnlyList<IvoInvestigation> LoadIvoInvestigations() => [.. IvoInvestigations.FindAll()];

    public IvoInvestigation? FindIvoInvestigation(long id) => IvoInvestigations.FindById(id);

    public IvoInvestigation AddIvoInvestigation(IvoInvestigation investigation)
    {
        InTransaction(() => IvoInvestigations.Insert(investigation));
        return investigation;
    }

    public bool TryUpdateIvoInvestigation(IvoInvestigation investigation, int expectedRevision) =>
        TryUpdate(IvoInvestigations, investigation, investigation.Id, expectedRevision, i => i.Revision, (i, r) => i.Revision = r);

    /// <summary>
    /// Indexes of the record collections. New collections need no migration, so these are ensured on every
    /// open (a no-op once they exist) instead of in <see cref="Migrate"/>, which runs only on a version change.
    /// </summary>
    private void EnsureRecordIndexes()
    {
        Journal.EnsureIndex(e => e.ClientId);
        Access.EnsureIndex(e => e.AtUtc);
        Access.EnsureIndex(e => e.ClientId);
        Incidents.EnsureIndex(i => i.OpenMeasuresDueOn);
    }
}
