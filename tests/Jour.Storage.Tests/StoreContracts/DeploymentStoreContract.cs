using Jour.Core.Deployments;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IDeploymentStore"/> does, whichever database is under it.</summary>
public abstract class DeploymentStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IDeploymentStore
{
    [Fact]
    public void ADeployment_ReadsBackAsItWasWritten_ItsStateAndTimeReportIncluded()
    {
        TStore store = Stores.Open();
        var written = new Deployment
        {
            CaseId = 3,
            AssistantId = 4,
            FromUtc = At(2026, 5, 1, 6),
            ToUtc = At(2026, 5, 1, 14),
            State = DeploymentState.OnSite,
            NeedsReplacement = true,
            RestOverrideReason = "ingen annan",
            CreatedBy = 2,
            CreatedUtc = At(2026, 4, 30, 20),
            Report = new TimeReport
            {
                StartUtc = At(2026, 5, 1, 6, 5), EndUtc = At(2026, 5, 1, 14), BreakMinutes = 30, AssistantSignedName = "Kim Öst", AssistantPersonalNumber = "199001011234",
                AssistantSignedUtc = At(2026, 5, 1, 14, 1), RecordedBy = 2,
            },
        };

        Deployment added = store.AddDeployment(written);

        Assert.True(added.Id > 0);
        Deployment read = store.FindDeployment(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(DeploymentState.OnSite, read.State);
        Assert.Equal([DeploymentState.Completed], read.PermittedMoves(At(2026, 5, 1, 14)));
        Assert.Equal(DateTimeKind.Utc, read.Report!.StartUtc.Kind);
        Assert.Null(store.FindDeployment(added.Id + 1000));
    }

    [Fact]
    public void Deployments_OfACase_AndThoseOverlappingAPeriod()
    {
        TStore store = Stores.Open();
        Deployment morning = store.AddDeployment(new Deployment { CaseId = 1, AssistantId = 1, FromUtc = At(2026, 5, 1, 6), ToUtc = At(2026, 5, 1, 14) });
        store.AddDeployment(new Deployment { CaseId = 1, AssistantId = 2, FromUtc = At(2026, 5, 1, 14), ToUtc = At(2026, 5, 1, 22) });
        store.AddDeployment(new Deployment { CaseId = 2, AssistantId = 3, FromUtc = At(2026, 5, 2, 6), ToUtc = At(2026, 5, 2, 14) });

        Assert.Equal([1L, 2L], store.LoadDeploymentsForCase(1).Select(d => d.AssistantId).Order());
        Assert.Empty(store.LoadDeploymentsForCase(9));
        Assert.Equal([1L], store.LoadDeployments(At(2026, 5, 1), At(2026, 5, 1, 14)).Select(d => d.AssistantId));
        Assert.Equal([1L, 2L, 3L], store.LoadDeployments(At(2026, 5, 1, 13), At(2026, 5, 2, 7)).Select(d => d.AssistantId).Order());
        Assert.Empty(store.LoadDeployments(At(2026, 5, 1, 22), At(2026, 5, 2, 6)));

        Deployment moved = store.FindDeployment(morning.Id)!;
        moved.Confirm(At(2026, 4, 30));
        moved.ToUtc = At(2026, 5, 1, 10);
        store.UpdateDeployment(moved);

        Assert.DoesNotContain(store.LoadDeployments(At(2026, 5, 1, 10), At(2026, 5, 1, 14)), d => d.AssistantId == 1);
        Assert.Equal(DeploymentState.Confirmed, store.FindDeployment(morning.Id)!.State);
    }
}

public sealed class LiteDeploymentStoreTests() : DeploymentStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgDeploymentStoreTests(PostgresCluster cluster) : DeploymentStoreContract<PgJourStore>(new PgStores(cluster));
