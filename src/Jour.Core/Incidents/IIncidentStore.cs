namespace Jour.Core.Incidents;

/// <summary>Where incidents and complaints are kept.</summary>
public interface IIncidentStore
{
    IReadOnlyList<Incident> LoadIncidents();

    Incident? FindIncident(long id);

    Incident AddIncident(Incident incident);

    /// <summary>Saves if the stored revision is still <paramref name="expectedRevision"/> (then bumps it); false otherwise.</summary>
    bool TryUpdateIncident(Incident incident, int expectedRevision);

    /// <summary>How many incidents have a measure not done whose last day is before <paramref name="day"/> (yyyy-MM-dd), by the index.</summary>
    int CountIncidentsWithMeasuresDueBefore(string day);

    IReadOnlyList<Complaint> LoadComplaints();

    Complaint? FindComplaint(long id);

    Complaint AddComplaint(Complaint complaint);

    bool TryUpdateComplaint(Complaint complaint, int expectedRevision);

    IReadOnlyList<IvoInvestigation> LoadIvoInvestigations();

    IvoInvestigation? FindIvoInvestigation(long id);

    IvoInvestigation AddIvoInvestigation(IvoInvestigation investigation);

    bool TryUpdateIvoInvestigation(IvoInvestigation investigation, int expectedRevision);
}
