using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>
/// What every <see cref="IFollowUpStore"/> answers after cases and deployments are written through their ports:
/// LiteDB from its fact blocks, PostgreSQL from range queries, the same facts either way.
/// </summary>
public abstract class FollowUpStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IFollowUpStore, ICaseStore, IDeploymentStore
{
    [Fact]
    public void TheSettings_AreNullUntilSaved_ThenTheLastSaved()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LoadSettings());

        store.SaveSettings(new FollowUpSettings { SupplierName = "Först", CustomerReference = "A" });
        store.SaveSettings(new FollowUpSettings { SupplierName = "Jourenheten", OrganisationNumber = "212000-0142", CustomerReference = "SON-2026-117" });

        FollowUpSettings read = store.LoadSettings()!;
        Assert.Equal(("Jourenheten", "212000-0142", "SON-2026-117"), (read.SupplierName, read.OrganisationNumber, read.CustomerReference));
    }

    [Fact]
    public void CaseFacts_AreTheCasesActiveInThePeriod_AndTheirClientsBefore()
    {
        TStore store = Stores.Open();
        Case handedBack = Add(store, client: 1, At(2026, 3, 1, 9), CaseState.HandedBack, c => c.HandedBackUtc = At(2026, 3, 10, 12));
        Case open = Add(store, client: 2, At(2026, 3, 5, 9), CaseState.Staffing);
        Case declined = Add(store, client: 3, At(2026, 4, 2, 9), CaseState.Declined, c => c.EndedUtc = At(2026, 4, 3));
        // Ended later on the Swedish day of the "before" moment: LiteDB's day blocks count it as ended by that day.
        Case withdrawn = Add(store, client: 4, At(2026, 3, 1), CaseState.Withdrawn, c => c.EndedUtc = At(2026, 3, 11, 20));

        IReadOnlyList<CaseFact> facts = store.LoadCaseFacts(At(2026, 3, 11), At(2026, 4, 30));

        Assert.Equal(new[] { open.Id, declined.Id, withdrawn.Id }.Order(), facts.Select(f => f.CaseId).Order());
        CaseFact ended = facts.Single(f => f.CaseId == declined.Id);
        Assert.Equal((3L, At(2026, 4, 2, 9), At(2026, 4, 3), CaseState.Declined), (ended.ClientId, ended.ReceivedUtc, ended.EndUtc!.Value, ended.State));
        Assert.Null(facts.Single(f => f.CaseId == open.Id).EndUtc);
        Assert.DoesNotContain(facts, f => f.CaseId == handedBack.Id);
        Assert.Single(store.LoadCaseFacts(At(2026, 3, 1), At(2026, 3, 2)), f => f.CaseId == handedBack.Id);
        Assert.Equal(At(2026, 3, 10, 12), store.LoadCaseFacts(At(2026, 3, 1), At(2026, 3, 2)).Single(f => f.CaseId == handedBack.Id).EndUtc);

        Assert.Equal([1L, 2L, 4L], store.ClientsWithCaseBefore([1, 2, 3, 4, 5], At(2026, 3, 11, 8)).Order());
        Assert.Equal([2L], store.ClientsWithCaseBefore([2, 3], At(2026, 3, 11, 8)).Order());
    }

    [Fact]
    public void ACaseThatEnds_LeavesThePeriodsAfterIt()
    {
        TStore store = Stores.Open();
        Case c = Add(store, client: 1, At(2026, 5, 1, 9), CaseState.Received);
        Assert.Single(store.LoadCaseFacts(At(2026, 6, 1), At(2026, 7, 1)));

        Case loaded = store.FindCase(c.Id)!;
        CaseEvent entry = loaded.Withdraw(At(2026, 5, 2), 2, "Klienten avböjde");
        loaded.Revision = 2;
        Assert.True(store.TrySaveCase(loaded, 1, entry));

        Assert.Empty(store.LoadCaseFacts(At(2026, 6, 1), At(2026, 7, 1)));
        CaseFact fact = Assert.Single(store.LoadCaseFacts(At(2026, 5, 1), At(2026, 5, 3)));
        Assert.Equal((CaseState.Withdrawn, At(2026, 5, 2)), (fact.State, fact.EndUtc!.Value));
    }

    [Fact]
    public void TimeReports_AreReadByTheirStart_WithTheirCasesNumberAndClient_AndFollowAnUpdate()
    {
        TStore store = Stores.Open();
        Case c = Add(store, client: 7, At(2026, 3, 1, 9), CaseState.Covered, x => x.ProviderId = 3);
        Deployment signed = store.AddDeployment(Reported(c.Id, At(2026, 3, 2, 6), signed: true));
        Deployment unsigned = store.AddDeployment(Reported(c.Id, At(2026, 3, 6, 6), signed: false));
        store.AddDeployment(new Deployment { CaseId = c.Id, AssistantId = 5, FromUtc = At(2026, 3, 3), ToUtc = At(2026, 3, 3, 8) });

        TimeReportLine line = Assert.Single(store.LoadTimeReportLines(At(2026, 3, 1), At(2026, 3, 6, 6)));
        Assert.Equal((signed.Id, c.Number, 7L, 3L, true, 450), (line.DeploymentId, line.CaseNumber, line.ClientId, line.ProviderId!.Value, line.IsSigned, line.Minutes));
        Assert.Equal(DateTimeKind.Utc, line.StartUtc.Kind);
        Assert.Equal([signed.Id, unsigned.Id], store.LoadReportFacts(At(2026, 3, 1), At(2026, 4, 1)).Select(f => f.DeploymentId).Order());
        ReportFact fact = store.LoadReportFacts(At(2026, 3, 1), At(2026, 4, 1)).Single(f => f.DeploymentId == unsigned.Id);
        Assert.Equal((c.Id, At(2026, 3, 6, 6), 450, false), (fact.CaseId, fact.StartUtc, fact.Minutes, fact.IsSigned));

        Deployment moved = store.FindDeployment(unsigned.Id)!;
        moved.Report!.StartUtc = At(2026, 4, 2, 6);
        moved.Report.EndUtc = At(2026, 4, 2, 14);
        store.UpdateDeployment(moved);

        Assert.Equal([signed.Id], store.LoadReportFacts(At(2026, 3, 1), At(2026, 4, 1)).Select(f => f.DeploymentId));
        Assert.Equal([unsigned.Id], store.LoadTimeReportLines(At(2026, 4, 1), At(2026, 5, 1)).Select(l => l.DeploymentId));
    }

    private static Case Add(TStore store, long client, DateTime receivedUtc, CaseState state, Action<Case>? more = null)
    {
        var c = new Case { State = state, ClientId = client, ReceivedUtc = receivedUtc, UpdatedUtc = receivedUtc, Revision = 1 };
        more?.Invoke(c);
        return store.AddCase(c, new CaseEvent { AtUtc = receivedUtc });
    }

    private static Deployment Reported(long caseId, DateTime startUtc, bool signed) => new()
    {
        CaseId = caseId,
        AssistantId = 4,
        FromUtc = startUtc,
        ToUtc = startUtc.AddHours(8),
        State = DeploymentState.Completed,
        Report = new TimeReport
        {
            StartUtc = startUtc, EndUtc = startUtc.AddHours(8), BreakMinutes = 30, AssistantSignedName = "Kim Öst", AssistantPersonalNumber = "199001011234",
            AssistantSignedUtc = startUtc.AddHours(8), ClientSignedName = "Märta", ClientSignedUtc = signed ? startUtc.AddHours(8) : null,
        },
    };
}

public sealed class LiteFollowUpStoreTests() : FollowUpStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgFollowUpStoreTests(PostgresCluster cluster) : FollowUpStoreContract<PgJourStore>(new PgStores(cluster));
