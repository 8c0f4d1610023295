using Jour.Core.Roster;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IRosterStore"/> does, whichever database is under it.</summary>
public abstract class RosterStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IRosterStore
{
    [Fact]
    public void ARotation_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new Rotation
        {
            Name = "Dag/natt",
            OfficerIds = [2, 3, 5],
            Pattern = RotationPattern.Daily,
            StartDate = "2026-05-04",
            HandOffDay = DayOfWeek.Monday,
            HandOffMinutes = [7 * 60, 19 * 60],
            ValidFromUtc = At(2026, 5, 4, 5),
            ChangedBy = 2,
            ChangedUtc = At(2026, 5, 1),
        };

        Rotation added = store.AddRotation(written);

        Assert.True(added.Id > 0);
        Rotation read = Assert.Single(store.LoadRotations());
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(DateTimeKind.Utc, read.ValidFromUtc.Kind);
    }

    [Fact]
    public void Overrides_AreThoseOverlappingTheWindow()
    {
        TStore store = Stores.Open();
        DateTime now = At(2026, 5, 1, 12);
        store.AddOverrides(
        [
            new OnCallOverride { OfficerId = 3, FromUtc = now, ToUtc = now.AddHours(2), Kind = OverrideKind.TakeOver, Reason = "x", CreatedBy = 2, CreatedUtc = now },
            new OnCallOverride { OfficerId = 4, FromUtc = now.AddHours(5), ToUtc = now.AddHours(6), Kind = OverrideKind.Swap },
        ]);

        OnCallOverride stored = Assert.Single(store.LoadOverrides(now.AddHours(1), now.AddHours(3)));
        Assert.Equal((3L, OverrideKind.TakeOver, now, now.AddHours(2), "x", 2L), (stored.OfficerId, stored.Kind, stored.FromUtc, stored.ToUtc, stored.Reason, stored.CreatedBy));
        Assert.Empty(store.LoadOverrides(now.AddHours(2), now.AddHours(3)));
        Assert.Empty(store.LoadOverrides(now.AddHours(-1), now));
        Assert.Equal([3L, 4L], store.LoadOverrides(now.AddHours(-1), now.AddHours(24)).Select(o => o.OfficerId).Order());
        Assert.Equal(2, store.LoadOverrides(now.AddHours(-1), now.AddHours(24)).Select(o => o.Id).Distinct().Count());
    }
}

public sealed class LiteRosterStoreTests() : RosterStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgRosterStoreTests(PostgresCluster cluster) : RosterStoreContract<PgJourStore>(new PgStores(cluster));
