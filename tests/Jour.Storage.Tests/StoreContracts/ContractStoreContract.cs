using Jour.Core.Contracts;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IContractStore"/> does, whichever database is under it.</summary>
public abstract class ContractStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IContractStore
{
    [Fact]
    public void AContract_ReadsBackAsItWasWritten_AndSavingReplacesIt()
    {
        TStore store = Stores.Open();
        Assert.Empty(store.LoadContracts());
        var written = new Contract
        {
            From = "2026-01-01", To = "2026-12-31", AnnualKr = 1_787_000.50m, PriceLevel = 2, UtilisationPercent = 65m, CapacityHoursPerYear = 3_500m, MonthsPerExtension = 2, NoticeWeeks = 4,
            Deductions = [new ContractDeduction { AmountKr = 12_000m, From = "2026-03-01", To = "2026-03-31", Reason = "Avbrott" }],
            History = [new ContractChange { AtUtc = At(2026, 1, 2), UserId = 2, Kind = ContractChangeKind.Added, NewTo = "2026-12-31" }],
        };

        Contract added = store.AddContract(written);
        store.AddContract(new Contract { From = "2027-01-01", UtilisationPercent = 60m });

        Assert.True(added.Id > 0);
        Assert.Equal(Whole(written), Whole(store.LoadContracts().Single(c => c.Id == added.Id)));
        added.To = "2027-02-28";
        added.History.Add(new ContractChange { AtUtc = At(2026, 12, 1), UserId = 2, Kind = ContractChangeKind.Extended, PreviousTo = "2026-12-31", NewTo = "2027-02-28" });
        store.SaveContract(added);

        Contract read = store.LoadContracts().Single(c => c.Id == added.Id);
        Assert.Equal(("2027-02-28", 2, DateTimeKind.Utc), (read.To, read.History.Count, read.History[1].AtUtc.Kind));
        Assert.Equal(2, store.LoadContracts().Count);
    }

    [Fact]
    public void PaidHours_AreReadByMonths_BothEndsIncluded_AndReplacedByKey()
    {
        TStore store = Stores.Open();
        store.SavePaidHours([Row(4, "2026-03", 100m), Row(4, "2026-04", 110m), Row(5, "2026-04", 50.25m), Row(4, "2026-05", 120m)]);
        store.SavePaidHours([Row(4, "2026-04", 111m)]);

        IReadOnlyList<PaidHours> april = store.LoadPaidHours("2026-04", "2026-04");
        Assert.Equal([(4L, 111m), (5L, 50.25m)], april.Select(p => (p.AssistantId, p.Hours)).Order());
        Assert.Equal(["2026-03", "2026-04", "2026-04", "2026-05"], store.LoadPaidHours("2026-03", "2026-05").Select(p => p.Month).Order(StringComparer.Ordinal));
        Assert.Empty(store.LoadPaidHours("2026-06", "2026-12"));
        PaidHours read = store.LoadPaidHours("2026-03", "2026-03").Single();
        Assert.Equal(Whole(Row(4, "2026-03", 100m)), Whole(read));
    }

    private static PaidHours Row(long assistant, string month, decimal hours) => new()
    {
        Id = PaidHours.KeyOf(assistant, month), AssistantId = assistant, Month = month, Hours = hours, OtherContractHours = 2.5m, ImportedBy = 2, ImportedUtc = At(2026, 6, 1),
    };
}

public sealed class LiteContractStoreTests() : ContractStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgContractStoreTests(PostgresCluster cluster) : ContractStoreContract<PgJourStore>(new PgStores(cluster));
