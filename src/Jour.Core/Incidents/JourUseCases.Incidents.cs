using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Incidents (tillbud, avvikelse; lex Maria to MAS, lex Sarah to the responsible manager) and complaints.
public sealed partial class JourUseCases
{
    /// <summary>Every incident, the newest first.</summary>
    public IReadOnlyList<IncidentData> GetIncidents(SessionInfo actor)
    {
        var lookups = new RecordLookups(this);
        return [.. _store.LoadIncidents().OrderByDescending(i => i.OccurredUtc).ThenByDescending(i => i.Id).Select(lookups.ToData)];
    }

    /// <summary>
    /// Creates (<see cref="IncidentData.Id"/> 0) or updates an incident against the revision the user saw.
    /// A notification of MAS/MAR or of the responsible manager is stamped with time and user the first
    /// time it is marked, and is never taken back.
    /// </summary>
    public IncidentData SaveIncident(SessionInfo actor, IncidentData data)
    {
        InputLimits.Check(data);
        if (string.IsNullOrWhiteSpace(data.Description))
        {
            throw new JourException(ErrorCodes.IncidentDescriptionRequired);
        }

        DateTime now = UtcNow;
        if (Utc(data.OccurredUtc) > now.AddMinutes(5))
        {
            throw new JourException(ErrorCodes.IncidentInFuture);
        }

        Incident saved;
        lock (_gate.Lock)
        {
            long? clientId = CheckLinks(data.ClientId, data.CaseId, data.AssistantId);
            Incident incident = data.Id == 0
                ? new Incident { ReportedUtc = now, ReportedBy = actor.UserId }
                : _store.FindIncident(data.Id) ?? throw new JourException(ErrorCodes.IncidentNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
            if (data.Id != 0 && incident.Revision != data.Revision)
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }

            incident.Kind = data.Kind;
            incident.OccurredUtc = Utc(data.OccurredUtc);
            incident.ClientId = clientId;
            incident.CaseId = data.CaseId;
            incident.AssistantId = data.AssistantId;
            incident.Description = data.Description.Trim();
            incident.Actions = data.Actions.Trim();
            incident.Status = data.Status;
            if (data.MasNotified && incident.MasNotifiedUtc is null)
            {
                incident.MasNotifiedUtc = now;
                incident.MasNotifiedBy = actor.UserId;
            }

            if (data.ManagerNotified && incident.ManagerNotifiedUtc is null)
            {
                incident.ManagerNotifiedUtc = now;
                incident.ManagerNotifiedBy = actor.UserId;
            }

            if (data.Id == 0)
            {
                saved = _store.AddIncident(incident);
            }
            else if (!_store.TryUpdateIncident(incident, data.Revision))
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }
            else
            {
                saved = incident;
            }
        }

