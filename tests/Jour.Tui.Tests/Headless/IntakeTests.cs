using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Drafts;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The intake form and the verification, typed as an officer would at 80x24.</summary>
public sealed class IntakeTests
{
    [Fact]
    public async Task NewCase_TypedByKeyboard_OpensTheCaseInMottaget_AndShowsIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        ClientSummary client = (await session.Service.SendAsync(new GetClients()))[3];
        int before = (await session.Service.SendAsync(new GetOpenCases())).Count;

        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Type(client.Name);
        session.WaitFor("→ " + client.Name);
        session.Press(Key.Enter, Key.Enter, Key.Enter); // provider defaults to the client's, reason to sickness
        session.Type("Eva Lind");
        session.Press(Key.Enter);
        session.Type("070-123 45 67");
        session.Press(Key.Enter);
        session.Type("22:00");
        session.Press(Key.Enter);
        session.Type("07:00");
        session.WaitFor("timmar)");
        session.Press(Key.Enter, Key.Enter);
        session.Type("lyft, epilepsi");
        session.Press(Key.S.WithCtrl);

        string screen = session.WaitFor("Tidslinje");
        Assert.Contains("Mottaget", screen, StringComparison.Ordinal);
        Assert.Contains(client.Name, screen, StringComparison.Ordinal);
        Assert.Equal(before + 1, (await session.Service.SendAsync(new GetOpenCases())).Count);
        Assert.Null(await session.Service.SendAsync(new GetDraft(JourUseCases.NewCaseForm)));
    }

    [Fact]
    public async Task BadPhone_IsShownAtTheField_AndNothingTypedIsLost_AndTheDraftSurvives()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Press(Key.Enter, Key.Enter, Key.Enter);
        session.Type("Eva Lind");
        session.Press(Key.Enter);
        session.Type("12");
        session.Press(Key.Enter);
        string screen = session.WaitFor("7–15 siffror");
        Assert.Contains("Eva Lind", screen, StringComparison.Ordinal);

        session.Press(Key.Esc); // leaving keeps a draft
        session.WaitFor("Öppna ärenden");
        DraftData? draft = null;
        // Bounded by time, not by tries: with other headless sessions running in parallel the draft's
        // background save can take longer than a hundred immediate polls.
        for (int i = 0; i < 200 && draft is null; i++)
        {
            draft = await session.Service.SendAsync(new GetDraft(JourUseCases.NewCaseForm));
            session.WaitFor("Öppna ärenden");
            if (draft is null)
            {
                await Task.Delay(20);
            }
        }

        Assert.NotNull(draft);
        Assert.Equal("Eva Lind", draft.Fields["caller"]);

        session.Press(new Key('n'));
        session.WaitFor("Utkast från");
        Assert.Contains("Eva Lind", session.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_RecordedByKeyboard_LetsTheCaseBeAccepted()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary assessing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Assessing);
        CaseDetail before = await session.Service.SendAsync(new GetCase(assessing.Id));
        Assert.DoesNotContain(CaseTrigger.Accept, before.PermittedTriggers);

        session.Press(new Key('/'));
        session.Type(assessing.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        foreach (string outcome in new[] { "Inga egna vikarier", "Krisbemanningen har ingen", "Poolen täcker natten" })
        {
            session.Press(new Key('v'));
            session.WaitFor("Utfall");
            session.Type(outcome);
            session.Press(Key.S.WithCtrl);
            session.WaitFor("Tidslinje", outcome);
        }

        CaseDetail after = await session.Service.SendAsync(new GetCase(assessing.Id));
        Assert.True(after.IsVerified);
        Assert.Contains(CaseTrigger.Accept, after.PermittedTriggers);
        session.WaitFor("Godta");
    }

    [Fact]
    public async Task HandBack_AsksWhyTheSupportEnds_RefusesWithoutIt_AndKeepsTheComment()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary covered = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Covered);
        CaseDetail before = await session.Service.SendAsync(new GetCase(covered.Id));
        Assert.Contains(CaseTrigger.HandBack, before.PermittedTriggers);

        session.Press(new Key('/'));
        session.Type(covered.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('t')); // T: Återlämna, whatever else the state permits
        session.WaitFor("Återlämna " + covered.Number, "Avslutsorsak");
        session.Press(Key.CursorDown);
        session.Type("Anordnaren har nya vikarier");
        session.Press(Key.S.WithCtrl);
        string refused = session.WaitFor("Välj avslutsorsak");
        Assert.Contains("Anordnaren har nya vikarier", refused, StringComparison.Ordinal);
        Assert.Equal(CaseState.Covered, (await session.Service.SendAsync(new GetCase(covered.Id))).Summary.State);

        session.Press(Key.CursorUp, Key.CursorRight);
        session.WaitFor("Anordnaren har återupptagit assistansen");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Läge: Återlämnat", "Återlämnat: Anordnaren har");

        CaseDetail after = await session.Service.SendAsync(new GetCase(covered.Id));
        Assert.Equal(CaseState.HandedBack, after.Summary.State);
        Assert.Contains(after.Timeline, e => e.Render() == "Anordnaren har återupptagit assistansen – Anordnaren har nya vikarier");
        Assert.Empty(session.Errors);
    }
}
