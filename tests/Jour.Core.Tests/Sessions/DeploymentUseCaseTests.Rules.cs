using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;

namespace Jour.Core.Tests.Sessions;

// The rules that cannot be walked around: the deployment's lifecycle, staffing beyond the need, whose signature counts.
public sealed partial class DeploymentUseCaseTests
{
    [Fact]
    public void SetDeploymentState_CompletedToProposed_IsRefused_AndNothingIsStored()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Confirmed, ""));
        long deployment = c.Deployments.Single().Id;
        c = _useCases.SetDeploymentState(_officer, new DeploymentStateRequest(deployment, DeploymentState.Completed));
        Assert.Empty(c.Deployments.Single().Moves);

        var ex = Assert.Throws<JourException>(() => _useCases.SetDeploymentState(_officer, new DeploymentStateRequest(deployment, DeploymentState.Proposed)));

        Assert.Equal(ErrorCodes.DeploymentMoveRefused, ex.Code);
        Assert.Equal("En insats som är genomförd kan inte bli föreslagen.", ex.Localized);
        Assert.Equal(DeploymentState.Completed, _store.FindDeployment(deployment)!.State);
    }

    [Fact]
    public void Assign_AProposal_OffersTheMachinesMoves_AndTimeCannotBeReportedBeforeItIsConfirmed()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Proposed, ""));
        DeploymentData d = c.Deployments.Single();

        Assert.Equal([DeploymentState.Contacted, DeploymentState.Confirmed, DeploymentState.Declined, DeploymentState.Cancelled], d.Moves);
        var ex = Assert.Throws<JourException>(() => _useCases.ReportTime(_officer, new TimeReportRequest(d.Id, Local(10, 24, 22), Local(10, 25, 7), 0)));
        Assert.Equal(ErrorCodes.DeploymentMoveRefused, ex.Code);
        Assert.Null(_store.FindDeployment(d.Id)!.Report);
    }

    [Fact]
    public void Assign_BeyondTheNeed_IsRefusedWithoutAReason_AndLoggedWithOne()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 2);
        var eligible = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Where(x => x.IsEligible).Take(3).ToList();
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[0].AssistantId, DeploymentState.Confirmed, ""));
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[1].AssistantId, DeploymentState.Confirmed, ""));

        var ex = Assert.Throws<JourException>(() => _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[2].AssistantId, DeploymentState.Confirmed, "", " ")));
        Assert.Equal(ErrorCodes.OverstaffReasonRequired, ex.Code);
        Assert.Equal(["2", "2"], ex.Args);
        Assert.Equal(2, _store.LoadDeploymentsForCase(c.Summary.Id).Count);

        // A proposal staffs nothing yet, so it needs no reason.
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[2].AssistantId, DeploymentState.Proposed, ""));
        c = _useCases.GetCase(c.Summary.Id);
        long proposal = c.Deployments.Single(d => d.AssistantId == eligible[2].AssistantId).Id;
        Assert.Equal(ErrorCodes.OverstaffReasonRequired, Assert.Throws<JourException>(() => _useCases.SetDeploymentState(_officer, new DeploymentStateRequest(proposal, DeploymentState.Confirmed))).Code);

        c = _useCases.SetDeploymentState(_officer, new DeploymentStateRequest(proposal, DeploymentState.Confirmed, "Tunga lyft hela natten"));

        Assert.Equal(3, c.Needs.Single().Confirmed);
        Assert.Contains(c.Timeline, e => e.Render().StartsWith("Insats bekräftad utöver behovet (3 av 2): " + eligible[2].Name, StringComparison.Ordinal) && e.Render().EndsWith("– skäl: Tunga lyft hela natten", StringComparison.Ordinal));
    }

    [Fact]
    public void Assign_BeyondTheNeed_WithAReason_IsSentAndTheTimelineSaysWhy()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        var eligible = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Where(x => x.IsEligible).Take(2).ToList();
        _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[0].AssistantId, DeploymentState.Confirmed, ""));

        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, eligible[1].AssistantId, DeploymentState.Confirmed, "", "Brukaren är orolig, två behövs"));

        Assert.Equal(2, c.Needs.Single().Confirmed);
        Assert.Contains(c.Timeline, e => e.Render().StartsWith("Insats bekräftad utöver behovet (2 av 1): " + eligible[1].Name, StringComparison.Ordinal) && e.Render().EndsWith("skäl: Brukaren är orolig, två behövs", StringComparison.Ordinal));
    }

    [Fact]
    public void Sign_ByAnotherThanTheAssistantWhoWorked_IsRefusedNamingThem_AndTheRegisterNameIsKept()
    {
        (long deployment, long assistant, _) = ReportedShift();
        var someoneElse = _store.LoadStaff().First(s => s.Id != assistant);
        string name = _store.FindStaff(assistant)!.Name;

        var ex = Assert.Throws<JourException>(() => _useCases.Sign(_officer, new SignRequest(deployment, true, someoneElse.PersonalIdentityNumber)));

        Assert.Equal(ErrorCodes.SignerNotAssistant, ex.Code);
        Assert.Equal($"Personnumret tillhör inte {name}, som arbetade passet.", ex.Localized);
        Assert.Null(_store.FindDeployment(deployment)!.Report!.AssistantSignedUtc);

        CaseDetail c = _useCases.Sign(_officer, new SignRequest(deployment, true, _store.FindStaff(assistant)!.PersonalIdentityNumber));
        Assert.Equal(name, c.Deployments.Single().Report!.AssistantSignedName);
    }

    [Fact]
    public void Sign_ForTheClient_ByTheClientOrARegisteredGodMan_NotByARelativeOrAStranger()
    {
        (long deployment, _, Client client) = ReportedShift();
        client.Representatives =
        [
            new Representative { Kind = RepresentativeKind.Relative, Name = "Per Lind", PersonalNumber = "194510109996" },
            new Representative { Kind = RepresentativeKind.Trustee, Name = "Eva Lind", PersonalNumber = "194202023018" },
        ];
        Assert.True(_store.TryUpdateClient(client, client.Revision));

        var relative = Assert.Throws<JourException>(() => _useCases.Sign(_officer, new SignRequest(deployment, false, "19451010-9996")));
        Assert.Equal(ErrorCodes.SignerNotClient, relative.Code);
        Assert.Equal([client.Name, "Eva Lind"], relative.Args);
        Assert.Equal(ErrorCodes.SignerNotClient, Assert.Throws<JourException>(() => _useCases.Sign(_officer, new SignRequest(deployment, false, "19121212-1212"))).Code);

        CaseDetail c = _useCases.Sign(_officer, new SignRequest(deployment, false, "19420202-3018"));

        Assert.Equal("Eva Lind", c.Deployments.Single().Report!.ClientSignedName);
        Assert.Equal("194202023018", _store.FindDeployment(deployment)!.Report!.ClientSignerPersonalNumber);
        Assert.Contains(c.Timeline, e => e.Render() == "Tidsredovisning signerad av Eva Lind (brukare/företrädare)");
    }

    [Fact]
    public void Sign_ForTheClient_WithTheClientsOwnNumber_KeepsTheClientsName()
    {
        (long deployment, _, Client client) = ReportedShift();

        CaseDetail c = _useCases.Sign(_officer, new SignRequest(deployment, false, client.PersonalIdentityNumber));

        Assert.Equal(client.Name, c.Deployments.Single().Report!.ClientSignedName);
    }

    [Fact]
    public void SaveClient_ARepresentativesNumber_IsStoredAndShown_AWrongOneIsRefused()
    {
        ClientData data = _useCases.GetClient(_officer, _useCases.GetClients()[1].Id);

        ClientData saved = _useCases.SaveClient(_officer, data with { Representatives = [new RepresentativeData(RepresentativeKind.Guardian, "Eva Lind", "", "19420202-3018")] });

        Assert.Equal("194202023018", Assert.Single(saved.Representatives).PersonalNumber);
        Assert.Equal("194202023018", _store.FindClient(data.Id)!.Representatives.Single().PersonalNumber);
        Assert.Throws<JourException>(() => _useCases.SaveClient(_officer, saved with { Representatives = [new RepresentativeData(RepresentativeKind.Guardian, "Eva Lind", "", "19420202-3019")] }));
    }

    private (long Deployment, long Assistant, Client Client) ReportedShift()
    {
        CaseDetail c = StaffingCaseWithOneNight(assistants: 1);
        long id = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(c.Summary.Id, 0, id, DeploymentState.Confirmed, ""));
        long deployment = c.Deployments.Single().Id;
        _useCases.ReportTime(_officer, new TimeReportRequest(deployment, Local(10, 24, 22), Local(10, 25, 7), 30));
        return (deployment, id, _store.FindClient(_store.FindCase(c.Summary.Id)!.ClientId)!);
    }
}
