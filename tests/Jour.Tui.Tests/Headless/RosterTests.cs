using Jour.Core.Sessions;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The on-call roster (F3) at 80x24: taking over in two keystrokes, and the hours report.</summary>
public sealed class RosterTests
{
    [Fact]
    public async Task TakeOver_IsTThenJ_AndTheStatusBarNamesTheNewOfficer()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        // The demo signs in as the officer on call; let a colleague cover now so there is something to take back.
        SessionInfo me = session.Shell!.Session.Session;
        OfficerSummary colleague = (await session.Service.GetOfficersAsync()).First(o => o.Id != me.UserId);
        DateTime now = session.Time.GetUtcNow().UtcDateTime;
        await session.Service.AddOverrideAsync(new OverrideRequest(colleague.Id, now, now.AddHours(2), "läkarbesök"));

        session.Press(Key.F3);
        session.WaitFor("Jourschema, kommande 14 dygn", "Ersätter: läkarbesök", $"Jour: {colleague.Name}");

        session.Press(new Key('t'));
        session.WaitFor($"Ta över jouren från {colleague.Name}");
        session.Press(new Key('j'));

        string screen = session.WaitFor($"Jour: {me.UserName}", "Tog över");
        Assert.DoesNotContain("Ta över jouren från", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_ForATypedPeriod_ListEveryOfficer()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F3);
        session.WaitFor("Jourschema");

        session.Press(new Key('h'));
        session.WaitFor("Period", "2026-11-01 – 2026-11-30");
        session.Press(Key.Enter);

        string screen = session.WaitFor("Timmar 2026-11-01 – 2026-11-30", "Anna Lindqvist", "144", "assistent");
        Assert.Contains("Sara Holm", screen, StringComparison.Ordinal);
    }
}
