using Jour.Core.Providers;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IProviderStore"/> does, whichever database is under it.</summary>
public abstract class ProviderStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IProviderStore
{
    [Fact]
    public void AProvider_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new Provider
        {
            Name = "Assistans & Co AB",
            OrganisationNumber = "5560360793",
            HasFTax = false,
            Status = ProviderStatus.Bankrupt,
            Phone = "08-123",
            Permit = IvoPermit.Revoked,
            Contacts = [new ContactPerson { Name = "Örjan", Phone = "070-9" }],
            Revision = 3,
        };

        Provider added = store.AddProvider(written);

        Assert.True(added.Id > 0);
        Assert.Equal(Whole(written), Whole(store.FindProvider(added.Id)));
        Assert.Equal(Whole(written), Whole(Assert.Single(store.LoadProviders())));
        Assert.Null(store.FindProvider(added.Id + 1000));
    }

    [Fact]
    public void AddProviders_IsOneTransaction_AFailingDocumentLeavesNoneOfTheOthers()
    {
        TStore store = Stores.Open();
        store.AddProvider(new Provider { Id = 2, Name = "Kvar AB", OrganisationNumber = "5560360793" });

        Assert.ThrowsAny<Exception>(() => store.AddProviders(
        [
            new Provider { Name = "Ny AB", OrganisationNumber = "5566778899" },
            new Provider { Id = 2, Name = "Krock AB", OrganisationNumber = "5591122337" },
        ]));

        Assert.Equal(["Kvar AB"], store.LoadProviders().Select(p => p.Name));
        store.AddProviders([new Provider { Name = "Ny AB" }, new Provider { Name = "Ny 2 AB" }]);
        Assert.Equal(["Kvar AB", "Ny 2 AB", "Ny AB"], store.LoadProviders().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, store.LoadProviders().Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void TryUpdateProvider_RaisesTheRevision_AndOfTwoServersOnlyOneWins()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        Provider p = one.AddProvider(new Provider { Name = "Före AB", Revision = 1 });
        Provider a = one.FindProvider(p.Id)!;
        Provider b = two.FindProvider(p.Id)!;
        a.Name = "A AB";
        b.Name = "B AB";

        bool[] won = AtOnce(Stores, () => one.TryUpdateProvider(a, 1), () => two.TryUpdateProvider(b, 1));

        Assert.Single(won, true);
        Provider stored = one.FindProvider(p.Id)!;
        Assert.Equal((won[0] ? "A AB" : "B AB", 2), (stored.Name, stored.Revision));
        Assert.Equal(1, (won[0] ? b : a).Revision);
        Assert.False(one.TryUpdateProvider(new Provider { Id = p.Id + 1000 }, 0));
    }
}

public sealed class LiteProviderStoreTests() : ProviderStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgProviderStoreTests(PostgresCluster cluster) : ProviderStoreContract<PgJourStore>(new PgStores(cluster));
