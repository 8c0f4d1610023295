using Jour.Core.Cases;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="ICaseStore"/> does, whichever database is under it.</summary>
public abstract class CaseStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : ICaseStore
{
    [Fact]
    public void AddCase_NumbersCasesPerSwedishYear_AndTheFirstEntryBelongsToIt()
    {
        TStore store = Stores.Open();

        Case first = store.AddCase(NewCase(At(2026, 6, 1, 10)), new CaseEvent { Text = "opened" });
        Case second = store.AddCase(NewCase(At(2026, 12, 31, 22, 30)), new CaseEvent { Text = "opened" });
        // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm: the new year's first case.
        Case newYear = store.AddCase(NewCase(At(2026, 12, 31, 23, 30)), new CaseEvent { Text = "opened" });

        Assert.Equal(["2026-0001", "2026-0002", "2027-0001"], new[] { first.Number, second.Number, newYear.Number });
        Assert.Equal(3, new[] { first.Id, second.Id, newYear.Id }.Distinct().Count());
        Assert.All(new[] { first, second, newYear }, c => Assert.True(c.Id > 0));
        CaseEvent entry = Assert.Single(store.LoadTimeline(second.Id));
        Assert.Equal((second.Id, "opened"), (entry.CaseId, entry.Text));
        Assert.True(entry.Id > 0);
        Assert.Equal(3, store.CountCases());
    }

