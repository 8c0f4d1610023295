using Jour.Core.AccessLog;
using Jour.Core.Handover;
using Jour.Core.Hygiene;
using Jour.Core.Journals;
using Jour.Core.Roster;
using Jour.Storage.Postgres;
using Jour.Storage.Tests.Postgres;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IRosterStore"/> does, whichever database is under it.</summary>
public abstract class RosterStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IRosterStore
{
    [Fact]
    public void ARotation_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new Rotation
        {
            Name = "Dag/natt",
            OfficerIds = [2, 3, 5],
            Pattern = RotationPattern.Daily,
            StartDate = "2026-05-04",
            HandOffDay = DayOfWeek.Monday,
            HandOffMinutes = [7 * 60, 19 * 60],
            ValidFromUtc = At(2026, 5, 4, 5),
            ChangedBy = 2,
            ChangedUtc = At(2026, 5, 1),
        };

        Rotation added = store.AddRotation(written);

        Assert.True(added.Id > 0);
        Rotation read = Assert.Single(store.LoadRotations());
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(DateTimeKind.Utc, read.ValidFromUtc.Kind);
    }

    [Fact]
    public void Overrides_AreThoseOverlappingTheWindow()
    {
        TStore store = Stores.Open();
        DateTime now = At(2026, 5, 1, 12);
        store.AddOverrides(
        [
            new OnCallOverride { OfficerId = 3, FromUtc = now, ToUtc = now.AddHours(2), Kind = OverrideKind.TakeOver, Reason = "x", CreatedBy = 2, CreatedUtc = now },
            new OnCallOverride { OfficerId = 4, FromUtc = now.AddHours(5), ToUtc = now.AddHours(6), Kind = OverrideKind.Swap },
        ]);

        OnCallOverride stored = Assert.Single(store.LoadOverrides(now.AddHours(1), now.AddHours(3)));
        Assert.Equal((3L, OverrideKind.TakeOver, now, now.AddHours(2), "x", 2L), (stored.OfficerId, stored.Kind, stored.FromUtc, stored.ToUtc, stored.Reason, stored.CreatedBy));
        Assert.Empty(store.LoadOverrides(now.AddHours(2), now.AddHours(3)));
        Assert.Empty(store.LoadOverrides(now.AddHours(-1), now));
        Assert.Equal([3L, 4L], store.LoadOverrides(now.AddHours(-1), now.AddHours(24)).Select(o => o.OfficerId).Order());
        Assert.Equal(2, store.LoadOverrides(now.AddHours(-1), now.AddHours(24)).Select(o => o.Id).Distinct().Count());
    }
}

/// <summary>What every <see cref="IHandoverStore"/> does, whichever database is under it.</summary>
public abstract class HandoverStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IHandoverStore
{
    [Fact]
    public void Handovers_NewestFirst_TheLatestAndOneById_UpdatedWhenAcknowledged()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LatestHandover());
        Assert.Empty(store.LoadHandovers(5));
        var handovers = Enumerable.Range(1, 4).Select(i => store.AddHandover(new HandoverRecord
        {
            PeriodFromUtc = At(2026, 5, i, 7), PeriodToUtc = At(2026, 5, i, 19), OutgoingId = i, IncomingId = i + 1, Notes = $"n{i}", Text = $"t{i}", CreatedUtc = At(2026, 5, i, 19),
        })).ToList();

        Assert.Equal(["n4", "n3"], store.LoadHandovers(2).Select(h => h.Notes));
        Assert.Equal("n4", store.LatestHandover()!.Notes);
        HandoverRecord second = store.FindHandover(handovers[1].Id)!;
        Assert.Equal(Whole(handovers[1]), Whole(second));

        second.AcknowledgedBy = 3;
        second.AcknowledgedUtc = At(2026, 5, 2, 19, 5);
        store.UpdateHandover(second);

        HandoverRecord read = store.FindHandover(second.Id)!;
        Assert.Equal((3L, At(2026, 5, 2, 19, 5), DateTimeKind.Utc), (read.AcknowledgedBy!.Value, read.AcknowledgedUtc!.Value, read.AcknowledgedUtc!.Value.Kind));
        Assert.Null(store.FindHandover(handovers[^1].Id + 1000));
    }
}

