using Jour.Core.Users;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>F6 by month: finance reads the month's invoice amount and its due date; an on-call officer is not shown it.</summary>
public sealed class InvoiceOnReportsTests
{
    [Fact]
    public async Task FinanceReadsTheMonthsAmountAndDueDate_AnOfficerDoesNot()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        // The officer the demo signs in: P from the quarter gives its first month, October;'s statistics, no invoice.
        session.Press(Key.F6);
        session.WaitFor("S Fakturering");
        session.Press(new Key('p'));
        string officer = session.WaitFor("(2026-10-01 – 2026-10-31)", "Insatta timmar");
        Assert.DoesNotContain("förfaller", officer, StringComparison.Ordinal);

        // Per Andersson of finance: October 2026 at the demo's contract (seed 000's 1 787 000 kr at 65 %, from
        // 2025-01-01): 625 450 kr a year unused, 520 922,74 to October's end → 520 923, less 467 802 to September's.
        session.Press(Key.X.WithAlt);
        session.WaitFor("Logga in", "Användare:");
        var users = (await session.Service.SendAsync(new GetInstallInfo(), TestContext.Current.CancellationToken)).Users;
        int index = users.ToList().FindIndex(u => u.Name == "Per Andersson");
        session.Press(Key.Home);
        for (int i = 0; i < index; i++)
        {
            session.Press(Key.CursorDown);
        }

        session.Press(Key.Enter);
        session.WaitFor("Inloggad: Per Andersson");
        session.Press(Key.F6);
        session.WaitFor("S Fakturering");
        session.Press(new Key('p'));
        string finance = session.WaitFor("(2026-10-01 – 2026-10-31)", "förfaller 2026-12-23 (daterad 2026-11-23)");
        string line = finance.Split('\n').Single(l => l.StartsWith("Faktura ", StringComparison.Ordinal));
        Assert.Matches(@"Faktura\s+53[\s\u00a0]121 kr\s+förfaller 2026-12-23", line);
        Assert.Empty(session.Errors);
    }
}
