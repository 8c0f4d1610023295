using Jour.Tui.Reports;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Finance keeps the contracts at 80x24 (issue 19): A on F6 lists them, N adds seed 000's 2020 terms (the
/// screen shows seed 000's own 281 850 kr a year), a bad field is refused where it was typed, an overlap is
/// refused by the server with every field kept, and F extends; an on-call officer is not offered them.
/// </summary>
public sealed class ContractsScreenTests
{
    [Fact]
    public async Task FinanceAddsSeed000sContract_SeesItsNetTotal_AndExtendsIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        session.Press(Key.F6);
        session.WaitFor("A Avtal");
        session.Press(new Key('a'));
        Assert.IsType<ReportsScreen>(session.Shell!.CurrentScreen);
        session.WaitFor("Bara ekonomi, administratör eller samordnare");

        await session.SwitchUserAsync("Per Andersson");
        session.Press(Key.F6);
        session.WaitFor("A Avtal");
        session.Press(new Key('a'));
        string list = session.WaitFor("I kraft i dag: avtal 1, 2025-01-01", "kr/år (2025)");
        Assert.Contains("Förlängs 2 mån i taget, 2 veckors varsel.", list, StringComparison.Ordinal);

        // Seed 000: 2020-05-11 – 2020-12-31, 1 787 000 kr a year at 65 %, less the leisure activities' 343 600 kr.
        session.Press(new Key('n'));
        session.WaitFor("Nytt avtal");
        Fill(session, "2020-05-11", "2020-12-31");
        session.Press(Key.Tab); // kind: annual amount
        Fill(session, "1 787 000", "");
        session.Press(Key.Tab); // utilisation: 65 already
        session.Type("343600:2020-03-16:2020-06-05");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("ska skrivas KR:FRÅN:TILL:SKÄL");
        session.Type(":Fritidsverksamheterna");
        session.Press(Key.S.WithCtrl);
        list = session.WaitFor("Avtal 2 sparat, netto per helår 281\u00a0850 kr.");
        Assert.IsType<ContractsScreen>(session.Shell.CurrentScreen);
        session.WaitFor("2020-05-11");

        // The new one sorts first; its detail names the deduction.
        session.Press(Key.Home);
        list = session.WaitFor("Avtal 2: 2020-05-11 – 2020-12-31");
        Assert.Contains("Avdrag 343 600 kr för 2020-03-16 – 2020-06-05: Fritidsverksamheterna", list.Replace('\u00a0', ' '), StringComparison.Ordinal);

        // An overlap is the server's refusal, shown on the form with what was typed kept.
        session.Press(new Key('n'));
        session.WaitFor("Nytt avtal");
        Fill(session, "2020-12-01", "2021-01-31");
        session.Press(Key.Tab);
        Fill(session, "500000", "");
        session.Press(Key.S.WithCtrl);
        // The refusal itself, not any "!" on the screen: Esc is not taken while the save is under way.
        string refused = session.WaitFor("! Perioden 2020-12-01–2021-01-31 överlappar avtalet 2020-05-11–2020-12-31");
        Assert.Contains("Belopp, kr               500000", refused, StringComparison.Ordinal);
        Assert.IsType<ContractFormScreen>(session.Shell.CurrentScreen);
        session.Press(Key.Esc);

        // Extended to 2021-02-14, as seed 000's contract was.
        session.WaitFor("Avtal 2: 2020-05-11");
        session.Press(new Key('f'));
        session.WaitFor("Förläng avtal 2");
        session.Type("2021-02-14");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Avtal 2 förlängt: 2020-05-11 – 2021-02-14.");
        session.WaitFor("förlängt: 2020-12-31 → 2021-02-14");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task InMarch_FinanceAndCoordinators_AreRemindedOfTheYearReport_AnOfficerIsNot()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        // The demo's contract ends in January: extended until further notice, so its own warning does not come first.
        await session.SwitchUserAsync("Per Andersson");
        await session.Service.SendAsync(new Core.Contracts.ExtendContract(1, null, UntilFurtherNotice: true), TestContext.Current.CancellationToken);
        session.Time.SetUtcNow(new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.Zero));

        await session.SwitchUserAsync("Karin Ek");
        session.WaitFor("Verksamhetsberättelse 2026 senast 2027-03-31: F6, P till år, T statistik ut");
        await session.SwitchUserAsync("Per Andersson");
        session.WaitFor("Verksamhetsberättelse 2026 senast 2027-03-31");
        await session.SwitchUserAsync("Johan Berg");
        Assert.DoesNotContain("Verksamhetsberättelse", session.WaitUntilGone("Verksamhetsberättelse"), StringComparison.Ordinal);

        // April: no longer.
        await session.SwitchUserAsync("Per Andersson");
        session.Time.SetUtcNow(new DateTimeOffset(2027, 4, 1, 7, 0, 0, TimeSpan.Zero));
        await session.SwitchUserAsync("Karin Ek");
        Assert.DoesNotContain("Verksamhetsberättelse", session.WaitUntilGone("Verksamhetsberättelse"), StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    private static void Fill(HeadlessSession session, params string[] values)
    {
        foreach (string value in values)
        {
            session.Type(value);
            session.Press(Key.Tab);
        }
    }
}