        Wrote();
        LogIncidentSaved(saved.Id, saved.Kind, actor.UserId);
        return new RecordLookups(this).ToData(saved);
    }

    /// <summary>
    /// MAS/MAR's assessment, added after any earlier one (which stays): lex Maria or not, the day, the reasoning, and
    /// the day it was reported to IVO, which only a lex Maria matter has. Neither day may be in the future.
    /// </summary>
    public IncidentData AssessIncident(SessionInfo actor, AssessIncident request)
    {
        TextLimits.Description.Check(request.Reasoning);
        DateOnly assessedOn = PastDay(request.AssessedOn);
        DateOnly? ivo = string.IsNullOrWhiteSpace(request.IvoReportedOn) ? null : PastDay(request.IvoReportedOn);
        if (string.IsNullOrWhiteSpace(request.Reasoning))
        {
            throw new JourException(ErrorCodes.AssessmentReasoningRequired);
        }

        if (ivo is not null && !request.LexMaria)
        {
            throw new JourException(ErrorCodes.IvoWithoutLexMaria);
        }

        return ChangeIncident(actor, request.IncidentId, request.Revision, i => i.Assessments.Add(new MasAssessment
        {
            AssessedOn = IsoDate.Format(assessedOn),
            LexMaria = request.LexMaria,
            Reasoning = request.Reasoning.Trim(),
            IvoReportedOn = ivo is { } day ? IsoDate.Format(day) : "",
            AssessedBy = actor.UserId,
            RecordedUtc = UtcNow,
        }));
    }

    /// <summary>A measure MAS/MAR requires: what and who answer for it are required, the last day is a date.</summary>
    public IncidentData RequireMeasure(SessionInfo actor, RequireMeasure request)
    {
        TextLimits.Description.Check(request.What);
        TextLimits.Name.Check(request.Responsible);
        if (string.IsNullOrWhiteSpace(request.What))
        {
            throw new JourException(ErrorCodes.MeasureWhatRequired);
        }

        if (string.IsNullOrWhiteSpace(request.Responsible))
        {
            throw new JourException(ErrorCodes.MeasureResponsibleRequired);
        }

        DateOnly due = IsoDate.Parse(request.DueOn?.Trim()) ?? throw new JourException(ErrorCodes.DateInvalid, request.DueOn ?? "");
        return ChangeIncident(actor, request.IncidentId, request.Revision, i => i.Require(request.What.Trim(), request.Responsible.Trim(), due, actor.UserId, UtcNow));
    }

    /// <summary>A required measure done on a day not in the future; once done it stays done.</summary>
    public IncidentData MarkMeasureDone(SessionInfo actor, MarkMeasureDone request)
    {
        DateOnly done = PastDay(request.DoneOn);
        return ChangeIncident(actor, request.IncidentId, request.Revision, i => i.MarkDone(request.Number, done, actor.UserId, UtcNow));
    }

    /// <summary>Changes a stored incident against the revision the user saw; a change someone else saved first is refused.</summary>
    private IncidentData ChangeIncident(SessionInfo actor, long incidentId, int revision, Action<Incident> change)
    {
        Incident incident;
        lock (_gate.Lock)
        {
            incident = _store.FindIncident(incidentId) ?? throw new JourException(ErrorCodes.IncidentNotFound, incidentId.ToString(CultureInfo.InvariantCulture));
            if (incident.Revision != revision)
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }

            change(incident);
            if (!_store.TryUpdateIncident(incident, revision))
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }
        }

        Wrote();
        Published(new Changes.ChangeNotice(Changes.ChangeKind.Incident, incident.Id));
        LogIncidentSaved(incident.Id, incident.Kind, actor.UserId);
        return new RecordLookups(this).ToData(incident);
    }

    /// <summary>A typed day (yyyy-MM-dd) that is not after today, Swedish time.</summary>
    private DateOnly PastDay(string? typed)
    {
        DateOnly day = IsoDate.Parse(typed?.Trim()) ?? throw new JourException(ErrorCodes.DateInvalid, typed ?? "");
        return day <= SwedishTime.Today(UtcNow) ? day : throw new JourException(ErrorCodes.DayInFuture, IsoDate.Format(day));
    }

    /// <summary>Every complaint and view, the newest first.</summary>
    public IReadOnlyList<ComplaintData> GetComplaints(SessionInfo actor)
    {
        var lookups = new RecordLookups(this);
        return [.. _store.LoadComplaints().OrderByDescending(c => c.ReceivedUtc).ThenByDescending(c => c.Id).Select(lookups.ToData)];
    }

    /// <summary>Creates or updates a complaint; the first answer is stamped with its time; "answered" needs an answer.</summary>
    public ComplaintData SaveComplaint(SessionInfo actor, ComplaintData data)
    {
        InputLimits.Check(data);
        if (string.IsNullOrWhiteSpace(data.From))
        {
            throw new JourException(ErrorCodes.ComplaintFromRequired);
        }

        if (string.IsNullOrWhiteSpace(data.About))
        {
            throw new JourException(ErrorCodes.ComplaintAboutRequired);
        }

        if (data.Status == RecordStatus.Answered && string.IsNullOrWhiteSpace(data.Answer))
        {
            throw new JourException(ErrorCodes.ComplaintAnswerRequired);
        }

        CheckEscalation(data.EscalatedOn, data.CommitteeAnsweredOn);
        DateTime now = UtcNow;
        Complaint saved;
        lock (_gate.Lock)
        {
            long? clientId = CheckLinks(data.ClientId, data.CaseId, data.AssistantId);
            Complaint complaint = data.Id == 0
                ? new Complaint { ReceivedUtc = data.ReceivedUtc == default ? now : Utc(data.ReceivedUtc), RegisteredBy = actor.UserId }
                : _store.FindComplaint(data.Id) ?? throw new JourException(ErrorCodes.ComplaintNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
            if (data.Id != 0 && complaint.Revision != data.Revision)
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }

            complaint.Kind = data.Kind;
            complaint.From = data.From.Trim();
            complaint.About = data.About.Trim();
            complaint.ClientId = clientId;
            complaint.CaseId = data.CaseId;
            complaint.AssistantId = data.AssistantId;
            complaint.Answer = data.Answer.Trim();
            complaint.Status = data.Status;
            complaint.EscalatedOn = data.EscalatedOn is { } escalated ? IsoDate.Format(escalated) : "";
            complaint.CommitteeAnsweredOn = data.CommitteeAnsweredOn is { } answered ? IsoDate.Format(answered) : "";
            if (complaint.Answer.Length > 0 && complaint.AnsweredUtc is null)
            {
                complaint.AnsweredUtc = now;
            }

            if (data.Id == 0)
            {
                saved = _store.AddComplaint(complaint);
            }
            else if (!_store.TryUpdateComplaint(complaint, data.Revision))
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }
            else
            {
                saved = complaint;
            }
        }

        Wrote();
        LogComplaintSaved(saved.Id, actor.UserId);
        return new RecordLookups(this).ToData(saved);
    }

    /// <summary>A complaint escalated to the committee: neither day in the future, and no answer before it was escalated.</summary>
    private void CheckEscalation(DateOnly? escalatedOn, DateOnly? answeredOn)
    {
        DateOnly today = SwedishTime.Today(UtcNow);
        foreach (DateOnly day in new[] { escalatedOn, answeredOn }.OfType<DateOnly>().Where(d => d > today))
        {
            throw new JourException(ErrorCodes.DayInFuture, IsoDate.Format(day));
        }

        if (answeredOn is { } answered && (escalatedOn is not { } escalated || answered < escalated))
        {
            throw new JourException(ErrorCodes.CommitteeAnswerBeforeEscalation);
        }
    }

    /// <summary>The IVO investigations of the operation, the open ones first, then the newest.</summary>
    public IReadOnlyList<IvoInvestigationData> GetIvoInvestigations()
    {
        var users = UserNames();
        return [.. _store.LoadIvoInvestigations().OrderBy(i => i.ClosedOn.Length > 0).ThenByDescending(i => i.OpenedOn, StringComparer.Ordinal).ThenByDescending(i => i.Id).Select(i => ToData(i, users))];
    }

    /// <summary>
    /// Registers or updates an IVO investigation: IVO's reference and the subject are required; no day is in the future
    /// or before the day it opened; a closed one says its outcome.
    /// </summary>
    public IvoInvestigationData SaveIvoInvestigation(SessionInfo actor, IvoInvestigationData data)
    {
        TextLimits.Number.Check(data.Reference);
        TextLimits.Description.Check(data.Subject);
        TextLimits.Description.Check(data.Outcome);
        if (string.IsNullOrWhiteSpace(data.Reference))
        {
            throw new JourException(ErrorCodes.IvoReferenceRequired);
        }

        if (string.IsNullOrWhiteSpace(data.Subject))
        {
            throw new JourException(ErrorCodes.IvoSubjectRequired);
        }

        DateOnly today = SwedishTime.Today(UtcNow);
        foreach (DateOnly day in new DateOnly?[] { data.OpenedOn, data.CommissionerToldOn, data.ClosedOn }.OfType<DateOnly>())
        {
            if (day > today)
            {
                throw new JourException(ErrorCodes.DayInFuture, IsoDate.Format(day));
            }

            if (day < data.OpenedOn)
            {
                throw new JourException(ErrorCodes.IvoDayBeforeOpened, IsoDate.Format(day), IsoDate.Format(data.OpenedOn));
            }
        }

        if (data.ClosedOn is not null && string.IsNullOrWhiteSpace(data.Outcome))
        {
            throw new JourException(ErrorCodes.IvoOutcomeRequired);
        }

        IvoInvestigation saved;
        lock (_gate.Lock)
        {
            IvoInvestigation investigation = data.Id == 0
                ? new IvoInvestigation { RegisteredBy = actor.UserId, RegisteredUtc = UtcNow }
                : _store.FindIvoInvestigation(data.Id) ?? throw new JourException(ErrorCodes.IvoInvestigationNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
            if (data.Id != 0 && investigation.Revision != data.Revision)
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }

            investigation.Reference = data.Reference.Trim();
            investigation.OpenedOn = IsoDate.Format(data.OpenedOn);
            investigation.Subject = data.Subject.Trim();
            investigation.CommissionerToldOn = data.CommissionerToldOn is { } told ? IsoDate.Format(told) : "";
            investigation.ClosedOn = data.ClosedOn is { } closed ? IsoDate.Format(closed) : "";
            investigation.Outcome = data.Outcome.Trim();
            if (data.Id == 0)
            {
                saved = _store.AddIvoInvestigation(investigation);
            }
            else if (!_store.TryUpdateIvoInvestigation(investigation, data.Revision))
            {
                throw new JourException(ErrorCodes.RecordChangedByOther);
            }
            else
            {
                saved = investigation;
            }
        }

        Wrote();
        LogIvoInvestigationSaved(saved.Id, actor.UserId);
        return ToData(saved, UserNames());
    }

    private static IvoInvestigationData ToData(IvoInvestigation i, Dictionary<long, string> users) => new(
        i.Id,
        i.Reference,
        IsoDate.Parse(i.OpenedOn) ?? default,
        i.Subject,
        IsoDate.Parse(i.CommissionerToldOn),
        IsoDate.Parse(i.ClosedOn),
        i.Outcome,
        i.Revision,
        users.GetValueOrDefault(i.RegisteredBy, "?"));

    /// <summary>Checks that linked client, case and assistant exist; a case alone brings its client. Returns the client.</summary>
    private long? CheckLinks(long? clientId, long? caseId, long? assistantId)
    {
        if (clientId is { } client && _store.FindClient(client) is null)
        {
            throw new JourException(ErrorCodes.ClientNotFound, client.ToString(CultureInfo.InvariantCulture));
        }

        if (caseId is { } id)
        {
            Cases.Case c = _store.FindCase(id) ?? throw new JourException(ErrorCodes.CaseNotFound, id.ToString(CultureInfo.InvariantCulture));
            if (clientId is { } other && other != c.ClientId)
            {
                throw new JourException(ErrorCodes.CaseOfOtherClient);
            }

            clientId = c.ClientId;
        }

        if (assistantId is { } a && _store.FindStaff(a) is null)
        {
            throw new JourException(ErrorCodes.AssistantNotFound, a.ToString(CultureInfo.InvariantCulture));
        }

        return clientId;
    }

    /// <summary>Names for the records' ids, loaded once per answer.</summary>
    private sealed class RecordLookups(JourUseCases owner)
    {
        private readonly Dictionary<long, string> _users = owner.UserNames();
        private readonly Dictionary<long, string> _clients = owner._store.LoadClients().ToDictionary(c => c.Id, c => c.Name);
        private readonly Dictionary<long, (string Name, bool Blocked)> _staff = owner._store.LoadStaff().ToDictionary(s => s.Id, s => (s.Name, s.IsBlocked));
        private readonly Dictionary<long, string> _cases = [];

        public IncidentData ToData(Incident i) => new(
            i.Id,
            i.Kind,
            i.OccurredUtc,
            i.ClientId,
            i.CaseId,
            i.AssistantId,
            i.Description,
            i.Actions,
            i.Status,
            i.MasNotifiedUtc is not null,
            i.ManagerNotifiedUtc is not null,
            i.Revision,
            i.ReportedUtc,
            _users.GetValueOrDefault(i.ReportedBy, "?"),
            Client(i.ClientId),
            Case(i.CaseId),
            i.AssistantId is { } a ? _staff.GetValueOrDefault(a).Name ?? "?" : "",
            i.AssistantId is { } b && _staff.GetValueOrDefault(b).Blocked,
            i.MasNotifiedUtc,
            i.MasNotifiedBy is { } m ? _users.GetValueOrDefault(m, "?") : "",
            i.ManagerNotifiedUtc,
            i.ManagerNotifiedBy is { } g ? _users.GetValueOrDefault(g, "?") : "",
            [.. i.Assessments.Select(a => new MasAssessmentData(
                IsoDate.Parse(a.AssessedOn) ?? default,
                a.LexMaria,
                a.Reasoning,
                IsoDate.Parse(a.IvoReportedOn),
                _users.GetValueOrDefault(a.AssessedBy, "?"),
                a.RecordedUtc))],
            [.. i.Measures.Select(m => new MeasureData(
                m.Number,
                m.What,
                m.Responsible,
                IsoDate.Parse(m.DueOn) ?? default,
                _users.GetValueOrDefault(m.RequiredBy, "?"),
                IsoDate.Parse(m.DoneOn),
                m.DoneBy is { } d ? _users.GetValueOrDefault(d, "?") : ""))]);

        public ComplaintData ToData(Complaint c) => new(
            c.Id,
            c.Kind,
            c.ReceivedUtc,
            c.From,
            c.About,
            c.ClientId,
            c.CaseId,
            c.AssistantId,
            c.Answer,
            c.Status,
            c.Revision,
            c.AnsweredUtc,
            _users.GetValueOrDefault(c.RegisteredBy, "?"),
            Client(c.ClientId),
            Case(c.CaseId),
            c.AssistantId is { } a ? _staff.GetValueOrDefault(a).Name ?? "?" : "",
            IsoDate.Parse(c.EscalatedOn),
            IsoDate.Parse(c.CommitteeAnsweredOn));

        private string Client(long? id) => id is { } c ? _clients.GetValueOrDefault(c, "?") : "";

        private string Case(long? id)
        {
            if (id is not { } caseId)
            {
                return "";
            }

            if (!_cases.TryGetValue(caseId, out string? number))
            {
                number = owner._store.FindCase(caseId)?.Number ?? "?";
                _cases[caseId] = number;
            }

            return number;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} ({Kind}) saved by user {UserId}")]
    private partial void LogIncidentSaved(long incidentId, IncidentKind kind, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "IVO investigation {InvestigationId} saved by user {UserId}")]
    private partial void LogIvoInvestigationSaved(long investigationId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {ComplaintId} saved by user {UserId}")]
    private partial void LogComplaintSaved(long complaintId, long userId);
}
