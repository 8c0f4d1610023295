using Jour.Core.Staff;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IStaffStore"/> does, whichever database is under it.</summary>
public abstract class StaffStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IStaffStore
{
    [Fact]
    public void AnAssistant_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new StandbyAssistant
        {
            Name = "Kim Öst",
            Phone = "070-555",
            PersonalIdentityNumber = "199001011234",
            EmploymentForm = EmploymentForm.Permanent,
            Competences = ["lyft", "PEG"],
            WeeklyHourLimit = 37.5m,
            IsBlocked = true,
            Delegations = [new Delegation { Task = "insulin", IssuedBy = "SSK Berg", ValidFromUtc = At(2026, 1, 1), ValidToUtc = At(2026, 12, 31) }],
            Availability = [new AvailabilityPeriod { FromUtc = At(2026, 5, 1, 6), ToUtc = At(2026, 5, 1, 22), IsAvailable = true, Note = "dag" }],
            KnownClientIds = [3, 4],
            ExcludedClientIds = [9],
            Revision = 2,
            BlockLog = [new BlockEntry { Blocked = true, UserId = 2, AtUtc = At(2026, 4, 1), Reason = "utredning" }],
            RegisterChecks = [new RegisterCheck { ShownOn = "2026-03-01", CheckedBy = 2, RecordedUtc = At(2026, 3, 1, 9) }],
        };

        StandbyAssistant added = store.AddStaff(written);

        Assert.True(added.Id > 0);
        StandbyAssistant read = store.FindStaff(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(DateTimeKind.Utc, read.Availability[0].FromUtc.Kind);
        Assert.Equal(Whole(written), Whole(Assert.Single(store.LoadStaff())));
        Assert.Null(store.FindStaff(added.Id + 1000));
    }

    [Fact]
    public void AddStaffMembers_AddsAllInOneGo_AndUpdateStaffReplacesOne()
    {
        TStore store = Stores.Open();
        store.AddStaffMembers([new StandbyAssistant { Name = "A" }, new StandbyAssistant { Name = "B" }]);
        StandbyAssistant b = store.LoadStaff().Single(s => s.Name == "B");

        b.Phone = "070-2";
        b.IsBlocked = true;
        store.UpdateStaff(b);

        StandbyAssistant read = store.FindStaff(b.Id)!;
        Assert.Equal(("070-2", true), (read.Phone, read.IsBlocked));
        Assert.Equal(["A", "B"], store.LoadStaff().Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, store.LoadStaff().Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void TryUpdateStaff_RaisesTheRevision_AndOfTwoServersOnlyOneWins()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        StandbyAssistant s = one.AddStaff(new StandbyAssistant { Name = "Före", Revision = 1 });
        StandbyAssistant a = one.FindStaff(s.Id)!;
        StandbyAssistant b = two.FindStaff(s.Id)!;
        a.Name = "a";
        b.Name = "b";

        bool[] won = AtOnce(Stores, () => one.TryUpdateStaff(a, 1), () => two.TryUpdateStaff(b, 1));

        Assert.Single(won, true);
        StandbyAssistant stored = one.FindStaff(s.Id)!;
        Assert.Equal((won[0] ? "a" : "b", 2), (stored.Name, stored.Revision));
        Assert.False(one.TryUpdateStaff(new StandbyAssistant { Id = s.Id + 1000 }, 0));
    }

    [Fact]
    public void PoolSettings_AreNullUntilSaved_ThenTheLastSaved()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LoadPoolSettings());

        store.SavePoolSettings(new PoolSettings { RegisterCheckValidityMonths = 6, HygieneCheckIntervalMonths = 3, UpdatedBy = 2, UpdatedUtc = At(2026, 5, 1) });
        store.SavePoolSettings(new PoolSettings { RegisterCheckValidityMonths = 9, HygieneCheckIntervalMonths = 4, UpdatedBy = 3, UpdatedUtc = At(2026, 5, 2) });

        PoolSettings read = store.LoadPoolSettings()!;
        Assert.Equal((9, 4, 3L, At(2026, 5, 2)), (read.RegisterCheckValidityMonths, read.HygieneCheckIntervalMonths, read.UpdatedBy, read.UpdatedUtc));
    }
}

public sealed class LiteStaffStoreTests() : StaffStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgStaffStoreTests(PostgresCluster cluster) : StaffStoreContract<PgJourStore>(new PgStores(cluster));
