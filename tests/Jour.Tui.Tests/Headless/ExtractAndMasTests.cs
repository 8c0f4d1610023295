using Jour.Core.AccessLog;
using Jour.Core.Clients;
using Jour.Core.Extracts;
using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>Issue 20 at 80x24 as MAS and an admin would: a person's register extract from the client register.</summary>
public sealed class ExtractAndMasTests
{
    [Fact]
    public async Task U_OnAClient_AsMas_MakesTheExtract_WhichTheAccessLogRecords()
    {
        var exports = new ServerExtracts("/srv/jour-export");
        using HeadlessSession session = await HeadlessSession.StartAsync(exports: exports);
        exports.Service = session.Service;
        session.WaitFor("Öppna ärenden");
        ClientSummary client = (await session.Service.SendAsync(new GetClients())).OrderBy(c => c.Name).First();

        // The officer on call has no such key: it says who has.
        session.Press(Key.F5);
        session.WaitFor(client.Name);
        session.Press(new Key('u'));
        session.WaitFor("Bara MAS/MAR och administratörer tar ut registerutdrag");
        Assert.Empty(exports.Made);

        await session.SwitchUserAsync("Lena Wikström");
        session.Press(Key.F5);
        session.Press(new Key('/'));
        session.Type(client.Name);
        session.Press(Key.Enter);
        session.Press(new Key('u'));
        session.WaitFor($"Sparad: /srv/jour-export/registerutdrag-{client.Id}.pdf");

        ClientExtract made = Assert.Single(exports.Made);
        Assert.Equal(client.Id, made.Client.Id);
        AccessLogRow line = made.AccessLog[^1];
        Assert.Equal((AccessedData.ClientExtract, "Lena Wikström"), (line.What, line.UserName));
        Assert.Equal($"/srv/jour-export/registerutdrag-{client.Id}.pdf", line.Reason);
    }

    [Fact]
    public async Task U_AsAnAdmin_WithoutAnExportDirectory_SaysWhy()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        await session.SwitchUserAsync("Demo Admin");
        session.Press(Key.F5);
        session.WaitFor("Brukare");
        session.Press(new Key('u'));
        session.WaitFor("Ingen exportkatalog är inställd");
    }

    /// <summary>Exports that ask the session's own server for the extract, as the executable's do, and keep it.</summary>
    private sealed class ServerExtracts(string directory) : IPaperExports
    {
        public LocalJourService? Service { get; set; }

        public List<ClientExtract> Made { get; } = [];

        public string? Directory => directory;

        public Task<string> InvoiceAsync(InvoiceBasis basis, bool isDemo, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> StatisticsAsync(StatisticsReport report, bool isDemo, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> AccessLogAsync(IReadOnlyList<AccessLogRow> rows, DateTime fromUtc, DateTime toUtc, bool isDemo, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public async Task<string> ExtractAsync(long clientId, bool isDemo, CancellationToken cancellationToken = default)
        {
            string path = $"{directory}/registerutdrag-{clientId}.pdf";
            Made.Add(await Service!.SendAsync(new GetClientExtract(clientId, "", path), cancellationToken));
            return path;
        }
    }
}