/// <summary>What every <see cref="IJournalStore"/> and <see cref="IAccessLogStore"/> does, whichever database is under it.</summary>
public abstract class JournalStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IJournalStore, IAccessLogStore
{
    [Fact]
    public void AJournal_IsOneClientsOneSeries_EntriesAsWritten()
    {
        TStore store = Stores.Open();
        JournalEntry first = store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "Första\nrad två" });
        JournalEntry correction = store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 9), AuthorId = 2, Text = "Rättelse", CorrectsId = first.Id });
        store.AppendJournalEntry(new JournalEntry { ClientId = 1, Series = JournalSeries.Sol, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "SoL" });
        store.AppendJournalEntry(new JournalEntry { ClientId = 2, Series = JournalSeries.Lss, AtUtc = At(2026, 5, 1, 8), AuthorId = 2, Text = "Annan" });

        Assert.Equal(["Första\nrad två", "Rättelse"], store.LoadJournal(1, JournalSeries.Lss).OrderBy(e => e.AtUtc).Select(e => e.Text));
        Assert.Equal(["SoL"], store.LoadJournal(1, JournalSeries.Sol).Select(e => e.Text));
        Assert.Empty(store.LoadJournal(3, JournalSeries.Lss));
        Assert.Equal(Whole(correction), Whole(store.FindJournalEntry(correction.Id)));
        Assert.Equal(first.Id, store.FindJournalEntry(correction.Id)!.CorrectsId);
        Assert.Null(store.FindJournalEntry(correction.Id + 1000));
    }

    [Fact]
    public void TheAccessLog_OnePersonsEntries_InTheWindow_AndNoOneElses()
    {
        TStore store = Stores.Open();
        DateTime day = At(2026, 11, 1, 12);
        for (int i = 0; i < 30; i++)
        {
            store.AppendAccess(new AccessLogEntry { AtUtc = day.AddDays(i), UserId = 1, ClientId = 1 + (i % 3) });
        }

        var mine = store.LoadAccessLog(day.AddDays(3), day.AddDays(12), clientId: 2);

        Assert.Equal([4, 7, 10], mine.Select(e => (e.AtUtc - day).Days).Order()); // in no promised order: readers sort
        Assert.All(mine, e => Assert.Equal(2, e.ClientId));
        Assert.Equal(9, store.LoadAccessLog(day.AddDays(3), day.AddDays(12)).Count);
        Assert.Equal(30, store.LoadAccessLog(day, day.AddDays(30)).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void AnAccessLogEntry_ReadsBackAsItWasWritten()
    {
        TStore store = Stores.Open();
        var written = new AccessLogEntry { AtUtc = At(2026, 5, 1, 3), UserId = 2, ClientId = 7, AssistantId = 4, What = AccessedData.JournalLss, Basis = AccessBasis.Emergency, CaseId = 9, Reason = "Akut: \"brand\"" };

        store.AppendAccess(written);

        AccessLogEntry read = Assert.Single(store.LoadAccessLog(At(2026, 5, 1), At(2026, 5, 2), 7));
        Assert.Equal(Whole(written), Whole(read));
        Assert.True(read.IsEmergency);
    }
}

/// <summary>What every <see cref="IHygieneStore"/> does, whichever database is under it.</summary>
public abstract class HygieneStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IHygieneStore
{
    [Fact]
    public void AHygieneCheck_ReadsBackAsItWasWritten_AndIsUpdatedWhenFollowedUp()
    {
        TStore store = Stores.Open();
        var written = new HygieneCheck
        {
            AssistantId = 4,
            CheckedOn = "2026-05-01",
            CheckedBy = 2,
            RecordedUtc = At(2026, 5, 1, 10),
            Items = [new HygieneItemResult { Item = HygieneRoutines.Items[0], Followed = true }, new HygieneItemResult { Item = HygieneRoutines.Items[1], Followed = false }],
            Note = "Handsprit saknades",
            FollowUp = new HygieneFollowUp { Action = "Köp handsprit", DueOn = "2026-05-15" },
        };

        HygieneCheck added = store.AddHygieneCheck(written);
        store.AddHygieneCheck(new HygieneCheck { AssistantId = 5, CheckedOn = "2026-05-02" });

        Assert.Equal(Whole(written), Whole(store.FindHygieneCheck(added.Id)));
        Assert.Equal([4L, 5L], store.LoadHygieneChecks().Select(c => c.AssistantId).Order());
        added.FollowUp!.DoneOn = "2026-05-10";
        added.FollowUp.DoneBy = 3;
        store.UpdateHygieneCheck(added);
        HygieneFollowUp done = store.FindHygieneCheck(added.Id)!.FollowUp!;
        Assert.Equal(("2026-05-10", 3L), (done.DoneOn, done.DoneBy));
        Assert.Null(store.FindHygieneCheck(added.Id + 1000));
    }
}

public sealed class LiteRosterStoreTests() : RosterStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgRosterStoreTests(PostgresCluster cluster) : RosterStoreContract<PgJourStore>(new PgStores(cluster));

public sealed class LiteHandoverStoreTests() : HandoverStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgHandoverStoreTests(PostgresCluster cluster) : HandoverStoreContract<PgJourStore>(new PgStores(cluster));

public sealed class LiteJournalStoreTests() : JournalStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgJournalStoreTests(PostgresCluster cluster) : JournalStoreContract<PgJourStore>(new PgStores(cluster));

public sealed class LiteHygieneStoreTests() : HygieneStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgHygieneStoreTests(PostgresCluster cluster) : HygieneStoreContract<PgJourStore>(new PgStores(cluster));
