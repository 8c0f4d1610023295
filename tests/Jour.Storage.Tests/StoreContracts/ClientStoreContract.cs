using Jour.Core.Clients;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IClientStore"/> does, whichever database is under it.</summary>
public abstract class ClientStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IClientStore
{
    [Fact]
    public void AClient_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new Client
        {
            Name = "Märta Ågren",
            PersonalIdentityNumber = "194608239986",
            Sex = Sex.Female,
            Address = "Storgatan 1\n123 45 Ort",
            AccessNote = "Nyckel i \"tub\"",
            ProviderId = 4,
            GrantedHoursPerWeek = 97.5m,
            Basis = AssistanceBasis.Lss,
            Needs = ["lyft", "sondmatning"],
            DelegatedTasks = ["insulin"],
            Representatives = [new Representative { Kind = RepresentativeKind.Guardian, Name = "Eva Lind", Phone = "070-1", PersonalNumber = "194202023018" }],
            Revision = 1,
        };

        Client added = store.AddClient(written);

        Assert.True(added.Id > 0);
        Client read = store.FindClient(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.True(read.Representatives[0].MaySign);
        Assert.Equal(Whole(written), Whole(Assert.Single(store.LoadClients())));
        Assert.Equal("Märta Ågren", store.LoadClientNames()[added.Id]);
        Assert.Null(store.FindClient(added.Id + 1000));
    }

    [Fact]
    public void AClientWithItsOwnId_KeepsIt_AndTheNextNewOneGetsAnotherId()
    {
        TStore store = Stores.Open();
        store.AddClient(new Client { Id = 50, Name = "Given" });

        Client next = store.AddClient(new Client { Name = "Next" });

        Assert.Equal("Given", store.FindClient(50)!.Name);
        Assert.NotEqual(50, next.Id);
        Assert.Equal(["Given", "Next"], store.LoadClients().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddClients_IsOneTransaction_AFailingDocumentLeavesNoneOfTheOthers()
    {
        TStore store = Stores.Open();
        store.AddClient(new Client { Id = 5, Name = "Kvar", PersonalIdentityNumber = "195704289999" });

        // The third document collides with a stored id, after two others were inserted in the same call.
        Assert.ThrowsAny<Exception>(() => store.AddClients(
        [
            new Client { Name = "Ny 1", PersonalIdentityNumber = "194608239986" },
            new Client { Name = "Ny 2", PersonalIdentityNumber = "200002292399" },
            new Client { Id = 5, Name = "Krock", PersonalIdentityNumber = "190905271474" },
        ]));

        Assert.Equal(["Kvar"], store.LoadClients().Select(c => c.Name));
        store.AddClients([new Client { Name = "Ny 1", PersonalIdentityNumber = "194608239986" }]);
        Assert.Equal(["Kvar", "Ny 1"], store.LoadClients().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Kvar", "Ny 1"], store.LoadClientNames().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryUpdateClient_RaisesTheRevision_AndRefusesAnOlderOne()
    {
        TStore store = Stores.Open();
        Client c = store.AddClient(new Client { Name = "Före", Revision = 1 });
        Client mine = store.FindClient(c.Id)!;
        Client theirs = store.FindClient(c.Id)!;

        mine.Name = "Efter";
        Assert.True(store.TryUpdateClient(mine, 1));
        Assert.Equal(2, mine.Revision);

        theirs.Name = "Sent";
        Assert.False(store.TryUpdateClient(theirs, 1));
        Assert.Equal(1, theirs.Revision);

        Client stored = store.FindClient(c.Id)!;
        Assert.Equal(("Efter", 2), (stored.Name, stored.Revision));
        Assert.Equal("Efter", store.LoadClientNames()[c.Id]);
        Assert.False(store.TryUpdateClient(new Client { Id = c.Id + 1000, Name = "Ingen" }, 0));
    }

    [Fact]
    public void ALoadedClient_IsTheCallersCopy()
    {
        TStore store = Stores.Open();
        Client c = store.AddClient(new Client { Name = "Kvar", Needs = ["lyft"] });

        Client mine = store.LoadClients().Single();
        mine.Name = "Ändrad";
        mine.Needs.Add("mer");

        Assert.Equal(("Kvar", 1), (store.LoadClients().Single().Name, store.LoadClients().Single().Needs.Count));
        Assert.Equal("Kvar", store.FindClient(c.Id)!.Name);
    }

    [Fact]
    public void TwoServersUpdatingTheSameRevision_OnlyOneWins()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        for (int round = 0; round < 10; round++)
        {
            Client c = one.AddClient(new Client { Name = "Före", Revision = 1 });
            Client a = one.FindClient(c.Id)!;
            Client b = two.FindClient(c.Id)!;
            a.Name = "a";
            b.Name = "b";

            bool[] won = AtOnce(Stores, () => one.TryUpdateClient(a, 1), () => two.TryUpdateClient(b, 1));

            Assert.Single(won, true);
            Client stored = two.FindClient(c.Id)!;
            Assert.Equal((won[0] ? "a" : "b", 2), (stored.Name, stored.Revision));
        }
    }
}

public sealed class LiteClientStoreTests() : ClientStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgClientStoreTests(PostgresCluster cluster) : ClientStoreContract<PgJourStore>(new PgStores(cluster));
