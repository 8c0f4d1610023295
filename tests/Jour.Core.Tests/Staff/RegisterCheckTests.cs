using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Jour.Core.Tests.Staff;

/// <summary>Lag 2010:479: an assistant sent to a child shows a register extract within its validity.</summary>
public sealed class RegisterCheckTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public RegisterCheckTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles == Role.Admin).Id, "");
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("2012-05-10", "2026-12-06", true)]
    [InlineData("2012-05-10", "2030-05-09", true)]
    [InlineData("2012-05-10", "2030-05-10", false)]
    [InlineData("1980-01-01", "2026-12-06", false)]
    public void AClient_IsAChild_UntilTheir18thBirthday(string born, string windowDate, bool child)
    {
        string number = PersonalIdentityNumber.Create(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), 123).Value;

        RegisterCheckDemand? demand = RegisterChecks.DemandFor(number, DateOnly.Parse(windowDate, System.Globalization.CultureInfo.InvariantCulture), 12);

        Assert.Equal(child, demand is not null);
    }

    [Fact]
    public void AClientWithoutAReadableNumber_AsksNoCheck() =>
        Assert.Null(RegisterChecks.DemandFor("", new DateOnly(2026, 12, 6), 12));

    [Theory]
    [InlineData("2026-03-01", "2027-02-28", true)]
    [InlineData("2026-03-01", "2027-03-01", false)]
    [InlineData("2026-03-01", "2026-03-01", true)]
    [InlineData("2026-12-07", "2026-12-06", false)]
    public void ACheck_HoldsForItsValidityFromTheDayShown(string shown, string windowDate, bool met)
    {
        var demand = new RegisterCheckDemand(DateOnly.Parse(windowDate, System.Globalization.CultureInfo.InvariantCulture), 12);

        Assert.Equal(met, demand.IsMetBy([new RegisterCheck { ShownOn = shown }]));
    }

    [Fact]
    public void AChildsWindow_RulesOutAnAssistantWithoutACheck_WithThatReason_UntilOneIsRecorded()
    {
        CaseDetail c = AcceptedCaseFor(ChildClient());
        var candidates = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates;
        CandidateData unchecked_ = candidates.First(x => x.Reasons.SequenceEqual([Messages.Get("Ineligible_NoRegisterCheck")]));
        Assert.False(unchecked_.IsEligible);
        Assert.False(unchecked_.NeedsOverride);
        Assert.All(candidates.Where(x => x.IsEligible), x => Assert.True(_store.FindStaff(x.AssistantId)!.RegisterChecks.Count > 0));

        var refused = Assert.Throws<JourException>(() => _useCases.Assign(_admin, new AssignRequest(c.Summary.Id, 0, unchecked_.AssistantId, DeploymentState.Confirmed, "")));
        Assert.Equal(ErrorCodes.NotEligible, refused.Code);

        StaffData checkedNow = _useCases.Send(_admin, new RecordRegisterCheck(unchecked_.AssistantId, "2026-12-06"));
        Assert.Equal(new DateOnly(2027, 12, 5), checkedNow.RegisterChecks![^1].ValidUntil);
        Assert.Equal("Demo Admin", checkedNow.RegisterChecks[^1].CheckedBy);
        Assert.True(_useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Single(x => x.AssistantId == unchecked_.AssistantId).IsEligible);
        _useCases.Assign(_admin, new AssignRequest(c.Summary.Id, 0, unchecked_.AssistantId, DeploymentState.Confirmed, ""));
    }

    [Fact]
    public void AnAdultsWindow_AsksNoCheck()
    {
        long adult = _store.LoadClients().First(c => PersonalIdentityNumber.Parse(c.PersonalIdentityNumber, new DateOnly(2026, 12, 6)).BirthDate.Year < 1990).Id;
        CaseDetail c = AcceptedCaseFor(adult);

        var candidates = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates;

        Assert.DoesNotContain(candidates, x => x.Reasons.Contains(Messages.Get("Ineligible_NoRegisterCheck")));
        Assert.Contains(candidates, x => x.IsEligible && _store.FindStaff(x.AssistantId)!.RegisterChecks.Count == 0);
    }

    [Fact]
    public void AShorterValidity_ExpiresAnOlderCheck_AndOnlyAnAdminSetsIt()
    {
        StandbyAssistant a = _store.LoadStaff().First(s => !s.IsBlocked && s.RegisterChecks.Count == 0);
        _useCases.Send(_admin, new RecordRegisterCheck(a.Id, "2026-09-01"));
        CaseDetail c = AcceptedCaseFor(ChildClient());
        Assert.DoesNotContain(Messages.Get("Ineligible_NoRegisterCheck"), Reasons(c, a.Id));

        SessionInfo coordinator = SignedIn(Role.Coordinator);
        Assert.Equal(ErrorCodes.PoolSettingsNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(coordinator, new SavePoolSettings(new PoolSettingsData(2)))).Code);
        Assert.Equal(ErrorCodes.RegisterCheckValidityInvalid, Assert.Throws<JourException>(() => _useCases.Send(_admin, new SavePoolSettings(new PoolSettingsData(0)))).Code);
        Assert.Equal(2, _useCases.Send(_admin, new SavePoolSettings(new PoolSettingsData(2))).RegisterCheckValidityMonths);

        Assert.Contains(Messages.Get("Ineligible_NoRegisterCheck"), Reasons(c, a.Id));
        Assert.Equal(new DateOnly(2026, 10, 31), _useCases.GetStaff().Single(s => s.Id == a.Id).RegisterCheckValidUntil);
    }

    [Fact]
    public void ACheck_IsRecordedByACoordinatorOrAdmin_NeverForAFutureDay_AndAFormSaveKeepsIt()
    {
        StandbyAssistant a = _store.LoadStaff().First(s => s.RegisterChecks.Count == 0);
        SessionInfo officer = SignedIn(Role.OnCallOfficer);
        Assert.Equal(ErrorCodes.RegisterCheckNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(officer, new RecordRegisterCheck(a.Id, "2026-12-01"))).Code);
        Assert.Equal(ErrorCodes.RegisterCheckInFuture, Assert.Throws<JourException>(() => _useCases.Send(_admin, new RecordRegisterCheck(a.Id, "2026-12-07"))).Code);
        Assert.Equal(ErrorCodes.DateInvalid, Assert.Throws<JourException>(() => _useCases.Send(_admin, new RecordRegisterCheck(a.Id, "1 dec"))).Code);

        StaffData data = _useCases.Send(SignedIn(Role.Coordinator), new RecordRegisterCheck(a.Id, "2026-12-01"));
        _useCases.SaveStaff(_admin, data with { Name = data.Name + " Ek", RegisterChecks = [] });

        Assert.Equal("2026-12-01", Assert.Single(_store.FindStaff(a.Id)!.RegisterChecks).ShownOn);
    }

    private IReadOnlyList<string> Reasons(CaseDetail c, long assistantId) =>
        _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Single(x => x.AssistantId == assistantId).Reasons;

    private SessionInfo SignedIn(Role role)
    {
        long id = _store.LoadUsers().First(u => u.Roles == role || (role == Role.Coordinator && u.Roles.HasFlag(Role.Coordinator))).Id;
        _useCases.ResetPin(_admin, new PinReset(id, "4826"));
        return _useCases.SignIn(id, "4826");
    }

    private long ChildClient() => _store.AddClient(new Client
    {
        Name = "Ella Barn",
        PersonalIdentityNumber = PersonalIdentityNumber.Create(new DateOnly(2015, 3, 3), 122).Value,
        Sex = Sex.Female,
        Address = "Skolvägen 1, Umeå",
    }).Id;

    private CaseDetail AcceptedCaseFor(long client) =>
        _useCases.Accepted(_admin, client, [new NeedWindowData(SwedishTime.ToUtcLenient(new LocalDateTime(2026, 12, 8, 22, 0)), SwedishTime.ToUtcLenient(new LocalDateTime(2026, 12, 9, 7, 0)), 1, [], 0)], s_now);
}
