using Jour.Core.Hygiene;
using Jour.Core.Staff;
using Jour.Tui.Registers;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Hygiene self-checks at 80x24 (issue 20, seed 000's egenkontroller): a coordinator records a check with one
/// routine not followed (the follow-up is required before it saves), then marks the follow-up done; the officer
/// on call is not offered the screen.
/// </summary>
public sealed class HygieneScreenTests
{
    [Fact]
    public async Task H_OnTheStaffRegister_RecordsACheck_WithAFollowUp_ThenMarksItDone()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        StaffSummary assistant = (await session.Service.SendAsync(new GetStaff())).First(s => !s.IsBlocked);

        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        session.Press(new Key('h'));
        session.WaitFor("Bara samordnare");
        Assert.IsNotType<HygieneScreen>(session.Shell!.CurrentScreen);

        await session.SwitchUserAsync("Karin Ek");
        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        session.Press(new Key('/'));
        session.Type(assistant.Name);
        session.Press(Key.Enter, new Key('h'));
        session.WaitFor("Hygienkontroller – " + assistant.Name, "Ingen hygienkontroll gjord");

        // Gloves (the fifth routine) not followed; the day offered is today, 2026-11-23.
        session.Press(new Key('n'));
        session.WaitFor("Ny hygienkontroll");
        session.Press(Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Space, Key.Tab, Key.Tab);
        session.Type("Handskar saknades i bilen");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("En rutin följs inte: ange vad som ska göras.");

        // The refusal took the cursor to the field it names.
        session.Type("Handskar i varje bil");
        session.Press(Key.Tab);
        session.Type("2026-12-01");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Hygienkontrollen för " + assistant.Name + " är sparad.");
        string list = session.WaitFor("Handskar", "senast 2026-12-01");
        Assert.Contains("Senaste kontroll 2026-11-23, gäller t.o.m. 2027-11-22.", list, StringComparison.Ordinal);
        Assert.Contains("Uppföljning: Handskar i varje bil (senast 2026-12-01)", list, StringComparison.Ordinal);
        Assert.Contains("Anteckning: Handskar saknades i bilen", list, StringComparison.Ordinal);

        session.Press(new Key('k'));
        session.WaitFor("klar 2026-11-23?");
        session.Press(new Key('j'));
        session.WaitFor("klar 2026-11-23");
        HygieneChecksData stored = await session.Service.SendAsync(new GetHygieneChecks(assistant.Id));
        HygieneCheckData check = Assert.Single(stored.Checks);
        Assert.Equal(["Gloves"], check.Items.Where(i => !i.Followed).Select(i => i.Item));
        Assert.Equal("2026-11-23", check.FollowUp!.DoneOn);
        Assert.Empty(session.Errors);
    }
}
