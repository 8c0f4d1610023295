using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Demo;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests;

/// <summary>
/// The open cases and the client names are kept between reads (every board asks for them); whatever is
/// written, by whichever method, and however reads and writes interleave, a read never returns less than the
/// last commit; and what one reader does with what it got changes nothing the next one reads.
/// </summary>
public sealed partial class ReadCacheTests : IDisposable
{
    private static readonly CaseState[] s_openStates =
        [CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement, CaseState.HandedBack];

    private static readonly BsonMapper s_mapper = JourMapper.Create();

    private readonly string _dir = Directory.CreateTempSubdirectory("jour-cache-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OpenCases_AreKeptBetweenReads_AndFollowAnEndedAndANewCase()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "a.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        IReadOnlyList<Case> first = store.LoadOpenCases();
        Assert.Same(store.LoadOpenCaseRows(), store.LoadOpenCaseRows());
        Assert.Equal(Stored(first), Stored(store.LoadOpenCases()));

        Case ending = store.FindCase(first.First(c => c.State is CaseState.Received).Id)!;
        int revision = ending.Revision;
        CaseEvent entry = ending.Withdraw(_time.GetUtcNow().UtcDateTime, 1, "Anordnaren löste det själv");
        ending.Revision = revision + 1;
        Assert.True(store.TrySaveCase(ending, revision, entry));
        Assert.DoesNotContain(store.LoadOpenCases(), c => c.Id == ending.Id);

        Case added = store.AddCase(NewCase(first[0].ClientId), Opened());
        Assert.Contains(store.LoadOpenCases(), c => c.Id == added.Id);
        Assert.Equal(Uncached(store), Ids(store.LoadOpenCases()));
        Assert.Equal(Uncached(store), [.. store.LoadOpenCaseRows().Select(r => r.Id).Order()]);
    }

    [Fact]
    public void ClientsAndTheirNames_FollowARenameAndANewClient()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "b.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        Assert.Same(store.LoadClientNames(), store.LoadClientNames());
        Assert.Equal(Stored(store.LoadClients()), Stored(store.LoadClients()));
        Client client = store.FindClient(store.LoadClients()[0].Id)!;
        Assert.Equal(client.Name, store.LoadClientNames()[client.Id]);

        int revision = client.Revision;
        client.Name = "Omdöpt Brukare";
        client.Revision = revision + 1;
        Assert.True(store.TryUpdateClient(client, revision));
        Assert.Equal("Omdöpt Brukare", store.LoadClientNames()[client.Id]);
        Assert.Equal("Omdöpt Brukare", store.LoadClients().Single(c => c.Id == client.Id).Name);

        Client added = store.AddClient(new Client { Name = "Ny Brukare", PersonalIdentityNumber = "19121212-1212" });
        Assert.Equal("Ny Brukare", store.LoadClientNames()[added.Id]);
        Assert.Contains(store.LoadClients(), c => c.Id == added.Id);
    }

    // A race, so it can only fail when the cache is wrong: one that files what it read under the version
    // current after the read (not before it) failed here in about one run of three.
    [Fact]
    public async Task ReadsDuringWrites_NeverKeepAnOlderList_ThanTheLastCommit()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "c.db"), "k", mayCreate: true);
        DemoData.Seed(store, _time);
        long clientId = store.LoadOpenCases()[0].ClientId;
        using var done = new CancellationTokenSource();
        Task[] readers = [.. Enumerable.Range(0, 2).Select(n => Task.Run(
            () =>
            {
                while (!done.IsCancellationRequested)
                {
                    _ = store.LoadOpenCases();
                }
            },
            TestContext.Current.CancellationToken))];

        for (int i = 0; i < 400; i++)
        {
            Case added = store.AddCase(NewCase(clientId), Opened());
            // Each write is seen by the next read, whatever the reader thread kept meanwhile.
            Assert.Contains(store.LoadOpenCases(), c => c.Id == added.Id);
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(Uncached(store), Ids(store.LoadOpenCases()));
    }

    private Case NewCase(long clientId) =>
        new() { ClientId = clientId, ReceivedUtc = _time.GetUtcNow().UtcDateTime, UpdatedUtc = _time.GetUtcNow().UtcDateTime, Revision = 1 };

    private CaseEvent Opened() => new() { AtUtc = _time.GetUtcNow().UtcDateTime, To = CaseState.Received, Text = "öppnat" };

    // The cases read state by state: a query the cache does not answer.
    private static List<long> Uncached(LiteJourStore store) => Ids(s_openStates.SelectMany(store.LoadCases));

    private static List<long> Ids(IEnumerable<Case> cases) => [.. cases.Select(c => c.Id).Order()];

    // Each case or client as the store would write it, in id order: equal lists mean equal data.
    private static List<string> Stored<T>(IEnumerable<T> items) =>
        [.. items.Select(i => JsonSerializer.Serialize(s_mapper.ToDocument(i))).Order(StringComparer.Ordinal)];
}
