namespace Jour.Storage.Tests.StoreContracts;

/// <summary>Empty LiteDB stores in memory.</summary>
public sealed class LiteStores : IStores<LiteJourStore>
{
    private readonly List<LiteJourStore> _opened = [];

    public LiteJourStore Open()
    {
        LiteJourStore store = LiteJourStore.InMemory();
        _opened.Add(store);
        return store;
    }

    public LiteJourStore OpenAgain(LiteJourStore first) => first;

    // LiteDB's transactions read a snapshot: two writers at once can both find the revision they expect. One
    // server owns the file and its WriteGate lets one writer through at a time.
    public Lock? OneWriterAtATime { get; } = new();

    public void Dispose() => _opened.ForEach(s => s.Dispose());
}
