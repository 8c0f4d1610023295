using Jour.Core.Cases;
using Jour.Core.Sessions;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>Staffing a case from the keyboard: candidates, two assignments, a block, the gap again.</summary>
public sealed class DeploymentTests
{
    [Fact]
    public async Task TwoAssignments_TurnTheCaseBemannat_BlockingOneReopensTheGap()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary staffing = (await session.Service.GetOpenCasesAsync()).First(c => c.State == CaseState.Staffing);

        session.Press(new Key('/'));
        session.Type(staffing.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('b'));
        session.WaitFor("Fönster 1/2", "0 av 2 bemannade");
        Assert.Contains("kan inte gå", session.Screen, StringComparison.Ordinal);

        session.Press(Key.Enter);
        session.WaitFor("1 av 2 bemannade");
        session.Press(Key.Enter);
        session.WaitFor("2 av 2 bemannade");

        session.Press(Key.Esc);
        string covered = session.WaitFor("Läge: Bemannat");
        CaseDetail detail = await session.Service.GetCaseAsync(staffing.Id);
        Assert.Equal(2, detail.Deployments.Count);
        string blocked = detail.Deployments[1].AssistantName;
        Assert.Contains(blocked, covered, StringComparison.Ordinal);

        // Block one of them from the staff register; the case shows the gap again.
        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        session.Press(new Key('/'));
        session.Type(blocked);
        session.Press(Key.Enter, new Key('s'));
        session.WaitFor("Spärra");
        session.Type("Misstänkt brott mot brukare");
        session.Press(Key.Enter);
        session.WaitFor("SPÄRRAD");
        session.Press(Key.F2);
        session.WaitFor("Läge: Bemannas", blocked + " 22");
        Assert.True((await session.Service.GetCaseAsync(staffing.Id)).Deployments.Single(d => d.AssistantName == blocked).NeedsReplacement);

        // The blocked person is missing from the list, and A shows why.
        session.Press(new Key('b'));
        session.WaitFor("1 av 2 bemannade");
        Assert.DoesNotContain(blocked, session.Screen, StringComparison.Ordinal);
        session.Press(new Key('a'), new Key('/'));
        session.Type(blocked);
        session.Press(Key.Enter);
        session.WaitFor(blocked, "spärrad");
    }
}
