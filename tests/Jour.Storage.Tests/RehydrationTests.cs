using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Deployments;
using LiteDB;

namespace Jour.Storage.Tests;

/// <summary>States without public setters still come back from the store as they were written: the mapper is their rehydration path.</summary>
public sealed class RehydrationTests
{
    [Fact]
    public void ACaseADeploymentAndARepresentativesNumber_ReadBack_AsStored()
    {
        using var db = new LiteDatabase(new MemoryStream(), JourMapper.Create());
        var cases = db.GetCollection<Case>("cases");
        var deployments = db.GetCollection<Deployment>("deployments");
        var clients = db.GetCollection<Client>("clients");

        long caseId = cases.Insert(new Case { State = CaseState.HandedBack, HandedBackUtc = DateTime.UtcNow }).AsInt64;
        long deploymentId = deployments.Insert(new Deployment { CaseId = caseId, State = DeploymentState.OnSite }).AsInt64;
        long clientId = clients.Insert(new Client { Representatives = [new Representative { Kind = RepresentativeKind.Guardian, Name = "Eva Lind", PersonalNumber = "194202023018" }] }).AsInt64;

        Assert.Equal(CaseState.HandedBack, cases.FindById(caseId).State);
        Deployment d = deployments.FindById(deploymentId);
        Assert.Equal(DeploymentState.OnSite, d.State);
        Assert.Equal([DeploymentState.Completed], d.PermittedMoves(DateTime.UtcNow));
        Representative r = Assert.Single(clients.FindById(clientId).Representatives);
        Assert.Equal("194202023018", r.PersonalNumber);
        Assert.True(r.MaySign);
    }
}
