using Jour.Core.Hygiene;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IHygieneStore"/> does, whichever database is under it.</summary>
public abstract class HygieneStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IHygieneStore
{
    [Fact]
    public void AHygieneCheck_ReadsBackAsItWasWritten_AndIsUpdatedWhenFollowedUp()
    {
        TStore store = Stores.Open();
        var written = new HygieneCheck
        {
            AssistantId = 4,
            CheckedOn = "2026-05-01",
            CheckedBy = 2,
            RecordedUtc = At(2026, 5, 1, 10),
            Items = [new HygieneItemResult { Item = HygieneRoutines.Items[0], Followed = true }, new HygieneItemResult { Item = HygieneRoutines.Items[1], Followed = false }],
            Note = "Handsprit saknades",
            FollowUp = new HygieneFollowUp { Action = "Köp handsprit", DueOn = "2026-05-15" },
        };

        HygieneCheck added = store.AddHygieneCheck(written);
        store.AddHygieneCheck(new HygieneCheck { AssistantId = 5, CheckedOn = "2026-05-02" });

        Assert.Equal(Whole(written), Whole(store.FindHygieneCheck(added.Id)));
        Assert.Equal([4L, 5L], store.LoadHygieneChecks().Select(c => c.AssistantId).Order());
        added.FollowUp!.DoneOn = "2026-05-10";
        added.FollowUp.DoneBy = 3;
        store.UpdateHygieneCheck(added);
        HygieneFollowUp done = store.FindHygieneCheck(added.Id)!.FollowUp!;
        Assert.Equal(("2026-05-10", 3L), (done.DoneOn, done.DoneBy));
        Assert.Null(store.FindHygieneCheck(added.Id + 1000));
    }
}

public sealed class LiteHygieneStoreTests() : HygieneStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgHygieneStoreTests(PostgresCluster cluster) : HygieneStoreContract<PgJourStore>(new PgStores(cluster));
