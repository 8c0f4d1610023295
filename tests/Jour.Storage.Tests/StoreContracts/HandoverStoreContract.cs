using Jour.Core.Handover;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IHandoverStore"/> does, whichever database is under it.</summary>
public abstract class HandoverStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IHandoverStore
{
    [Fact]
    public void Handovers_NewestFirst_TheLatestAndOneById_UpdatedWhenAcknowledged()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LatestHandover());
        Assert.Empty(store.LoadHandovers(5));
        var handovers = Enumerable.Range(1, 4).Select(i => store.AddHandover(new HandoverRecord
        {
            PeriodFromUtc = At(2026, 5, i, 7), PeriodToUtc = At(2026, 5, i, 19), OutgoingId = i, IncomingId = i + 1, Notes = $"n{i}", Text = $"t{i}", CreatedUtc = At(2026, 5, i, 19),
        })).ToList();

        Assert.Equal(["n4", "n3"], store.LoadHandovers(2).Select(h => h.Notes));
        Assert.Equal("n4", store.LatestHandover()!.Notes);
        HandoverRecord second = store.FindHandover(handovers[1].Id)!;
        Assert.Equal(Whole(handovers[1]), Whole(second));

        second.AcknowledgedBy = 3;
        second.AcknowledgedUtc = At(2026, 5, 2, 19, 5);
        store.UpdateHandover(second);

        HandoverRecord read = store.FindHandover(second.Id)!;
        Assert.Equal((3L, At(2026, 5, 2, 19, 5), DateTimeKind.Utc), (read.AcknowledgedBy!.Value, read.AcknowledgedUtc!.Value, read.AcknowledgedUtc!.Value.Kind));
        Assert.Null(store.FindHandover(handovers[^1].Id + 1000));
    }
}

public sealed class LiteHandoverStoreTests() : HandoverStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgHandoverStoreTests(PostgresCluster cluster) : HandoverStoreContract<PgJourStore>(new PgStores(cluster));
