using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.Incidents;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Records;

/// <summary>IVO investigations of the operation and complaints escalated to the committee, and their counts in the statistics.</summary>
public sealed class IvoAndCommitteeTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _coordinator;
    private readonly SessionInfo _officer;

    public IvoAndCommitteeTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        var users = _store.LoadUsers();
        _coordinator = Session(users.First(u => u.Roles.HasFlag(Role.Coordinator) && !u.Roles.HasFlag(Role.MedicalResponsible)));
        _officer = Session(users.First(u => u.Roles == Role.OnCallOfficer));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AnInvestigation_IsRegistered_TheCommissionerToldLater_ThenClosedWithItsOutcome()
    {
        var opened = new IvoInvestigationData(0, "3.5.1-12345/2026", new DateOnly(2026, 11, 2), "Bemanning nattetid", null, null, "", 0);
        IvoInvestigationData saved = _useCases.Send(_coordinator, new SaveIvoInvestigation(opened));
        Assert.Equal(_coordinator.UserName, saved.RegisteredByName);
        Assert.Null(saved.CommissionerToldOn);

        saved = _useCases.Send(_coordinator, new SaveIvoInvestigation(saved with { CommissionerToldOn = new DateOnly(2026, 11, 3) }));
        Assert.Equal(ErrorCodes.IvoOutcomeRequired, Refusal(_coordinator, new SaveIvoInvestigation(saved with { ClosedOn = new DateOnly(2026, 11, 20) })));
        saved = _useCases.Send(_coordinator, new SaveIvoInvestigation(saved with { ClosedOn = new DateOnly(2026, 11, 20), Outcome = "Ingen kritik" }));

        IvoInvestigationData stored = Assert.Single(_useCases.Send(_officer, new GetIvoInvestigations()));
        Assert.Equal((new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 20), "Ingen kritik"), (stored.CommissionerToldOn!.Value, stored.ClosedOn!.Value, stored.Outcome));
        Assert.True(stored.IsClosed);
    }

    [Fact]
    public void AnInvestigation_NeedsReferenceAndSubject_NoDayBeforeItOpenedOrInTheFuture_AndNotFromAnOfficer()
    {
        var good = new IvoInvestigationData(0, "3.5.1-1/2026", new DateOnly(2026, 11, 2), "Tillsyn", null, null, "", 0);

        Assert.Equal(ErrorCodes.IvoReferenceRequired, Refusal(_coordinator, new SaveIvoInvestigation(good with { Reference = " " })));
        Assert.Equal(ErrorCodes.IvoSubjectRequired, Refusal(_coordinator, new SaveIvoInvestigation(good with { Subject = "" })));
        Assert.Equal(ErrorCodes.IvoDayBeforeOpened, Refusal(_coordinator, new SaveIvoInvestigation(good with { CommissionerToldOn = new DateOnly(2026, 11, 1) })));
        Assert.Equal(ErrorCodes.DayInFuture, Refusal(_coordinator, new SaveIvoInvestigation(good with { OpenedOn = new DateOnly(2026, 11, 24) })));
        Assert.Equal(ErrorCodes.IvoInvestigationNotPermitted, Refusal(_officer, new SaveIvoInvestigation(good)));
        Assert.Empty(_store.LoadIvoInvestigations());
    }

    [Fact]
    public void AComplaintEscalatedToTheCommittee_KeepsBothDays_AndTheAnswerMayNotComeFirst()
    {
        ComplaintData complaint = _useCases.GetComplaints(_officer)[0];

        Assert.Equal(ErrorCodes.CommitteeAnswerBeforeEscalation, Refusal(_officer, new SaveComplaint(complaint with { CommitteeAnsweredOn = new DateOnly(2026, 11, 20) })));
        Assert.Equal(ErrorCodes.CommitteeAnswerBeforeEscalation, Refusal(_officer, new SaveComplaint(complaint with { EscalatedOn = new DateOnly(2026, 11, 21), CommitteeAnsweredOn = new DateOnly(2026, 11, 20) })));
        ComplaintData saved = _useCases.Send(_officer, new SaveComplaint(complaint with { EscalatedOn = new DateOnly(2026, 11, 20), CommitteeAnsweredOn = new DateOnly(2026, 11, 23) }));

        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23)), (saved.EscalatedOn!.Value, saved.CommitteeAnsweredOn!.Value));
    }

    [Fact]
    public void TheStatistics_CountEscalationsAndInvestigations_InThePeriod()
    {
        ComplaintData complaint = _useCases.GetComplaints(_officer)[0];
        _useCases.Send(_officer, new SaveComplaint(complaint with { EscalatedOn = new DateOnly(2026, 11, 20) }));
        _useCases.Send(_coordinator, new SaveIvoInvestigation(new IvoInvestigationData(0, "A", new DateOnly(2026, 11, 2), "Tillsyn", null, null, "", 0)));
        _useCases.Send(_coordinator, new SaveIvoInvestigation(new IvoInvestigationData(0, "B", new DateOnly(2026, 10, 30), "Tillsyn", null, null, "", 0)));

        StatisticsReport november = _useCases.GetStatistics(new StatisticsRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        Assert.Equal((1, 1), (november.ComplaintsEscalated, november.IvoInvestigationsOpened));
    }

    private string Refusal<T>(SessionInfo actor, IRequest<T> request) =>
        Assert.Throws<JourException>(() => _useCases.Send(actor, request)).Code;

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, true);
}
