using Jour.Core.Incidents;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IIncidentStore"/> does, whichever database is under it.</summary>
public abstract class IncidentStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IIncidentStore
{
    [Fact]
    public void AnIncident_ReadsBackAsItWasWritten_AssessmentsAndMeasuresIncluded()
    {
        TStore store = Stores.Open();
        var written = new Incident
        {
            Kind = IncidentKind.CareInjuryRisk, OccurredUtc = At(2026, 5, 1, 2), ReportedUtc = At(2026, 5, 1, 3), ReportedBy = 2, ClientId = 7, CaseId = 9,
            AssistantId = 4, Description = "Fall vid förflyttning", Actions = "Larmade", Status = RecordStatus.Investigating, MasNotifiedUtc = At(2026, 5, 1, 4), MasNotifiedBy = 2,
            Revision = 1,
            Assessments = [new MasAssessment { AssessedOn = "2026-05-02", LexMaria = true, Reasoning = "Allvarlig risk", IvoReportedOn = "2026-05-03", AssessedBy = 5, RecordedUtc = At(2026, 5, 2, 9) }],
        };
        written.Require("Ny lyftrutin", "Enhetschef", new DateOnly(2026, 6, 1), 5, At(2026, 5, 2, 9));

        Incident added = store.AddIncident(written);

        Assert.True(added.Id > 0);
        Incident read = store.FindIncident(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal("2026-06-01", read.OpenMeasuresDueOn);
        Assert.True(read.CurrentAssessment!.LexMaria);
        Assert.Equal(Whole(written), Whole(Assert.Single(store.LoadIncidents())));
        Assert.Null(store.FindIncident(added.Id + 1000));
    }

    [Fact]
    public void IncidentsWithMeasuresDue_AreCountedByTheirEarliestOpenDay_UntilDone()
    {
        TStore store = Stores.Open();
        Incident early = NewIncident(store, new DateOnly(2026, 5, 10));
        NewIncident(store, new DateOnly(2026, 5, 20));
        store.AddIncident(new Incident { Description = "utan åtgärd", Revision = 1 });

        Assert.Equal(0, store.CountIncidentsWithMeasuresDueBefore("2026-05-10"));
        Assert.Equal(1, store.CountIncidentsWithMeasuresDueBefore("2026-05-11"));
        Assert.Equal(2, store.CountIncidentsWithMeasuresDueBefore("2026-06-01"));

        Incident done = store.FindIncident(early.Id)!;
        done.MarkDone(1, new DateOnly(2026, 5, 9), 5, At(2026, 5, 9));
        Assert.True(store.TryUpdateIncident(done, 1));

        Assert.Equal(1, store.CountIncidentsWithMeasuresDueBefore("2026-06-01"));
        Assert.Equal(2, store.FindIncident(early.Id)!.Revision);
    }

    [Fact]
    public void ComplaintsAndInvestigations_ReadBackAsWritten_AndTheirUpdatesAreRevisionChecked()
    {
        TStore store = Stores.Open();
        var complaint = new Complaint
        {
            Kind = ComplaintKind.Complaint, ReceivedUtc = At(2026, 5, 1, 10), RegisteredBy = 2, From = "Anhörig", About = "Sen ankomst", ClientId = 7, Status = RecordStatus.Open,
            EscalatedOn = "2026-05-20", Revision = 1,
        };
        var investigation = new IvoInvestigation { Reference = "IVO 3.5.1-1234/2026", OpenedOn = "2026-05-02", Subject = "Bemanning", RegisteredBy = 2, RegisteredUtc = At(2026, 5, 2), Revision = 1 };
        store.AddComplaint(complaint);
        store.AddIvoInvestigation(investigation);

        Assert.Equal(Whole(complaint), Whole(store.FindComplaint(complaint.Id)));
        Assert.Equal(Whole(investigation), Whole(store.FindIvoInvestigation(investigation.Id)));
        Assert.Single(store.LoadComplaints());
        Assert.Single(store.LoadIvoInvestigations());

        Complaint answered = store.FindComplaint(complaint.Id)!;
        answered.Answer = "Vi ber om ursäkt";
        answered.AnsweredUtc = At(2026, 5, 3);
        Assert.True(store.TryUpdateComplaint(answered, 1));
        Complaint stale = store.FindComplaint(complaint.Id)!;
        stale.Answer = "sent";
        Assert.False(store.TryUpdateComplaint(stale, 1));
        Assert.Equal(("Vi ber om ursäkt", 2), (store.FindComplaint(complaint.Id)!.Answer, store.FindComplaint(complaint.Id)!.Revision));

        IvoInvestigation closed = store.FindIvoInvestigation(investigation.Id)!;
        closed.ClosedOn = "2026-09-01";
        Assert.True(store.TryUpdateIvoInvestigation(closed, 1));
        Assert.False(store.TryUpdateIvoInvestigation(closed, 1));
        Assert.Equal(("2026-09-01", 2), (store.FindIvoInvestigation(investigation.Id)!.ClosedOn, store.FindIvoInvestigation(investigation.Id)!.Revision));
    }

    [Fact]
    public void TwoServersUpdatingTheSameIncident_OnlyOneWins()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        Incident i = one.AddIncident(new Incident { Description = "Före", Revision = 1 });
        Incident a = one.FindIncident(i.Id)!;
        Incident b = two.FindIncident(i.Id)!;
        a.Actions = "a";
        b.Actions = "b";

        bool[] won = AtOnce(Stores, () => one.TryUpdateIncident(a, 1), () => two.TryUpdateIncident(b, 1));

        Assert.Single(won, true);
        Assert.Equal((won[0] ? "a" : "b", 2), (one.FindIncident(i.Id)!.Actions, one.FindIncident(i.Id)!.Revision));
    }

    private static Incident NewIncident(TStore store, DateOnly due)
    {
        var incident = new Incident { Description = "med åtgärd", Revision = 1 };
        incident.Require("Åtgärd", "Chef", due, 5, At(2026, 5, 1));
        return store.AddIncident(incident);
    }
}

public sealed class LiteIncidentStoreTests() : IncidentStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgIncidentStoreTests(PostgresCluster cluster) : IncidentStoreContract<PgJourStore>(new PgStores(cluster));
