using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Drafts;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

public sealed class IntakeUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 40, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _officer;

    public IntakeUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        long id = _useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id;
        _officer = _useCases.SignIn(id, "");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void CreateCase_OpensItInMottaget_WithItsWindows_AndATimelineEntry_AndDiscardsTheDraft()
    {
        ClientSummary client = _useCases.GetClients()[0];
        long provider = _useCases.GetProviders()[0].Id;
        _useCases.SaveDraft(_officer, new DraftData(JourUseCases.NewCaseForm, new Dictionary<string, string> { ["caller"] = "Eva" }, s_now));

        CaseDetail created = _useCases.CreateCase(_officer, Request(client.Id, provider));

        Assert.Equal(CaseState.Received, created.Summary.State);
        Assert.Equal(client.Name, created.Summary.ClientName);
        Assert.Single(created.Needs);
        Assert.Equal(2, created.Needs[0].Assistants);
        Assert.Equal(["lyft"], created.Needs[0].Competences);
        Assert.Single(created.Timeline);
        Assert.Equal(s_now.AddHours(19), created.Summary.NextGapFromUtc);
        Assert.Null(_useCases.GetDraft(_officer, JourUseCases.NewCaseForm));
    }

    [Theory]
    [InlineData("", "070-123 45 67", ErrorCodes.CallerRequired)]
    [InlineData("Eva Lind", "12", ErrorCodes.PhoneInvalid)]
    public void CreateCase_WithBadCaller_IsRefusedNamingTheField_AndNothingIsStored(string caller, string phone, string code)
    {
        long cases = _store.CountCases();
        var request = Request(_useCases.GetClients()[0].Id, _useCases.GetProviders()[0].Id) with { CallerName = caller, CallerPhone = phone };

        var ex = Assert.Throws<JourException>(() => _useCases.CreateCase(_officer, request));

        Assert.Equal(code, ex.Code);
        Assert.Equal(cases, _store.CountCases());
    }

    [Fact]
    public void CreateCase_WithoutProviderOrSelfEmployer_OrWithAnEmptyWindow_IsRefused()
    {
        long client = _useCases.GetClients()[0].Id;
        var noProvider = Request(client, null);
        Assert.Equal(ErrorCodes.ProviderOrSelfEmployer, Assert.Throws<JourException>(() => _useCases.CreateCase(_officer, noProvider)).Code);

        var backwards = Request(client, null) with { IsSelfEmployer = true, Needs = [new NeedWindowData(s_now.AddHours(5), s_now.AddHours(4), 1, [], 0)] };
        Assert.Equal(ErrorCodes.NeedWindowInvalid, Assert.Throws<JourException>(() => _useCases.CreateCase(_officer, backwards)).Code);
    }

    [Fact]
    public void Verification_ExhaustedAndStepsOneAndTwo_PermitAccept_AndEachIsInTheTimeline()
    {
        CaseDetail c = _useCases.CreateCase(_officer, Request(_useCases.GetClients()[0].Id, _useCases.GetProviders()[0].Id));
        c = _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.StartAssessment, "", c.Summary.Revision));
        Assert.Contains(c.Blocked, b => b.Trigger == CaseTrigger.Accept && b.Missing.Contains("steg 1", StringComparison.Ordinal));

        c = _useCases.RecordVerification(_officer, new VerificationRequest(c.Summary.Id, null, s_now.AddMinutes(-20), "Inga egna vikarier", c.Summary.Revision));
        c = _useCases.RecordVerification(_officer, new VerificationRequest(c.Summary.Id, PriorityStep.CrisisStaffingCentreContacted, s_now.AddMinutes(-10), "Ingen personal", c.Summary.Revision));
        Assert.DoesNotContain(CaseTrigger.Accept, c.PermittedTriggers);
        c = _useCases.RecordVerification(_officer, new VerificationRequest(c.Summary.Id, PriorityStep.StandbyPool, s_now, "Poolen täcker natten", c.Summary.Revision));

        Assert.True(c.IsVerified);
        Assert.Contains(CaseTrigger.Accept, c.PermittedTriggers);
        Assert.DoesNotContain(c.Blocked, b => b.Trigger == CaseTrigger.Accept);
        Assert.Equal(3, c.Verification.Count);
        Assert.Equal(3, c.Timeline.Count(e => e.Render().StartsWith("Verifiering", StringComparison.Ordinal)));
        c = _useCases.Fire(_officer, new TransitionRequest(c.Summary.Id, CaseTrigger.Accept, "", c.Summary.Revision));
        Assert.Equal(CaseState.Staffing, c.Summary.State);
    }

    [Fact]
    public void Verification_InTheFuture_OrWithoutOutcome_OrAgainstAStaleRevision_IsRefused()
    {
        CaseDetail c = _useCases.CreateCase(_officer, Request(_useCases.GetClients()[0].Id, _useCases.GetProviders()[0].Id));
        long id = c.Summary.Id;
        int rev = c.Summary.Revision;

        Assert.Equal(ErrorCodes.VerificationInFuture, Assert.Throws<JourException>(() => _useCases.RecordVerification(_officer, new VerificationRequest(id, null, s_now.AddHours(1), "x", rev))).Code);
        Assert.Equal(ErrorCodes.OutcomeRequired, Assert.Throws<JourException>(() => _useCases.RecordVerification(_officer, new VerificationRequest(id, null, s_now, " ", rev))).Code);
        _useCases.AddNote(_officer, new NoteRequest(id, "Ringde anordnaren igen"));
        var stale = Assert.Throws<JourException>(() => _useCases.RecordVerification(_officer, new VerificationRequest(id, null, s_now, "x", rev)));
        Assert.Equal(ErrorCodes.CaseChangedByOther, stale.Code);
        Assert.Contains(": Ringde anordnaren igen.", stale.Localized, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_WithNoTimeReports_IsPermitted_TheGuardHasNothingUnsignedToWaitFor()
    {
        // Time reports arrive with the roster issue; until then the guard counts none.
        var handedBack = new Case { State = CaseState.HandedBack, HandedBackUtc = s_now };
        Assert.Contains(CaseTrigger.Close, handedBack.PermittedTriggers(s_now));

        handedBack.UnsignedTimeReports = 2;
        Assert.Equal([ErrorCodes.GuardTimeReportsUnsigned], handedBack.UnmetGuards(CaseTrigger.Close, s_now));
    }

    [Fact]
    public void CasesInState_IncludesEndedStates_WhichTheBoardLeavesOut()
    {
        foreach (CaseState ended in new[] { CaseState.Declined, CaseState.Closed, CaseState.Withdrawn })
        {
            var cases = _useCases.GetCasesInState(ended);
            Assert.NotEmpty(cases);
            Assert.All(cases, c => Assert.Equal(ended, c.State));
            Assert.DoesNotContain(_useCases.GetOpenCases(), c => c.State == ended);
        }

        Assert.Equal(_useCases.GetOpenCases().Count(c => c.State == CaseState.Staffing), _useCases.GetCasesInState(CaseState.Staffing).Count);
    }

    [Fact]
    public void Drafts_ArePerUserAndForm_AndSurviveUntilDiscarded()
    {
        var fields = new Dictionary<string, string> { ["caller"] = "Eva Lind", ["phone"] = "070" };
        _useCases.SaveDraft(_officer, new DraftData(JourUseCases.NewCaseForm, fields, s_now));
        SessionInfo other = _useCases.SignIn(_useCases.GetInstallInfo().Users.Last(u => !u.HasPin && u.Id != _officer.UserId).Id, "");

        Assert.Equal("Eva Lind", _useCases.GetDraft(_officer, JourUseCases.NewCaseForm)!.Fields["caller"]);
        Assert.Null(_useCases.GetDraft(other, JourUseCases.NewCaseForm));

        _useCases.DiscardDraft(_officer, JourUseCases.NewCaseForm);
        Assert.Null(_useCases.GetDraft(_officer, JourUseCases.NewCaseForm));
    }

    [Fact]
    public void SaveClient_DerivesSexFromTheNumber_RefusesADuplicate_AndAStaleRevision()
    {
        long provider = _useCases.GetProviders()[0].Id;
        var data = new ClientData(0, "Test Testsson", "19121212-1212", "Storgatan 1", "Portkod 1234", provider, false, 42.5m, AssistanceBasis.Lss, ["lyft"], ["insulin"], [new RepresentativeData(RepresentativeKind.Trustee, "Eva Lind", "070-111 22 33")], 0);

        ClientData saved = _useCases.SaveClient(_officer, data);
        Assert.Equal("191212121212", saved.PersonalIdentityNumber);
        Assert.Equal(Sex.Male, _store.FindClient(saved.Id)!.Sex);
        Assert.Equal(ErrorCodes.DuplicatePersonalNumber, Assert.Throws<JourException>(() => _useCases.SaveClient(_officer, data)).Code);

        ClientData renamed = _useCases.SaveClient(_officer, saved with { Name = "Test Nilsson" });
        Assert.Equal(1, renamed.Revision);
        Assert.Equal(ErrorCodes.ClientChangedByOther, Assert.Throws<JourException>(() => _useCases.SaveClient(_officer, saved with { Name = "Stale" })).Code);
        Assert.Equal("Test Nilsson", _useCases.GetClient(_officer, saved.Id).Name);
    }

    private static NewCaseRequest Request(long clientId, long? providerId) => new(
        clientId,
        providerId,
        false,
        CaseReason.SicknessOrStaffShortage,
        "Eva Lind",
        "070-123 45 67",
        [new NeedWindowData(s_now.AddHours(19), s_now.AddHours(28), 2, ["lyft"], 0)],
        Urgency.High,
        "Båda nattassistenterna sjuka");
}
