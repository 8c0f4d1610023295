using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Jour.Core.Tests.Sessions;

public sealed partial class DeploymentUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _officer;

    public DeploymentUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _officer = _useCases.SignIn(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void TwoAssistants_CoverTheNight_TheCaseTurnsBemannat_BlockingOneBringsTheGapBack()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 2);
        var candidates = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates;
        Assert.DoesNotContain(candidates.Where(x => x.IsEligible), x => x.Reasons.Count > 0);
        var eligible = candidates.Where(x => x.IsEligible).Take(2).ToList();
        Assert.Equal(2, eligible.Count);

        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[0].AssistantId, DeploymentState.Confirmed, ""));
        Assert.Equal(CaseState.Staffing, c.Summary.State);
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[1].AssistantId, DeploymentState.Confirmed, ""));
        Assert.Equal(CaseState.Covered, c.Summary.State);
        Assert.Null(c.Summary.NextGapFromUtc);

        _useCases.SetBlocked(_officer, new BlockRequest(eligible[1].AssistantId, true, "Misstänkt brott mot brukare"));
        c = _useCases.GetCase(c.Summary.Id);
        Assert.Equal(CaseState.Staffing, c.Summary.State);
        Assert.NotNull(c.Summary.NextGapFromUtc);
        Assert.True(c.Deployments.Single(d => d.AssistantId == eligible[1].AssistantId).NeedsReplacement);
        var again = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Single(x => x.AssistantId == eligible[1].AssistantId);
        Assert.False(again.IsEligible);
        Assert.Contains("spärrad", again.Reasons);
    }

    [Fact]
    public void DoubleBooking_IsRefused_ABlockedPersonIsRefused()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        CaseDetail other = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Confirmed, ""));

        var ex = Assert.Throws<JourException>(() => _useCases.Assign(_officer, new AssignRequest(other.Summary.Id, 0, id, DeploymentState.Confirmed, "")));
        Assert.Equal(ErrorCodes.DoubleBooking, ex.Code);

        long blocked = _store.LoadStaff().First(s => s.IsBlocked).Id;
        Assert.Equal(ErrorCodes.NotEligible, Assert.Throws<JourException>(() => _useCases.Assign(_officer, new AssignRequest(other.Summary.Id, 0, blocked, DeploymentState.Confirmed, ""))).Code);
    }

    [Fact]
    public void ATimeReportAcrossTheFallBackNight_Is10Hours_AndTheCaseClosesOnlyWhenSigned()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Confirmed, ""));
        long deployment = c.Deployments.Single().Id;

        DateTime start = Local(10, 24, 22);
        DateTime end = Local(10, 25, 7);
        c = _useCases.ReportTime(_officer, new TimeReportRequest(deployment, start, end, 30));
        Assert.Equal(9.5, c.Deployments.Single().Report!.WorkedHours);

        Assert.Equal(ErrorCodes.ClosingReasonRequired, Assert.Throws<JourException>(() => _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.HandBack, "", c.Summary.Revision))).Code);
        c = _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.HandBack, "Avtalat med anordnaren", c.Summary.Revision, ClosingReason.NewProvider));
        Assert.Equal(ClosingReason.NewProvider, _store.FindCase(c.Summary.Id)!.ClosingReason);
        Assert.Contains(c.Timeline, e => e.Render() == "Ny anordnare har tagit över – Avtalat med anordnaren");
        Assert.Contains(c.Blocked, b => b.Trigger == CaseTrigger.Close);
        Assert.Equal(ErrorCodes.GuardTimeReportsUnsigned, Assert.Throws<JourException>(() => _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.Close, "", c.Summary.Revision))).Code);

        string assistantNumber = _store.FindStaff(id)!.PersonalIdentityNumber;
        string clientNumber = _store.FindClient(_store.FindCase(c.Summary.Id)!.ClientId)!.PersonalIdentityNumber;
        Assert.Equal(PersonalNumberError(), Assert.Throws<JourException>(() => _useCases.Sign(_officer, new SignRequest(deployment, true, "19121212-1213"))).Code);
        _useCases.Sign(_officer, new SignRequest(deployment, true, assistantNumber));
        c = _useCases.Sign(_officer, new SignRequest(deployment, false, clientNumber));
        Assert.Equal(ErrorCodes.TimeReportSigned, Assert.Throws<JourException>(() => _useCases.ReportTime(_officer, new TimeReportRequest(deployment, start, end, 0))).Code);

        c = _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.Close, "", c.Summary.Revision));
        Assert.Equal(CaseState.Closed, c.Summary.State);
        Assert.Equal(ClosingReason.NewProvider, _store.FindCase(c.Summary.Id)!.ClosingReason);
        Assert.Equal(assistantNumber, _store.FindDeployment(deployment)!.Report!.AssistantPersonalNumber);
    }

    [Fact]
    public void DeployedHours_AreClippedToThePeriod_AndTheFallBackNightCountsTen()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Confirmed, ""));
        _useCases.ReportTime(_officer, new TimeReportRequest(c.Deployments.Single().Id, Local(10, 24, 22), Local(10, 25, 7), 60));

        AssistantHours night = _useCases.GetDeployedHours(Local(10, 24, 0), Local(10, 26, 0)).Single(h => h.AssistantId == id);
        AssistantHours firstDay = _useCases.GetDeployedHours(Local(10, 24, 0), Local(10, 25, 0)).Single(h => h.AssistantId == id);

        Assert.Equal(10, night.BookedHours);
        Assert.Equal(9, night.ReportedHours);
        Assert.Equal(1, night.Deployments);
        Assert.Equal(2, firstDay.BookedHours);
        Assert.Equal(1.8, firstDay.ReportedHours);
        Assert.Contains(_useCases.GetDeployedHours(Local(10, 24, 0), Local(10, 26, 0)), h => h.BookedHours == 0);
    }

    [Fact]
    public void TheWeekView_ShowsTheDeploymentWithItsClient_AndDeclaredUnavailability()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Contacted, ""));
        StaffData staff = _useCases.GetStaffMember(id);
        _useCases.SaveStaff(_officer, staff with { Availability = [new AvailabilityData(Local(10, 27, 8), Local(10, 28, 8), false, "sjuk")] });

        PoolWeek week = _useCases.GetPoolWeek(Local(10, 19, 0), Local(10, 26, 0));
        PoolRow row = week.Rows.Single(r => r.AssistantId == id);

        PoolEntry entry = Assert.Single(row.Entries);
        Assert.Equal(PoolEntryKind.Deployment, entry.Kind);
        Assert.Equal(c.Summary.ClientName, entry.ClientName);
        Assert.Equal(DeploymentState.Contacted, entry.State);
        Assert.Equal(10, row.BookedHours);
        Assert.Equal(_store.LoadStaff().Count, week.Rows.Count);
        var next = _useCases.GetPoolWeek(Local(10, 26, 0), Local(11, 2, 0)).Rows.Single(r => r.AssistantId == id);
        Assert.Equal("sjuk", Assert.Single(next.Entries, e => e.Kind == PoolEntryKind.Unavailable).Note);
    }

    private static string PersonalNumberError() => "Pnr_Checksum";

    private static DateTime Local(int month, int day, int hour) =>
        SwedishTime.Zone.AtStrictly(new LocalDateTime(2026, month, day, hour, 0)).ToDateTimeUtc();

    /// <summary>A fresh case accepted into Bemannas, needing assistants the coming night (the fall-back night).</summary>
    private CaseDetail StaffingCaseWithOneNight(int assistants) =>
        _useCases.Accepted(_officer, _useCases.GetClients()[1].Id, [new NeedWindowData(Local(10, 24, 22), Local(10, 25, 7), assistants, [], 0)], s_now);
}
