using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Records;

/// <summary>Journals, the access log, incidents and complaints through the use cases on the demo data.</summary>
public sealed class RecordsUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 40, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _mas;
    private readonly SessionInfo _admin;
    private readonly SessionInfo _onCall;

    /// <summary>A client with an open case, the officer who opened it, and an officer neither on it nor on call.</summary>
    private readonly long _client;
    private readonly Case _case;
    private readonly SessionInfo _caseOfficer;
    private readonly SessionInfo _outsider;

    public RecordsUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        var users = _store.LoadUsers();
        _mas = Session(users.First(u => u.Roles.HasFlag(Role.MedicalResponsible)));
        _admin = Session(users.First(u => u.Roles == Role.Admin));
        long onCallId = _useCases.GetOnCallAt(s_now).Current!.OfficerId;
        _onCall = Session(users.First(u => u.Id == onCallId));
        _case = _store.LoadOpenCases().Where(c => c.State == CaseState.Staffing).OrderBy(c => c.ReceivedUtc)
            .First(c => _store.LoadTimeline(c.Id).All(e => e.UserId != onCallId));
        _client = _case.ClientId;
        long author = _store.LoadTimeline(_case.Id).OrderBy(e => e.AtUtc).First().UserId;
        _caseOfficer = Session(users.First(u => u.Id == author));
        var onClientCases = _store.LoadOpenCases().Where(c => c.ClientId == _client).SelectMany(c => _store.LoadTimeline(c.Id)).Select(e => e.UserId).ToHashSet();
        _outsider = Session(users.First(u => u.Roles == Role.OnCallOfficer && u.Id != onCallId && !onClientCases.Contains(u.Id)));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void OfficerOnTheCase_ReadsWithoutAReason_TheReadIsLoggedWithTheCase()
    {
        JournalView view = _useCases.GetJournal(_caseOfficer, new JournalRequest(_client, JournalSeries.Lss, ""));

        Assert.False(view.ReasonRequired);
        Assert.Equal(AccessBasis.OnCase, view.Basis);
        Assert.Equal(_case.Number, view.CaseNumber);
        Assert.NotEmpty(view.Entries);
        AccessLogRow row = Log(_caseOfficer).Single();
        Assert.Equal(AccessedData.JournalLss, row.What);
        Assert.Equal(_case.Number, row.CaseNumber);
        Assert.False(row.IsEmergency);
    }

    [Fact]
    public void JournalReadByAUserWithoutACase_AsksForAReason_ThenWritesAnEmergencyEntry()
    {
        JournalView asked = _useCases.GetJournal(_outsider, new JournalRequest(_client, JournalSeries.Lss, "  "));
        Assert.True(asked.ReasonRequired);
        Assert.Empty(asked.Entries);
        Assert.Empty(Log(_outsider));

        JournalView read = _useCases.GetJournal(_outsider, new JournalRequest(_client, JournalSeries.Lss, "Brukaren ringde, ingen på ärendet svarar"));

        Assert.False(read.ReasonRequired);
        Assert.Equal(AccessBasis.Emergency, read.Basis);
        Assert.NotEmpty(read.Entries);
        AccessLogRow row = Log(_outsider).Single();
        Assert.True(row.IsEmergency);
        Assert.Equal("Brukaren ringde, ingen på ärendet svarar", row.Reason);
        Assert.Equal(_client, row.ClientId);
        Assert.Equal(s_now, row.AtUtc);

        // Emergency accesses come first in the review, ahead of newer ordinary reads.
        _time.Advance(TimeSpan.FromMinutes(5));
        _useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Sol, ""));
        var all = _useCases.GetAccessLog(_mas, new AccessLogQuery(s_now.AddDays(-7), s_now.AddDays(1), null, null));
        Assert.True(all.TakeWhile(r => r.IsEmergency).Count() >= 2);
        Assert.DoesNotContain(all.SkipWhile(r => r.IsEmergency), r => r.IsEmergency);
    }

    [Fact]
    public void OfficerOnCallNow_IsOnEveryOpenCase()
    {
        JournalView view = _useCases.GetJournal(_onCall, new JournalRequest(_client, JournalSeries.Sol, ""));
        Assert.False(view.ReasonRequired);
        Assert.Equal(AccessBasis.OnCase, view.Basis);
    }

    [Fact]
    public void AClientWithoutAnOpenCase_NeedsAReasonEvenFromTheOfficerOnCall()
    {
        var open = _store.LoadOpenCases().Select(c => c.ClientId).ToHashSet();
        long other = _store.LoadClients().First(c => !open.Contains(c.Id)).Id;
        Assert.True(_useCases.GetJournal(_onCall, new JournalRequest(other, JournalSeries.Lss, "")).ReasonRequired);
        Assert.False(_useCases.GetJournal(_mas, new JournalRequest(other, JournalSeries.Lss, "")).ReasonRequired);
    }

    [Fact]
    public void UserWithoutARole_IsRefused_EvenWithAReason_AndNothingIsLogged()
    {
        SessionInfo nobody = Session(_store.AddUser(new User { Name = "Utan Roll", Roles = Role.None }));
        var ex = Assert.Throws<JourException>(() => _useCases.GetJournal(nobody, new JournalRequest(_client, JournalSeries.Lss, "nyfiken")));
        Assert.Equal(ErrorCodes.JournalRefused, ex.Code);
        Assert.Throws<JourException>(() => _useCases.AddJournalEntry(nobody, new JournalEntryRequest(_client, JournalSeries.Lss, "text", null, "nyfiken")));
        Assert.Empty(Log(nobody));
    }

    [Fact]
    public void SeriesAreNeverMixed()
    {
        _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Sol, "Bara SoL", null, ""));
        _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Lss, "Bara LSS", null, ""));

        JournalView sol = _useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Sol, ""));
        JournalView lss = _useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Lss, ""));

        Assert.Equal(JournalSeries.Sol, sol.Series);
        Assert.Contains(sol.Entries, e => e.Text == "Bara SoL");
        Assert.DoesNotContain(sol.Entries, e => e.Text == "Bara LSS");
        Assert.Contains(lss.Entries, e => e.Text == "Bara LSS");
        Assert.DoesNotContain(lss.Entries, e => e.Text == "Bara SoL");
        Assert.Empty(sol.Entries.Select(e => e.Id).Intersect(lss.Entries.Select(e => e.Id)));
        Assert.Equal([AccessedData.JournalSol, AccessedData.JournalLss], Log(_mas).OrderBy(r => r.Id).Select(r => r.What));
    }

    [Fact]
    public void Correction_IsANewEntryReferringToTheOld_WhichStays_AndStaysInItsSeries()
    {
        JournalEntryData first = _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Lss, "Två assistenter i natt", null, ""));
        _time.Advance(TimeSpan.FromMinutes(3));
        JournalEntryData fix = _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Lss, "Rättelse: en assistent", first.Id, ""));

        Assert.Equal(first.Id, fix.CorrectsId);
        Assert.Equal(_caseOfficer.UserName, fix.AuthorName);
        Assert.Equal(s_now.AddMinutes(3), fix.AtUtc);
        var entries = _useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Lss, "")).Entries;
        Assert.Contains(entries, e => e.Id == first.Id && e.Text == "Två assistenter i natt");
        Assert.Contains(entries, e => e.Id == fix.Id && e.CorrectsId == first.Id);

        var across = Assert.Throws<JourException>(() => _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Sol, "fel serie", first.Id, "")));
        Assert.Equal(ErrorCodes.JournalEntryNotFound, across.Code);
        Assert.Throws<JourException>(() => _useCases.AddJournalEntry(_caseOfficer, new JournalEntryRequest(_client, JournalSeries.Lss, "  ", null, "")));
    }

    [Fact]
    public void WritingWithoutACase_NeedsTheReasonToo()
    {
        var ex = Assert.Throws<JourException>(() => _useCases.AddJournalEntry(_outsider, new JournalEntryRequest(_client, JournalSeries.Lss, "text", null, "")));
        Assert.Equal(ErrorCodes.JournalReasonRequired, ex.Code);
        JournalEntryData written = _useCases.AddJournalEntry(_outsider, new JournalEntryRequest(_client, JournalSeries.Lss, "text", null, "akut"));
        Assert.Equal(_outsider.UserName, written.AuthorName);
    }

    [Fact]
    public void OpeningTheClientForm_LogsTheFullNumberAndAccessNote()
    {
        ClientData data = _useCases.GetClient(_outsider, _client);

        Assert.Equal(12, data.PersonalIdentityNumber.Length);
        AccessLogRow row = Log(_outsider).Single();
        Assert.Equal(AccessedData.PersonalNumberAndAccessNote, row.What);
        Assert.Equal(AccessBasis.Register, row.Basis);
        Assert.Equal(_client, row.ClientId);
    }

    [Fact]
    public void OpeningTheStaffForm_LogsTheAssistantsFullNumber()
    {
        var assistant = _store.LoadStaff()[0];
        assistant.PersonalIdentityNumber = "194608239986";
        _store.UpdateStaff(assistant);
        long id = assistant.Id;

        StaffData data = _useCases.GetStaffMember(_outsider, id);

        Assert.Equal(12, data.PersonalIdentityNumber.Length);
        AccessLogRow row = Log(_outsider).Single();
        Assert.Equal(AccessedData.AssistantPersonalNumber, row.What);
        Assert.Equal(data.Name + " (personal)", row.ClientName);
    }

    [Fact]
    public void AccessLog_OnlyForMasAndAdmin_FilteredByUserClientAndPeriod()
    {
        var ex = Assert.Throws<JourException>(() => _useCases.Send(_caseOfficer, new AccessLogQuery(s_now.AddDays(-1), s_now.AddDays(1), null, null)));
        Assert.Equal(ErrorCodes.AccessLogNotPermitted, ex.Code);

        _useCases.GetJournal(_caseOfficer, new JournalRequest(_client, JournalSeries.Lss, ""));
        _time.Advance(TimeSpan.FromHours(2));
        _useCases.GetJournal(_outsider, new JournalRequest(_client, JournalSeries.Sol, "skäl"));

        var byUser = _useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddDays(-1), s_now.AddDays(1), _outsider.UserId, null));
        Assert.Equal(_outsider.UserId, Assert.Single(byUser).UserId);
        var byClient = _useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddDays(-30), s_now.AddDays(1), null, _client));
        Assert.All(byClient, r => Assert.Equal(_client, r.ClientId));
        Assert.True(byClient.Count >= 2);
        var firstHour = _useCases.GetAccessLog(_admin, new AccessLogQuery(s_now, s_now.AddHours(1), null, null));
        Assert.Equal(_caseOfficer.UserId, Assert.Single(firstHour).UserId);
        Assert.Throws<JourException>(() => _useCases.GetAccessLog(_mas, new AccessLogQuery(s_now, s_now, null, null)));
    }

    [Fact]
    public void Incident_LexMaria_NotifyingMasStampsTimeAndUser_AndIsNeverTakenBack()
    {
        long assistant = _store.LoadStaff().First(s => !s.IsBlocked).Id;
        var draft = new IncidentData(0, IncidentKind.CareInjuryRisk, s_now.AddHours(-1), null, _case.Id, assistant, "Fel läkemedel givet", "Läkare kontaktad", RecordStatus.Open, false, false, 0);

        IncidentData saved = _useCases.SaveIncident(_caseOfficer, draft);
        Assert.Equal(_client, saved.ClientId);
        Assert.Equal(Core.Incidents.IncidentRecipient.MedicalResponsible, saved.ReportTo);
        Assert.Null(saved.MasNotifiedUtc);
        Assert.False(saved.AssistantBlocked);

        _time.Advance(TimeSpan.FromMinutes(10));
        IncidentData told = _useCases.SaveIncident(_caseOfficer, saved with { MasNotified = true });
        Assert.Equal(s_now.AddMinutes(10), told.MasNotifiedUtc);
        Assert.Equal(_caseOfficer.UserName, told.MasNotifiedByName);

        _time.Advance(TimeSpan.FromMinutes(10));
        IncidentData again = _useCases.SaveIncident(_mas, told with { MasNotified = false, Status = RecordStatus.Closed });
        Assert.Equal(s_now.AddMinutes(10), again.MasNotifiedUtc);
        Assert.Equal(RecordStatus.Closed, again.Status);

        var stale = Assert.Throws<JourException>(() => _useCases.SaveIncident(_mas, told));
        Assert.Equal(ErrorCodes.RecordChangedByOther, stale.Code);

        // The incident names an assistant: the existing block use case takes them out of every list.
        _useCases.SetBlocked(_mas, new BlockRequest(assistant, true, "Avvikelse #" + saved.Id));
        Assert.True(_useCases.GetIncidents(_mas).Single(i => i.Id == saved.Id).AssistantBlocked);
    }

    [Fact]
    public void Incident_IsRefusedWithoutDescription_InTheFuture_OrForAnotherClientsCase()
    {
        var good = new IncidentData(0, IncidentKind.NearMiss, s_now, _client, _case.Id, null, "Nästan fall", "", RecordStatus.Open, false, false, 0);
        Assert.Equal(ErrorCodes.IncidentDescriptionRequired, Assert.Throws<JourException>(() => _useCases.SaveIncident(_mas, good with { Description = " " })).Code);
        Assert.Equal(ErrorCodes.IncidentInFuture, Assert.Throws<JourException>(() => _useCases.SaveIncident(_mas, good with { OccurredUtc = s_now.AddHours(1) })).Code);
        long otherClient = _store.LoadClients().First(c => c.Id != _client).Id;
        Assert.Equal(ErrorCodes.CaseOfOtherClient, Assert.Throws<JourException>(() => _useCases.SaveIncident(_mas, good with { ClientId = otherClient })).Code);
        SessionInfo nobody = Session(_store.AddUser(new User { Name = "Utan Roll", Roles = Role.None }));
        Assert.Equal(ErrorCodes.RecordsNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(nobody, new SaveIncident(good))).Code);

        IncidentData sarah = _useCases.SaveIncident(_mas, good with { Kind = IncidentKind.Misconduct, ManagerNotified = true });
        Assert.Equal(Core.Incidents.IncidentRecipient.ResponsibleManager, sarah.ReportTo);
        Assert.Equal(s_now, sarah.ManagerNotifiedUtc);
        Assert.Equal(_mas.UserName, sarah.ReportedByName);
    }

    [Fact]
    public void Complaint_AnsweredNeedsAnAnswer_TheAnswerIsStampedOnce()
    {
        var c = new ComplaintData(0, ComplaintKind.Complaint, default, "God man", "Assistenten kom sent", _client, null, null, "", RecordStatus.Answered, 0);
        Assert.Equal(ErrorCodes.ComplaintAnswerRequired, Assert.Throws<JourException>(() => _useCases.SaveComplaint(_mas, c)).Code);
        Assert.Equal(ErrorCodes.ComplaintFromRequired, Assert.Throws<JourException>(() => _useCases.SaveComplaint(_mas, c with { From = "" })).Code);

        ComplaintData saved = _useCases.SaveComplaint(_mas, c with { Status = RecordStatus.Open });
        Assert.Equal(s_now, saved.ReceivedUtc);
        Assert.Null(saved.AnsweredUtc);
        _time.Advance(TimeSpan.FromHours(1));
        ComplaintData answered = _useCases.SaveComplaint(_mas, saved with { Answer = "Vi beklagar", Status = RecordStatus.Answered });
        Assert.Equal(s_now.AddHours(1), answered.AnsweredUtc);
        Assert.Contains(_useCases.GetComplaints(_caseOfficer), x => x.Id == saved.Id && x.ClientName.Length > 0);
    }

    [Fact]
    public void Demo_HasJournalsInBothSeries_AnIncidentAndAComplaint()
    {
        Assert.NotEmpty(_useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Sol, "")).Entries);
        Assert.Contains(_useCases.GetJournal(_mas, new JournalRequest(_client, JournalSeries.Lss, "")).Entries, e => e.CorrectsId is not null);
        Assert.Contains(_useCases.GetIncidents(_mas), i => i.AssistantId is not null && i.MasNotified);
        Assert.Contains(_useCases.GetComplaints(_mas), c => c.Kind == ComplaintKind.Complaint);
        Assert.Contains(_useCases.GetAccessLog(_mas, new AccessLogQuery(s_now.AddDays(-7), s_now.AddMinutes(1), null, null)), r => r.IsEmergency);
    }

    private List<AccessLogRow> Log(SessionInfo user) =>
        [.. _useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddMinutes(-1), s_now.AddDays(1), user.UserId, null))];

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, true);

    [Fact]
    public void TheHandover_ListsLexMariaIncidentsUntilMasIsNotified_WithoutTheirText()
    {
        var request = new HandoverRequest(null, WithAddresses: false, Continuity: false, Paged: false);
        var draft = new IncidentData(0, IncidentKind.CareInjuryRisk, s_now.AddHours(-1), null, _case.Id, null, "Fel läkemedel givet", "Läkare kontaktad", RecordStatus.Open, false, false, 0);
        IncidentData saved = _useCases.SaveIncident(_caseOfficer, draft);
        _useCases.SaveIncident(_caseOfficer, draft with { Kind = IncidentKind.NearMiss });

        string text = _useCases.GetHandover(request).Text;
        Assert.Contains("Avvikelser som väntar på att MAS underrättas (1):", text, StringComparison.Ordinal);
        Assert.Contains($"nr {saved.Id} Risk för vårdskada (lex Maria)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fel läkemedel", text, StringComparison.Ordinal);

        _useCases.SaveIncident(_mas, saved with { MasNotified = true });
        Assert.DoesNotContain("väntar på att MAS", _useCases.GetHandover(request).Text, StringComparison.Ordinal);
    }
}
