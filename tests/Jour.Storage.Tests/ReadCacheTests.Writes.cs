using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Demo;
using Jour.Core.Generation;
using LiteDB;

namespace Jour.Storage.Tests;

// After any write to the cases or the clients, by any method of the store or by none (straight through the
// database), the kept reads equal a fresh read: invalidation is the write path's, not each method's.
public sealed partial class ReadCacheTests
{
    public static TheoryData<string> Writes() =>
    [
        "AddCase", "TrySaveCase", "AddCaseHistories", "Reset",
        "AddClient", "AddClients", "TryUpdateClient",
        "cases straight through the database", "clients straight through the database", "SQL", "a transaction rolled back",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public void AfterAWrite_ByAnyMethod_TheKeptReadsEqualAFreshRead(string write)
    {
        using LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, _time);
        AssertKeptAsStored(store); // everything kept
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Case open = store.FindCase(store.LoadOpenCaseRows().First(r => r.State == CaseState.Received).Id)!;
        Client client = store.FindClient(store.LoadClientNames().Keys.First())!;

        switch (write)
        {
            case "AddCase":
                store.AddCase(NewCase(client.Id), Opened());
                break;
            case "TrySaveCase":
                int revision = open.Revision;
                CaseEvent entry = open.Withdraw(now, 1, "löst");
                open.Revision++;
                Assert.True(store.TrySaveCase(open, revision, entry));
                break;
            case "AddCaseHistories":
                store.AddCaseHistories([new CaseHistory(NewCase(client.Id), [Opened()], [])]);
                break;
            case "Reset":
                store.Reset(isDemo: true);
                break;
            case "AddClient":
                store.AddClient(new Client { Name = "Ny Brukare", PersonalIdentityNumber = "191212121212" });
                break;
            case "AddClients":
                store.AddClients([new Client { Name = "Ny Ett", PersonalIdentityNumber = "191212121212" }, new Client { Name = "Ny Två" }]);
                break;
            case "TryUpdateClient":
                int seen = client.Revision;
                client.Name = "Omdöpt";
                client.Revision++;
                Assert.True(store.TryUpdateClient(client, seen));
                break;
            case "cases straight through the database":
                open.Urgency = Urgency.Acute;
                open.Needs.Add(new NeedWindow { FromUtc = now.AddHours(2), ToUtc = now.AddHours(4), Assistants = 2 });
                store.Database.GetCollection<Case>("cases").Update(open);
                break;
            case "clients straight through the database":
                client.Name = "Omdöpt";
                store.Database.GetCollection<Client>("clients").Update(client);
                break;
            case "SQL":
                store.Database.Execute($"UPDATE cases SET Urgency = 'Acute', Number = 'SQL' WHERE _id = {open.Id}");
                store.Database.Execute($"UPDATE clients SET Name = 'Omdöpt' WHERE _id = {client.Id}");
                break;
            case "a transaction rolled back":
                Assert.True(store.Database.BeginTrans());
                store.Database.GetCollection<Client>("clients").Delete(client.Id);
                Assert.DoesNotContain(store.LoadClients(), c => c.Id == client.Id); // the transaction sees its own write
                IReadOnlyList<Client>? other = null;
                var reader = new Thread(() => other = store.LoadClients());
                reader.Start();
                Assert.True(reader.Join(TimeSpan.FromSeconds(10)));
                Assert.Contains(other!, c => c.Id == client.Id); // no other reader does, not even from the cache
                Assert.True(store.Database.Rollback());
                Assert.Contains(store.LoadClients(), c => c.Id == client.Id);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }

        AssertKeptAsStored(store);
    }

    private static void AssertKeptAsStored(LiteJourStore store)
    {
        var cases = s_openStates.SelectMany(store.LoadCases).ToList();
        var clients = store.Database.GetCollection<Client>("clients").FindAll().ToList();
        Assert.Equal(Stored(cases), Stored(store.LoadOpenCases()));
        Assert.Equal([.. cases.Select(CaseRow.Of).OrderBy(r => r.Id).Select(Row)], store.LoadOpenCaseRows().OrderBy(r => r.Id).Select(Row));
        Assert.Equal(Stored(clients), Stored(store.LoadClients()));
        Assert.Equal(clients.ToDictionary(c => c.Id, c => c.Name), store.LoadClientNames().ToDictionary());
    }

    // A row's members with its windows spelled out (two rows of the same case are equal records only when they share the window array).
    private static string Row(CaseRow r) => $"{r with { Uncovered = [] }} {string.Join(",", r.Uncovered)}";
}
