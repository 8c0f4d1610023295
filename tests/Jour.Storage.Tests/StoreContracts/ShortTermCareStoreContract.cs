using Jour.Core.ShortTermCare;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IShortTermCareStore"/> does, whichever database is under it.</summary>
public abstract class ShortTermCareStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IShortTermCareStore
{
    [Fact]
    public void UnitsAndBookings_ReadBackAsWritten()
    {
        TStore store = Stores.Open();
        var unit = new ShortTermUnit { Name = "Korttidshemmet Åsen", Places = 4, Phone = "08-1", Note = "ring först", Revision = 1 };
        store.AddShortTermUnit(unit);
        var booking = new ShortTermBooking { UnitId = unit.Id, CaseId = 7, FromUtc = At(2026, 5, 1, 18), BookedBy = 2 };
        store.AddShortTermBooking(booking);

        Assert.Equal(Whole(unit), Whole(store.FindShortTermUnit(unit.Id)));
        Assert.Equal(Whole(unit), Whole(Assert.Single(store.LoadShortTermUnits())));
        Assert.Equal(Whole(booking), Whole(Assert.Single(store.LoadShortTermBookings())));
        Assert.Null(store.FindShortTermUnit(unit.Id + 1000));

        booking.ReleasedUtc = At(2026, 5, 3, 10);
        booking.ReleasedBy = 3;
        store.UpdateShortTermBooking(booking);
        ShortTermBooking released = Assert.Single(store.LoadShortTermBookings());
        Assert.Equal((At(2026, 5, 3, 10), 3L, DateTimeKind.Utc), (released.ReleasedUtc!.Value, released.ReleasedBy, released.ReleasedUtc!.Value.Kind));
    }

    [Fact]
    public void TryUpdateShortTermUnit_RaisesTheRevision_AndOfTwoServersOnlyOneWins()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        ShortTermUnit u = one.AddShortTermUnit(new ShortTermUnit { Name = "Före", Places = 2, Revision = 1 });
        ShortTermUnit a = one.FindShortTermUnit(u.Id)!;
        ShortTermUnit b = two.FindShortTermUnit(u.Id)!;
        a.Places = 3;
        b.IsClosed = true;

        bool[] won = AtOnce(Stores, () => one.TryUpdateShortTermUnit(a, 1), () => two.TryUpdateShortTermUnit(b, 1));

        Assert.Single(won, true);
        ShortTermUnit stored = one.FindShortTermUnit(u.Id)!;
        Assert.Equal(won[0] ? (3, false, 2) : (2, true, 2), (stored.Places, stored.IsClosed, stored.Revision));
        Assert.False(one.TryUpdateShortTermUnit(new ShortTermUnit { Id = u.Id + 1000 }, 0));
    }
}

public sealed class LiteShortTermCareStoreTests() : ShortTermCareStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgShortTermCareStoreTests(PostgresCluster cluster) : ShortTermCareStoreContract<PgJourStore>(new PgStores(cluster));
