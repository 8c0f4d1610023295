using Jour.Core.CallOuts;
using Jour.Core.Demo;
using Jour.Core.Drafts;
using Jour.Core.ShortTermCare;
using Jour.Core.Staff;
using Jour.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests;

/// <summary>
/// No collection is born while the server runs: LiteDB 5 can fail a read of a collection another transaction is
/// creating (LiteDB issue 2792), and reads run beside writes. Every collection exists once the store is open.
/// </summary>
public sealed class CollectionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-collections-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ANewFile_HasEveryCollection_AndWritesOfEveryKindCreateNone()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "k", mayCreate: true);
        var atOpen = store.ExistingCollections().ToHashSet();
        Assert.Superset(LiteJourStore.CollectionNames.ToHashSet(), atOpen);

        DemoData.Seed(store, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)));
        store.SaveDraft(new Draft { Id = "1/new-case", UserId = 1, Form = "new-case", SavedUtc = DateTime.UtcNow });
        store.SavePoolSettings(new PoolSettings { RegisterCheckValidityMonths = 6 });
        store.SaveSmsSettings(new SmsSettings { Url = "http://127.0.0.1:9/a1/sms" });
        store.AddShortTermBooking(new ShortTermBooking { UnitId = 1, CaseId = 1, FromUtc = DateTime.UtcNow });

        Assert.Subset(atOpen, store.ExistingCollections().ToHashSet());
    }
}