    [Fact]
    public void ACase_ReadsBackAsItWasWritten_StateWindowsStepsAndTimesInUtc()
    {
        TStore store = Stores.Open();
        var written = new Case
        {
            State = CaseState.HandedBack,
            ClientId = 7,
            ProviderId = 3,
            Reason = CaseReason.Bankruptcy,
            Urgency = Urgency.Acute,
            CallerName = "Åsa Öberg",
            CallerPhone = "070-123 45 67",
            Description = "Assistenten sjuk, \"ingen\" ersättare\nrad två",
            ReceivedUtc = At(2026, 3, 29, 0, 30),
            UpdatedUtc = At(2026, 3, 29, 1, 0),
            HandedBackUtc = At(2026, 3, 30),
            SmsYesUtc = At(2026, 3, 29, 0, 45),
            Revision = 4,
            UpdatedBy = 2,
            ProviderAlternativesExhausted = true,
            ClosingReason = ClosingReason.Hospital,
            ShortTermBookingId = 11,
            Verification =
            [
                new VerificationStep { Step = null, UserId = 2, AtUtc = At(2026, 3, 29, 0, 40), Outcome = "Slut på egna" },
                new VerificationStep { Step = PriorityStep.StandbyPool, UserId = 2, AtUtc = At(2026, 3, 29, 0, 50), Outcome = "Ingen" },
            ],
            Needs =
            [
                new NeedWindow { FromUtc = At(2026, 3, 29, 6), ToUtc = At(2026, 3, 29, 14), Assistants = 2, Confirmed = 1, Competences = ["lyft", "PEG"] },
            ],
        };

        Case added = store.AddCase(written, new CaseEvent { AtUtc = At(2026, 3, 29, 0, 30), UserId = 2, To = CaseState.Received, Code = "Timeline_Received", Args = ["a", "2026-03-29T00:30:00Z"] });

        Case read = store.FindCase(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(CaseState.HandedBack, read.State);
        Assert.Equal(DateTimeKind.Utc, read.ReceivedUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, read.Needs[0].FromUtc.Kind);
        Assert.Equal(Case.DefaultReopenPeriod, read.ReopenPeriod);
        Assert.Contains(CaseTrigger.Reopen, read.PermittedTriggers(At(2026, 3, 31)));
        CaseEvent entry = Assert.Single(store.LoadTimeline(added.Id));
        Assert.Equal((CaseState?)null, entry.From);
        Assert.Equal(("Timeline_Received", 2, DateTimeKind.Utc), (entry.Code, entry.Args.Count, entry.AtUtc.Kind));
        Assert.Equal(added.Id, store.FindCaseByNumber(added.Number)!.Id);
        Assert.Null(store.FindCaseByNumber("1999-0001"));
        Assert.Null(store.FindCase(added.Id + 1000));
    }

    [Fact]
    public void OpenCases_AreThoseNotDeclinedClosedOrWithdrawn_AndLoadCasesFindsOneState()
    {
        TStore store = Stores.Open();
        foreach (CaseState state in Enum.GetValues<CaseState>())
        {
            store.AddCase(NewCase(At(2026, 5, 1), state), new CaseEvent());
        }

        CaseState[] open = [CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement, CaseState.HandedBack];
        Assert.Equal(open.Order(), store.LoadOpenCases().Select(c => c.State).Order());
        Assert.Equal(open.Order(), store.LoadOpenCaseRows().Select(r => r.State).Order());
        Assert.Equal(open.Length, store.CountOpenCases());
        Assert.Equal(Enum.GetValues<CaseState>().Length, store.CountCases());
        Case closed = Assert.Single(store.LoadCases(CaseState.Closed));
        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Empty(Stores.Open().LoadCases(CaseState.Closed));
    }

    [Fact]
    public void OpenCaseRows_ListTheUncoveredWindows_EarliestFirst()
    {
        TStore store = Stores.Open();
        Case c = NewCase(At(2026, 5, 1));
        c.Needs =
        [
            new NeedWindow { FromUtc = At(2026, 5, 2, 14), ToUtc = At(2026, 5, 2, 22), Assistants = 1 },
            new NeedWindow { FromUtc = At(2026, 5, 2, 6), ToUtc = At(2026, 5, 2, 14), Assistants = 1, Confirmed = 1 },
            new NeedWindow { FromUtc = At(2026, 5, 1, 22), ToUtc = At(2026, 5, 2, 6), Assistants = 2, Confirmed = 1 },
        ];
        store.AddCase(c, new CaseEvent());

        CaseRow row = Assert.Single(store.LoadOpenCaseRows());
        Assert.Equal(CaseRow.Of(store.FindCase(c.Id)!) with { Uncovered = row.Uncovered }, row);
        Assert.Equal([new CaseRow.Window(At(2026, 5, 1, 22), At(2026, 5, 2, 6)), new CaseRow.Window(At(2026, 5, 2, 14), At(2026, 5, 2, 22))], row.Uncovered);
    }

    [Fact]
    public void ALoadedOpenCase_IsTheCallersCopy()
    {
        TStore store = Stores.Open();
        Case c = store.AddCase(NewCase(At(2026, 5, 1)), new CaseEvent());

        Case mine = store.LoadOpenCases().Single();
        mine.Description = "changed";
        mine.Needs.Add(new NeedWindow());

        Case again = store.LoadOpenCases().Single();
        Assert.Equal(("", 0), (again.Description, again.Needs.Count));
        Assert.Equal("", store.FindCase(c.Id)!.Description);
    }

    [Fact]
    public void TrySaveCase_AgainstAnOlderRevision_StoresNothing()
    {
        TStore store = Stores.Open();
        Case c = store.AddCase(new Case { ReceivedUtc = DateTime.UtcNow, Revision = 1 }, new CaseEvent { Text = "opened" });
        c.Revision = 2;
        Assert.True(store.TrySaveCase(c, 1, new CaseEvent { Text = "first" }));

        c.Revision = 3;
        Assert.False(store.TrySaveCase(c, 1, new CaseEvent { Text = "stale" }));

        Assert.Equal(2, store.FindCase(c.Id)!.Revision);
        Assert.Equal(["first", "opened"], store.LoadTimeline(c.Id).Select(e => e.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TrySaveCase_StoresTheTransitionAndItsEntry()
    {
        TStore store = Stores.Open();
        Case c = store.AddCase(NewCase(At(2026, 5, 1)), new CaseEvent { Text = "opened" });
        Case loaded = store.FindCase(c.Id)!;
        CaseEvent entry = loaded.StartAssessment(At(2026, 5, 1, 0, 5), 2);
        loaded.Revision = 2;

        Assert.True(store.TrySaveCase(loaded, 1, entry));

        Assert.Equal(CaseState.Assessing, store.FindCase(c.Id)!.State);
        Assert.Equal([CaseState.Assessing], store.LoadCases(CaseState.Assessing).Select(x => x.State));
        // The port promises no order; callers sort by time and id, as here.
        CaseEvent last = store.LoadTimeline(c.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Last();
        Assert.Equal((c.Id, CaseState.Received, CaseState.Assessing, CaseTrigger.StartAssessment), (last.CaseId, last.From!.Value, last.To!.Value, last.Trigger!.Value));
        Case unknown = NewCase(At(2026, 5, 1));
        unknown.Id = c.Id + 1000;
        Assert.False(store.TrySaveCase(unknown, 1, new CaseEvent()));
    }

    [Fact]
    public void TwoServersSavingTheSameRevision_OnlyOneWins_AndTheOtherStoresNothing()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        for (int round = 0; round < 10; round++)
        {
            Case c = one.AddCase(NewCase(At(2026, 5, 1)), new CaseEvent { Text = "opened" });
            Case a = one.FindCase(c.Id)!;
            Case b = two.FindCase(c.Id)!;
            a.Description = "a";
            a.Revision = 2;
            b.Description = "b";
            b.Revision = 2;

            bool[] won = AtOnce(Stores,() => one.TrySaveCase(a, 1, new CaseEvent { Text = "a" }), () => two.TrySaveCase(b, 1, new CaseEvent { Text = "b" }));

            Assert.Single(won, true);
            string winner = won[0] ? "a" : "b";
            Assert.Equal(winner, two.FindCase(c.Id)!.Description);
            Assert.Equal(new[] { "opened", winner }.Order(StringComparer.Ordinal), one.LoadTimeline(c.Id).Select(e => e.Text).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TwoServersAddingCasesAtOnce_NeverShareANumber()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);

        AtOnce(
            Stores,
            () => Enumerable.Range(0, 20).All(_ => one.AddCase(NewCase(At(2026, 5, 1)), new CaseEvent()).Id > 0),
            () => Enumerable.Range(0, 20).All(_ => two.AddCase(NewCase(At(2026, 5, 1)), new CaseEvent()).Id > 0));

        IReadOnlyList<Case> all = one.LoadOpenCases();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"2026-{n:0000}"), all.Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.Equal(40, all.Select(c => c.Id).Distinct().Count());
    }

    private static Case NewCase(DateTime receivedUtc, CaseState state = CaseState.Received) =>
        new() { State = state, ClientId = 1, ReceivedUtc = receivedUtc, UpdatedUtc = receivedUtc, Revision = 1 };
}

public sealed class LiteCaseStoreTests() : CaseStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgCaseStoreTests(PostgresCluster cluster) : CaseStoreContract<PgJourStore>(new PgStores(cluster));
