using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Incidents;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Records;

/// <summary>MAS/MAR's follow-through on an incident: assessment (kept when revised), IVO, required measures, overdue ones.</summary>
public sealed class IncidentMasTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _mas;
    private readonly SessionInfo _coordinator;
    private readonly SessionInfo _officer;
    private readonly Incident _incident;

    public IncidentMasTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        var users = _store.LoadUsers();
        _mas = Session(users.First(u => u.Roles == Role.MedicalResponsible));
        _coordinator = Session(users.First(u => u.Roles.HasFlag(Role.Coordinator) && !u.Roles.HasFlag(Role.MedicalResponsible)));
        _officer = Session(users.First(u => u.Roles == Role.OnCallOfficer));
        _incident = _store.LoadIncidents().First(i => i.Kind == IncidentKind.CareInjuryRisk);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void ARevisedAssessment_IsANewOne_TheEarlierStaysVisible()
    {
        IncidentData first = _useCases.Send(_mas, new AssessIncident(_incident.Id, false, "2026-11-23", "Ingen vårdskada uppstod", "", _incident.Revision));
        IncidentData second = _useCases.Send(_mas, new AssessIncident(_incident.Id, true, "2026-11-23", "Ny uppgift: risken var allvarlig", "2026-11-23", first.Revision));

        Assert.Equal(2, second.Assessments!.Count);
        Assert.False(second.Assessments[0].LexMaria);
        Assert.Equal("Ingen vårdskada uppstod", second.Assessments[0].Reasoning);
        MasAssessmentData current = second.CurrentAssessment!;
        Assert.True(current.LexMaria);
        Assert.Equal(new DateOnly(2026, 11, 23), current.IvoReportedOn);
        Assert.Equal(_mas.UserName, current.AssessedByName);

        // What the server keeps, read back from the store.
        Assert.Equal(2, _store.FindIncident(_incident.Id)!.Assessments.Count);
    }

    [Fact]
    public void TheIvoDate_OnlyWithLexMaria_AndNoDayInTheFuture_AndAReasoning()
    {
        Assert.Equal(ErrorCodes.IvoWithoutLexMaria, Refusal(_mas, new AssessIncident(_incident.Id, false, "2026-11-23", "Skäl", "2026-11-23", _incident.Revision)));
        Assert.Equal(ErrorCodes.DayInFuture, Refusal(_mas, new AssessIncident(_incident.Id, true, "2026-11-24", "Skäl", "", _incident.Revision)));
        Assert.Equal(ErrorCodes.DateInvalid, Refusal(_mas, new AssessIncident(_incident.Id, true, "23/11", "Skäl", "", _incident.Revision)));
        Assert.Equal(ErrorCodes.AssessmentReasoningRequired, Refusal(_mas, new AssessIncident(_incident.Id, true, "2026-11-23", "  ", "", _incident.Revision)));
        Assert.Empty(_store.FindIncident(_incident.Id)!.Assessments);
    }

    [Fact]
    public void OnlyMas_Assesses_AndRequiresMeasures()
    {
        foreach (SessionInfo other in new[] { _coordinator, _officer })
        {
            Assert.Equal(ErrorCodes.AssessmentNotPermitted, Refusal(other, new AssessIncident(_incident.Id, true, "2026-11-23", "Skäl", "", _incident.Revision)));
            Assert.Equal(ErrorCodes.AssessmentNotPermitted, Refusal(other, new RequireMeasure(_incident.Id, "Utbildning", "Verksamhetschef", "2026-12-31", _incident.Revision)));
        }
    }

    [Fact]
    public void AMeasurePastItsDay_IsCountedForTheStatusBar_UntilACoordinatorMarksItDone_AndDoneStaysDone()
    {
        IncidentData required = _useCases.Send(_mas, new RequireMeasure(_incident.Id, "Rutin för dubbelkontroll av insulin", "Verksamhetschef Hemhjälpen", "2026-11-30", _incident.Revision));
        required = _useCases.Send(_mas, new RequireMeasure(_incident.Id, "Utbilda personalen", "Enhetschef", "2026-12-15", required.Revision));
        Assert.Equal([1, 2], required.Measures!.Select(m => m.Number));
        Assert.Equal(0, _useCases.GetStatus().OverdueMeasureIncidents);

        // The first measure's last day passes.
        _time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, _useCases.GetStatus().OverdueMeasureIncidents);
        Assert.Equal(1, required.OverdueMeasures(new DateOnly(2026, 12, 1)));

        Assert.Equal(ErrorCodes.MeasureDoneNotPermitted, Refusal(_officer, new MarkMeasureDone(_incident.Id, 1, "2026-12-01", required.Revision)));
        IncidentData done = _useCases.Send(_coordinator, new MarkMeasureDone(_incident.Id, 1, "2026-12-01", required.Revision));
        MeasureData first = done.Measures![0];
        Assert.Equal((new DateOnly(2026, 12, 1), _coordinator.UserName), (first.DoneOn, first.DoneByName));
        Assert.Equal(0, _useCases.GetStatus().OverdueMeasureIncidents);

        Assert.Equal(ErrorCodes.MeasureAlreadyDone, Refusal(_mas, new MarkMeasureDone(_incident.Id, 1, "2026-12-01", done.Revision)));
        Assert.Equal(ErrorCodes.MeasureNotFound, Refusal(_mas, new MarkMeasureDone(_incident.Id, 9, "2026-12-01", done.Revision)));

        // The second one passes its day too, and counts.
        _time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, _useCases.GetStatus().OverdueMeasureIncidents);
    }

    [Fact]
    public void SavingTheIncidentForm_KeepsTheAssessmentsAndMeasures()
    {
        IncidentData assessed = _useCases.Send(_mas, new AssessIncident(_incident.Id, true, "2026-11-23", "Allvarlig risk", "", _incident.Revision));
        assessed = _useCases.Send(_mas, new RequireMeasure(_incident.Id, "Ny rutin", "Enhetschef", "2026-12-01", assessed.Revision));

        IncidentData saved = _useCases.Send(_officer, new SaveIncident(assessed with { Actions = "Läkare kontaktad" }));

        Assert.Single(saved.Assessments!);
        Assert.Single(saved.Measures!);
    }

    [Fact]
    public void AChangeOnAnOldRevision_IsRefused()
    {
        _useCases.Send(_mas, new RequireMeasure(_incident.Id, "Ny rutin", "Enhetschef", "2026-12-01", _incident.Revision));

        Assert.Equal(ErrorCodes.RecordChangedByOther, Refusal(_mas, new AssessIncident(_incident.Id, true, "2026-11-23", "Skäl", "", _incident.Revision)));
    }

    private string Refusal<T>(SessionInfo actor, IRequest<T> request) =>
        Assert.Throws<JourException>(() => _useCases.Send(actor, request)).Code;

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, true);
}
