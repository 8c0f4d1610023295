using Jour.Core.Drafts;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IDraftStore"/> does, whichever database is under it.</summary>
public abstract class DraftStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IDraftStore
{
    [Fact]
    public void ADraft_IsKeptPerUserAndForm_ReplacedBySavingAgain_UntilDeleted()
    {
        TStore store = Stores.Open();
        string id = Draft.IdFor(3, "intake");
        Assert.Null(store.FindDraft(id));

        store.SaveDraft(new Draft { Id = id, UserId = 3, Form = "intake", Fields = new() { ["name"] = "Åsa", ["note"] = "rad 1\nrad 2" }, SavedUtc = At(2026, 5, 1) });
        store.SaveDraft(new Draft { Id = Draft.IdFor(4, "intake"), UserId = 4, Form = "intake", Fields = new() { ["name"] = "Bo" } });
        store.SaveDraft(new Draft { Id = id, UserId = 3, Form = "intake", Fields = new() { ["name"] = "Åsa Ek", ["note"] = "rad 1\nrad 2" }, SavedUtc = At(2026, 5, 1, 0, 1) });

        Draft read = store.FindDraft(id)!;
        Assert.Equal((3L, "intake", At(2026, 5, 1, 0, 1), DateTimeKind.Utc), (read.UserId, read.Form, read.SavedUtc, read.SavedUtc.Kind));
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Åsa Ek", ["note"] = "rad 1\nrad 2" }, read.Fields);
        store.DeleteDraft(id);
        Assert.Null(store.FindDraft(id));
        Assert.Equal("Bo", store.FindDraft(Draft.IdFor(4, "intake"))!.Fields["name"]);
        store.DeleteDraft(id);
    }
}

public sealed class LiteDraftStoreTests() : DraftStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgDraftStoreTests(PostgresCluster cluster) : DraftStoreContract<PgJourStore>(new PgStores(cluster));
