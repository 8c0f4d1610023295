using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Journals;
using Jour.Storage.Postgres;
using Jour.Testing;
using Npgsql;

namespace Jour.Storage.Tests.Postgres;

/// <summary>The copy under `jour store migrate`: what it carries, that its checks can fail, and that a failed copy leaves nothing.</summary>
public sealed class LiteToPostgresTests(PostgresCluster cluster)
{
    [Fact]
    public void Move_TheDemo_CopiesEveryTable_AndASecondMoveIntoIt_IsRefused()
    {
        using LiteJourStore lite = Demo();
        using PgJourStore postgres = cluster.NewStore();

        MoveReport report = LiteToPostgres.Move(lite, postgres);

        Assert.Equal(PgJourStore.CopiedTables, report.Tables.Select(t => t.Name));
        Assert.All(report.Tables, t => Assert.Equal(t.LiteRows, t.PostgresRows));
        Assert.Contains(report.Tables, t => t.Name == "journal" && t.PostgresRows > 0);
        Assert.True(report.MonthsCompared > 0);
        Assert.True(postgres.HoldsData());
        Assert.Equal(ErrorCodes.StorageMoveTargetNotEmpty, Assert.Throws<JourException>(() => LiteToPostgres.Move(lite, postgres)).Code);
    }

    [Fact]
    public void Copy_KeepsTextThatCopysFormatWouldOtherwiseSplit()
    {
        using LiteJourStore lite = Demo();
        const string Awkward = "tab\there\nnew line\r\nback\\slash \\N å\u00e4ö \"quoted\" 🙂";
        long clientId = lite.LoadClients()[0].Id;
        JournalEntry written = lite.AppendJournalEntry(new JournalEntry { ClientId = clientId, Series = JournalSeries.Sol, AtUtc = DateTime.UtcNow, AuthorId = 1, Text = Awkward });
        using PgJourStore postgres = cluster.NewStore();

        LiteToPostgres.Move(lite, postgres);

        Assert.Equal(Awkward, postgres.FindJournalEntry(written.Id)!.Text);
    }

    [Fact]
    public void StoredDigest_SeesADocumentChangedAfterTheCopy_AndRemoveCopiedEmptiesTheTables()
    {
        using LiteJourStore lite = Demo();
        string connection = cluster.NewSchema();
        using PgJourStore postgres = PgJourStore.Open(connection);
        CopiedTable clients = postgres.CopyFrom(lite).Single(t => t.Name == "clients");
        Assert.Equal(clients.Digest, postgres.StoredDigest("clients"));

        using (var sql = new NpgsqlConnection(connection))
        {
            sql.Open();
            using var change = new NpgsqlCommand("UPDATE clients SET doc = jsonb_set(doc, '{Name}', '\"Someone Else\"') WHERE id = (SELECT min(id) FROM clients)", sql);
            Assert.Equal(1, change.ExecuteNonQuery());
        }

        Assert.NotEqual(clients.Digest, postgres.StoredDigest("clients"));
        postgres.RemoveCopied();
        Assert.False(postgres.HoldsData());
        Assert.Empty(postgres.LoadClients());
    }

    [Fact]
    public void Move_ADatabaseWithACollectionThisBuildDoesNotKnow_IsRefused_BeforeAnythingIsCopied()
    {
        using LiteJourStore lite = Demo();
        lite.Database.GetCollection("from_a_newer_jour").Insert(new LiteDB.BsonDocument { ["_id"] = 1, ["What"] = "unknown" });
        using PgJourStore postgres = cluster.NewStore();

        var refused = Assert.Throws<JourException>(() => LiteToPostgres.Move(lite, postgres));

        Assert.Equal(ErrorCodes.StorageMoveUnknownCollection, refused.Code);
        Assert.Equal(["from_a_newer_jour"], refused.Args);
        Assert.False(postgres.HoldsData());
    }

    [Fact]
    public void Move_ACopyPostgresCheckFindsFaultIn_IsRemovedAgain()
    {
        using LiteJourStore lite = Demo();
        Assert.True(lite.Database.GetCollection("counters").DeleteAll() > 0);
        using PgJourStore postgres = cluster.NewStore();

        var refused = Assert.Throws<JourException>(() => LiteToPostgres.Move(lite, postgres));

        Assert.Equal(ErrorCodes.StorageMoveCopyUnsound, refused.Code);
        string counterBehind = Messages.Format("Check_CounterBehind", ["\u0001", "", ""]).Split('\u0001')[0];
        Assert.StartsWith(counterBehind, refused.Args[1], StringComparison.Ordinal);
        Assert.False(postgres.HoldsData());
    }

    private static LiteJourStore Demo()
    {
        LiteJourStore store = LiteJourStore.InMemory();
        DemoData.Seed(store, TimeProvider.System);
        return store;
    }
}
