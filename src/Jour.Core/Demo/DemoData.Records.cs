using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Demo;

// Journal entries in both series, an incident that names an assistant, a complaint, and a few
// access log entries (one an emergency access), so the review screens have something to show.
public static partial class DemoData
{
    private static void SeedRecords(IJourStore store, DateTime now)
    {
        var users = store.LoadUsers();
        User mas = users.First(u => u.Roles.HasFlag(Role.MedicalResponsible));
        User coordinator = users.First(u => u.Roles.HasFlag(Role.Coordinator));

        // The open cases in staffing: their clients get journals written by the case's officer.
        var cases = store.LoadOpenCases().Where(c => c.State is CaseState.Staffing or CaseState.Covered).OrderBy(c => c.ReceivedUtc).ToList();
        foreach (Case c in cases)
        {
            long officer = store.LoadTimeline(c.Id).OrderBy(e => e.AtUtc).First().UserId;
            DateTime at = c.ReceivedUtc.AddMinutes(45);
            store.AppendJournalEntry(new JournalEntry { ClientId = c.ClientId, Series = JournalSeries.Lss, AtUtc = at, AuthorId = officer, Text = Messages.Get("Demo_Journal_Lss1") });
            JournalEntry wrong = store.AppendJournalEntry(new JournalEntry { ClientId = c.ClientId, Series = JournalSeries.Lss, AtUtc = at.AddMinutes(30), AuthorId = officer, Text = Messages.Get("Demo_Journal_Lss2") });
            store.AppendJournalEntry(new JournalEntry { ClientId = c.ClientId, Series = JournalSeries.Lss, AtUtc = at.AddMinutes(50), AuthorId = officer, Text = Messages.Get("Demo_Journal_Lss2Correction"), CorrectsId = wrong.Id });
            store.AppendJournalEntry(new JournalEntry { ClientId = c.ClientId, Series = JournalSeries.Sol, AtUtc = at.AddMinutes(20), AuthorId = officer, Text = Messages.Get("Demo_Journal_Sol1") });
            store.AppendAccess(new AccessLogEntry { AtUtc = at.AddMinutes(55), UserId = officer, ClientId = c.ClientId, What = AccessedData.JournalLss, Basis = AccessBasis.OnCase, CaseId = c.Id });
        }

        if (cases.Count == 0)
        {
            return;
        }

        Case first = cases[0];
        long firstOfficer = store.LoadTimeline(first.Id).OrderBy(e => e.AtUtc).First().UserId;
        store.AppendAccess(new AccessLogEntry
        {
            AtUtc = now.AddHours(-2),
            UserId = coordinator.Id,
            ClientId = first.ClientId,
            What = AccessedData.JournalSol,
            Basis = AccessBasis.Emergency,
            Reason = Messages.Get("Demo_EmergencyReason"),
        });

        var assistant = store.LoadStaff().Where(s => !s.IsBlocked).OrderBy(s => s.Id).Skip(3).First();
        store.AddIncident(new Incident
        {
            Kind = IncidentKind.CareInjuryRisk,
            OccurredUtc = now.AddHours(-6),
            ReportedUtc = now.AddHours(-5),
            ReportedBy = firstOfficer,
            ClientId = first.ClientId,
            CaseId = first.Id,
            AssistantId = assistant.Id,
            Description = Messages.Get("Demo_Incident_Description"),
            Actions = Messages.Get("Demo_Incident_Actions"),
            Status = RecordStatus.Investigating,
            MasNotifiedUtc = now.AddHours(-4.5),
            MasNotifiedBy = firstOfficer,
        });
        store.AddIncident(new Incident
        {
            Kind = IncidentKind.NearMiss,
            OccurredUtc = now.AddDays(-3),
            ReportedUtc = now.AddDays(-3).AddHours(1),
            ReportedBy = firstOfficer,
            ClientId = cases[^1].ClientId,
            Description = Messages.Get("Demo_NearMiss_Description"),
            Status = RecordStatus.Closed,
        });
        store.AddComplaint(new Complaint
        {
            Kind = ComplaintKind.Complaint,
            ReceivedUtc = now.AddDays(-1),
            RegisteredBy = mas.Id,
            From = Messages.Get("Demo_Complaint_From"),
            About = Messages.Get("Demo_Complaint_About"),
            ClientId = first.ClientId,
            CaseId = first.Id,
            Status = RecordStatus.Investigating,
        });
        store.AddComplaint(new Complaint
        {
            Kind = ComplaintKind.Feedback,
            ReceivedUtc = now.AddDays(-5),
            RegisteredBy = coordinator.Id,
            From = Messages.Get("Demo_Feedback_From"),
            About = Messages.Get("Demo_Feedback_About"),
            Answer = Messages.Get("Demo_Feedback_Answer"),
            AnsweredUtc = now.AddDays(-4),
            Status = RecordStatus.Answered,
        });
    }
}
