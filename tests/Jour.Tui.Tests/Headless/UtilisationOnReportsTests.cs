using Jour.Core.Contracts;
using Jour.Core.Import;
using Jour.Core.Staff;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// F6 by month after payroll's file: the used share of paid hours against the expected 65 %, the billable
/// amount, and F1 writing each formula out with the month's own numbers, all within 80 columns.
/// </summary>
public sealed class UtilisationOnReportsTests
{
    [Fact]
    public async Task FinanceImportsPaidHours_F6ShowsTheUsedShareAndBillable_F1SpellsOutTheFormulas()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        await session.SwitchUserAsync("Per Andersson");
        var staff = await session.Service.SendAsync(new GetStaff(), TestContext.Current.CancellationToken);
        string[] names = [.. staff.GroupBy(a => a.Name).Where(g => g.Count() == 1).Select(g => g.Key).Take(2)];
        ImportResult imported = await session.Service.SendAsync(
            new ImportPaidHours(new ImportRequest(["assistent", "månad", "betalda_timmar", "timmar_andra_avtal"], [new ImportRow(2, [names[0], "2026-10", "600,5", "300"]), new ImportRow(3, [names[1], "2026-10", "500", "200"])], DryRun: false)),
            TestContext.Current.CancellationToken);
        Assert.True(imported.Imported == 2, string.Join("; ", imported.Issues.Select(i => $"{i.Line} {i.Field} {i.Code} {string.Join(",", i.Args)}")));

        session.Press(Key.F6);
        session.WaitFor("S Fakturering");
        session.Press(new Key('p'));
        string screen = session.WaitFor("(2026-10-01 – 2026-10-31)", "Betalda timmar", "förväntad 65 %");
        string[] lines = screen.Split('\n');
        Assert.Matches(@"^Betalda timmar\s+1[\s\u00a0]100,5 h\s+andra avtal 500,0 h, i uppdraget \d+,\d h$", lines.Single(l => l.StartsWith("Betalda timmar", StringComparison.Ordinal)).TrimEnd());
        Assert.Matches(@"^Nyttjandegrad\s+\d+,\d %", lines.Single(l => l.StartsWith("Nyttjandegrad", StringComparison.Ordinal)));
        Assert.Matches(@"^Fakturerbart\s+-?[\d\s\u00a0]+ kr\s+vid förväntad nyttjandegrad", lines.Single(l => l.StartsWith("Fakturerbart", StringComparison.Ordinal)));
        Assert.DoesNotContain("saknas", screen, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));

        session.Press(Key.F1);
        string help = session.WaitFor("Så räknas siffrorna, 2026-10-01 – 2026-10-31");
        Assert.Contains("÷ 1 100,5 =", help.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Matches(@"2026-10: [\d\s\u00a0]+,\d\d × \(1 − 0,\d+\) − 0,00 = -?[\d\s\u00a0]+,\d\d kr", help);
        Assert.Empty(session.Errors);
    }
}
