using Jour.Core.AccessLog;
using Jour.Core.FollowUp;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Finance and MAS at a kiosk (issue 18): the statistics, the invoicing basis and the access log are exported
/// from their screens, and the file's name is shown where they acted.
/// </summary>
public sealed class ExportTests
{
    [Fact]
    public async Task F6_T_ExportsTheStatisticsShown_AndNamesTheFile()
    {
        var exports = new RecordingExports("/srv/jour-export");
        using HeadlessSession session = await HeadlessSession.StartAsync(exports: exports);
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F6);
        session.WaitFor("Kostnad/använd timme");

        session.Press(new Key('t'));
        session.WaitFor("Sparad: /srv/jour-export/statistik.pdf");
        Assert.Equal(["statistics"], exports.Calls);
    }

    [Fact]
    public async Task WithoutAnExportDirectory_ExportsSayWhy_AndNothingIsWritten()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F6);
        session.WaitFor("Kostnad/använd timme");
        session.Press(new Key('t'));
        session.WaitFor("Ingen exportkatalog är inställd");
    }

    [Fact]
    public async Task F6_E_TheInvoicingBasisNeedsAMonth_ThenIsExported()
    {
        var exports = new RecordingExports("/srv/jour-export");
        using HeadlessSession session = await HeadlessSession.StartAsync(exports: exports);
        session.WaitFor("Öppna ärenden");
        await session.SwitchUserAsync("Per Andersson"); // finance
        session.Press(Key.F6);
        session.WaitFor("Kostnad/använd timme");
        session.Press(new Key('e'));
        session.WaitFor("välj månad med P");
        Assert.Empty(exports.Calls);

        session.Press(new Key('p')); // a month
        session.WaitFor("Faktura ");
        session.Press(new Key('e'));
        session.WaitFor("Sparad: /srv/jour-export/fakturaunderlag.pdf");
        Assert.Equal(["invoice"], exports.Calls);
    }

    private sealed class RecordingExports(string directory) : IPaperExports
    {
        public List<string> Calls { get; } = [];

        public string? Directory => directory;

        public Task<string> InvoiceAsync(InvoiceBasis basis, bool isDemo, CancellationToken cancellationToken = default)
        {
            Calls.Add("invoice");
            return Task.FromResult(directory + "/fakturaunderlag.pdf");
        }

        public Task<string> StatisticsAsync(StatisticsReport report, bool isDemo, CancellationToken cancellationToken = default)
        {
            Calls.Add("statistics");
            return Task.FromResult(directory + "/statistik.pdf");
        }

        public Task<string> AccessLogAsync(IReadOnlyList<AccessLogRow> rows, DateTime fromUtc, DateTime toUtc, bool isDemo, CancellationToken cancellationToken = default)
        {
            Calls.Add("access-log");
            return Task.FromResult(directory + "/atkomstlogg.pdf");
        }

        public Task<string> ExtractAsync(long clientId, bool isDemo, CancellationToken cancellationToken = default)
        {
            Calls.Add("extract");
            return Task.FromResult(directory + "/registerutdrag.pdf");
        }
    }
}
