using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Core.Users;
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
        OfficerSummary colleague = (await session.Service.SendAsync(new GetOfficers())).First(o => o.Id != me.UserId);
        DateTime now = session.Time.GetUtcNow().UtcDateTime;
        await session.Service.SendAsync(new OverrideRequest(colleague.Id, now, now.AddHours(2), "läkarbesök"));

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

    [Fact]
    public async Task Swap_IsBOnOneShift_BOnAnother_AndAReason()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        DateTime now = session.Time.GetUtcNow().UtcDateTime;
        var before = (await session.Service.SendAsync(new GetOnCall(now, now.AddDays(14)))).ToList();
        OnCallSlot second = before[1];
        OnCallSlot third = before.Skip(2).First(s => s.OfficerId != second.OfficerId);
        int thirdRow = before.IndexOf(third);

        session.Press(Key.F3);
        session.WaitFor("Jourschema");
        session.Press(Key.CursorDown);
        session.Press(new Key('b'));
        session.WaitFor("Byt: välj det andra passet");
        for (int i = 1; i < thirdRow; i++)
        {
            session.Press(Key.CursorDown);
        }

        session.Press(new Key('b'));
        session.WaitFor("Anledning till bytet");
        session.Type("tandläkare");
        session.Press(Key.Enter);
        session.WaitFor("Byte");

        var after = await session.Service.SendAsync(new GetOnCall(second.StartUtc, second.StartUtc.AddMinutes(1)));
        Assert.Equal(third.OfficerId, after.Single().OfficerId);
        var later = await session.Service.SendAsync(new GetOnCall(third.StartUtc, third.StartUtc.AddMinutes(1)));
        Assert.Equal(second.OfficerId, later.Single().OfficerId);
    }

    [Fact]
    public async Task ARotationChange_ByAnOfficer_IsRefused_AndEverythingTypedStays()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F3);
        session.WaitFor("Jourschema");

        session.Press(new Key('r'));
        session.WaitFor("Jourrotation – ny version", "Jourhavande i tur", "Anna Lindqvist");
        for (int i = 0; i < 5; i++)
        {
            session.Press(Key.Tab);
        }

        session.Press(Key.U.WithCtrl);
        session.Type("07:00, 15:00, 25:00");
        session.Press(Key.Tab);
        session.WaitFor("! Ange en överlämningstid");
        session.Press(Key.CursorUp);
        session.WaitFor("1–6 olika tider för dygnsrotation");
        session.Press(Key.U.WithCtrl);
        session.Type("08:00");
        session.Press(Key.S.WithCtrl);

        string screen = session.WaitFor("Bara jourhavande, samordnare eller administratör");
        Assert.Contains("08:00", screen, StringComparison.Ordinal);
        Assert.Contains("Jourrotation – ny version", screen, StringComparison.Ordinal);
    }
}
