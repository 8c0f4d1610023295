using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Deployments;
using Jour.Core.Providers;
using Jour.Core.Staff;
using Jour.Core.UseCases;
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
        CaseSummary staffing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Staffing);

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
        CaseDetail detail = await session.Service.SendAsync(new GetCase(staffing.Id));
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
        Assert.True((await session.Service.SendAsync(new GetCase(staffing.Id))).Deployments.Single(d => d.AssistantName == blocked).NeedsReplacement);

        // The blocked person is missing from the list, and A shows why.
        session.Press(new Key('b'));
        session.WaitFor("1 av 2 bemannade");
        Assert.DoesNotContain(blocked, session.Screen, StringComparison.Ordinal);
        session.Press(new Key('a'), new Key('/'));
        session.Type(blocked);
        session.Press(Key.Enter);
        session.WaitFor(blocked, "spärrad");
    }

    [Fact]
    public async Task AThirdAssistantForAWindowOfTwo_AsksWhy_AndTheTimelineSaysIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        CaseSummary staffing = await StaffTheFirstWindowOfAStaffingCase(session);

        session.Press(Key.Enter);
        session.WaitFor("Fönstret är redan bemannat (2 av 2). Skicka ändå? Skäl:");
        session.Press(Key.Enter);
        session.WaitFor("Skriv varför fler ska skickas");
        Assert.Equal(2, (await session.Service.SendAsync(new GetCase(staffing.Id))).Deployments.Count);
        session.Type("Tunga lyft hela natten");
        session.Press(Key.Enter);
        session.WaitFor("3 av 2 bemannade");

        CaseDetail detail = await session.Service.SendAsync(new GetCase(staffing.Id));
        Assert.Equal(3, detail.Deployments.Count);
        Assert.Contains(detail.Timeline, e => e.Render().StartsWith("Insats bekräftad utöver behovet (3 av 2)", StringComparison.Ordinal) && e.Render().EndsWith("skäl: Tunga lyft hela natten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfirmingAProposalForAStaffedWindow_OnTheDeploymentsScreen_AsksWhy()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        CaseSummary staffing = await StaffTheFirstWindowOfAStaffingCase(session);
        session.Press(new Key('f'));
        var rows = (await WaitForDeployments(session, staffing.Id, 3)).Deployments;
        int proposal = rows.ToList().FindIndex(r => r.State == Core.Deployments.DeploymentState.Proposed);

        // The case screen has the proposal once its own answer has arrived; only then does D show it.
        session.Press(Key.Esc);
        session.WaitFor("Läge: Bemannat", rows[proposal].AssistantName);
        session.Press(new Key('d'));
        session.WaitFor("Insatser –", "föreslagen");
        session.Press(Key.Home);
        for (int i = 0; i < proposal; i++)
        {
            session.Press(Key.CursorDown);
        }

        session.WaitFor("Går nu: K kontaktad  B bekräftad  A avböjd  X avbokad");
        session.Press(new Key('b'));
        session.WaitFor("Fönstret är redan bemannat (2 av 2). Skicka ändå? Skäl:");
        session.Type("Tunga lyft");
        session.Press(Key.Enter);

        CaseDetail detail = await WaitForDeployments(session, staffing.Id, 3, d => d.Needs[0].Confirmed == 3);
        Assert.Contains(detail.Timeline, e => e.Render().StartsWith("Insats bekräftad utöver behovet (3 av 2)", StringComparison.Ordinal) && e.Render().EndsWith("skäl: Tunga lyft", StringComparison.Ordinal));
    }

    private static async Task<CaseDetail> WaitForDeployments(HeadlessSession session, long caseId, int count, Func<CaseDetail, bool>? also = null)
    {
        for (int i = 0; i < 100; i++)
        {
            CaseDetail detail = await session.Service.SendAsync(new GetCase(caseId));
            if (detail.Deployments.Count == count && (also is null || also(detail)))
            {
                return detail;
            }

            // The answer arrives on the application loop, which reading the screen lets run.
            Thread.Sleep(20);
            _ = session.Screen;
        }

        throw new Xunit.Sdk.XunitException($"never {count} deployments");
    }

    [Fact]
    public async Task ATimeReportAcrossTheFallBackNight_Is10HoursLessTheBreak_AndIsSignedByBoth()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        LocalJourService service = session.Service;
        DateTime from = new(2026, 10, 24, 20, 0, 0, DateTimeKind.Utc); // 22:00 summer time
        DateTime to = new(2026, 10, 25, 6, 0, 0, DateTimeKind.Utc);    // 07:00 winter time
        CaseDetail c = await service.SendAsync(new NewCaseRequest(
            (await service.SendAsync(new GetClients()))[2].Id, (await service.SendAsync(new GetProviders()))[0].Id, false, CaseReason.SicknessOrStaffShortage,
            "Eva Lind", "070-123 45 67", [new NeedWindowData(from, to, 1, [], 0)], Urgency.Normal, ""));

        session.Press(new Key('/'));
        session.Type(c.Summary.Number);
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden (1)");
        session.Press(Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('b'));
        session.WaitFor("0 av 1 bemannade");
        session.Press(Key.Enter);
        session.WaitFor("1 av 1 bemannade");
        session.Press(Key.Esc, new Key('d'));
        session.WaitFor("Insatser –");
        session.Press(new Key('t'));
        session.WaitFor("Arbetad tid");
        session.Press(Key.U.WithCtrl);
        session.Type("2026-10-24 22:00 - 07:00 30");
        session.Press(Key.Enter);
        session.WaitFor("9,5 h");

        // Signatures belong to people: the assistant who worked, then the client's registered god man.
        DeploymentData worked = (await service.SendAsync(new GetCase(c.Summary.Id))).Deployments.Single();
        string assistantNumber = (await service.SendAsync(new GetStaffMember(worked.AssistantId))).PersonalIdentityNumber;
        ClientData client = await service.SendAsync(new GetClient(c.ClientId));
        await service.SendAsync(new SaveClient(client with { Representatives = [new RepresentativeData(RepresentativeKind.Trustee, "Eva Lind", "", "19420202-3018")] }));

        session.Press(new Key('s'));
        session.WaitFor("Signeras av " + worked.AssistantName + ", som arbetade passet");
        session.Type("19121212-1212");
        session.Press(Key.Enter);
        session.WaitFor("tillhör inte " + worked.AssistantName);
        session.Press(Key.U.WithCtrl);
        session.Type(assistantNumber);
        session.Press(Key.Enter);
        session.WaitFor("✓assist.");
        session.Press(new Key('c'));
        session.WaitFor("Signeras av " + client.Name + " eller registrerad företrädare");
        session.Type("19420202-3019");
        session.Press(Key.Enter);
        session.WaitFor("Kontrollsiffran");
        session.Press(Key.Backspace);
        session.Type("8");
        session.Press(Key.Enter);
        session.WaitFor("✓bruk.");

        TimeReportData report = (await service.SendAsync(new GetCase(c.Summary.Id))).Deployments.Single().Report!;
        Assert.Equal(9.5, report.WorkedHours);
        Assert.NotNull(report.AssistantSignedUtc);
        Assert.Equal("Eva Lind", report.ClientSignedName);
    }

    /// <summary>Opens the first case being staffed and sends the two assistants its first window needs.</summary>
    private static async Task<CaseSummary> StaffTheFirstWindowOfAStaffingCase(HeadlessSession session)
    {
        session.WaitFor("Öppna ärenden");
        CaseSummary staffing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Staffing);
        session.Press(new Key('/'));
        session.Type(staffing.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('b'));
        session.WaitFor("0 av 2 bemannade");
        session.Press(Key.Enter);
        session.WaitFor("1 av 2 bemannade");
        session.Press(Key.Enter);
        session.WaitFor("2 av 2 bemannade");
        return staffing;
    }
}
