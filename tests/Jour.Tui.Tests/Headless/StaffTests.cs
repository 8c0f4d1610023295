using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The staff register (F4) at 80x24: editing an assistant and the pool's week.</summary>
public sealed class StaffTests
{
    [Fact]
    public async Task Unavailability_TypedWrong_IsExplainedAtTheField_ThenSaved_AndTheWeekShowsIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        StaffSummary first = session.Shell!.Session.Staff[0];

        session.Press(Key.Enter);
        session.WaitFor("Assistent: " + first.Name, "Ej tillgänglig", "Känner brukare");
        for (int i = 0; i < 8; i++)
        {
            session.Press(Key.Tab);
        }

        session.Press(Key.U.WithCtrl);
        session.Type("2026-11-24 – i morgon");
        session.Press(Key.Tab);
        string screen = session.WaitFor("Skriv varje period");
        Assert.Contains("2026-11-24 – i morgon", screen, StringComparison.Ordinal);

        session.Press(Key.CursorUp);
        session.Press(Key.U.WithCtrl);
        session.Type("2026-11-24 08:00 – 2026-11-25 17:00 tandläkare");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Beredskapspersonal");

        StaffData saved = await session.Service.SendAsync(new GetStaffMember(first.Id));
        AvailabilityData period = Assert.Single(saved.Availability);
        Assert.False(period.IsAvailable);
        Assert.Equal("tandläkare", period.Note);
        Assert.Equal(new DateTime(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc), period.FromUtc);

        session.Press(new Key('v'));
        screen = session.WaitFor("Vecka 48", "tis 24", Shown(first.Name));
        string row = screen.Split('\n').First(l => l.Contains(Shown(first.Name), StringComparison.Ordinal));
        Assert.Contains("frånv.", row, StringComparison.Ordinal);
        session.Press(Key.CursorRight);
        screen = session.WaitFor("tandläkare");
        Assert.DoesNotContain("…\n", screen.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWeek_ShowsADeploymentInItsDays_AndMovesToTheNextWeekPastSunday()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary staffing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == Core.Cases.CaseState.Staffing);
        CaseDetail detail = await session.Service.SendAsync(new GetCase(staffing.Id));
        CandidateData candidate = (await session.Service.SendAsync(new CandidateRequest(staffing.Id, 0))).Candidates.First(c => c.IsEligible);
        await session.Service.SendAsync(new AssignRequest(staffing.Id, 0, candidate.AssistantId, Core.Deployments.DeploymentState.Contacted, ""));
        NeedWindowData window = detail.Needs.OrderBy(w => w.FromUtc).First();

        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        session.Press(new Key('v'));
        string screen = session.WaitFor("Vecka 48", Shown(candidate.Name));
        string row = screen.Split('\n').First(l => l.Contains(Shown(candidate.Name), StringComparison.Ordinal));
        string start = Core.Common.SwedishTime.ToLocal(window.FromUtc).Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(start + "–", row, StringComparison.Ordinal);
        Assert.Contains("?", row, StringComparison.Ordinal);

        for (int i = 0; i < 7; i++)
        {
            session.Press(Key.CursorRight);
        }

        session.WaitFor("Vecka 49", "(i dag: I)");
        session.Press(new Key('i'));
        session.WaitFor("Vecka 48");
    }

    /// <summary>As much of a name as the week's name column shows.</summary>
    private static string Shown(string name) => name.Length > 13 ? name[..12] : name;
}
