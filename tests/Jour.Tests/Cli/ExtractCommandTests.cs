using System.Globalization;
using System.Text;
using Jour.Cli;
using Jour.Client;
using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Paper;
using Jour.Tests.Server;

namespace Jour.Tests.Cli;

/// <summary>`jour extract --client NAME --out FILE [--pdf]` against a real server with the demo database, as the demo admin.</summary>
[Collection(nameof(CommandLineCollection))]
public sealed class ExtractCommandTests : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly string _outDir = Directory.CreateTempSubdirectory("jour-extract-").FullName;

    public ExtractCommandTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        Directory.Delete(_outDir, recursive: true);
    }

    [Fact]
    public async Task ADemoClientByName_GetsTheirJournalsApart_AndTheAccessLogGetsTheLine()
    {
        await using TestServer server = TestServer.Start();
        ClientSummary client = await ClientWithJournalAsync(server);
        string file = Path.Combine(_outDir, "utdrag.txt");
        using var errors = new StringWriter();

        Assert.Equal(0, await ExtractCommand.RunAsync(server.Paths, client.Name, file, false, false, errors, Ct));

        string text = await File.ReadAllTextAsync(file, Ct);
        Assert.StartsWith("Registerutdrag: " + client.Name, text, StringComparison.Ordinal);
        Assert.Contains("Skrev registerutdraget till " + file, errors.ToString(), StringComparison.Ordinal);

        // The full personnummer: the extract is the person's own.
        Assert.Contains("Personnummer: " + client.MaskedNumber[..9], text, StringComparison.Ordinal);
        Assert.DoesNotContain(client.MaskedNumber, text, StringComparison.Ordinal);

        // The two series under their own headings, SoL before LSS, and the LSS correction under what it corrects.
        int sol = text.IndexOf("== Journal enligt SoL (", StringComparison.Ordinal);
        int lss = text.IndexOf("== Journal enligt LSS (", StringComparison.Ordinal);
        Assert.InRange(sol, 0, lss);
        string lssPart = text[lss..text.IndexOf("== Avvikelser", StringComparison.Ordinal)];
        int corrected = lssPart.IndexOf("(rättad i #", StringComparison.Ordinal);
        Assert.InRange(corrected, 0, lssPart.IndexOf("RÄTTELSE av #", StringComparison.Ordinal));
        Assert.DoesNotContain("RÄTTELSE", text[sol..lss], StringComparison.Ordinal);

        var log = await SendAsync(server, new AccessLogQuery(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5), null, client.Id));
        AccessLogRow line = Assert.Single(log, r => r.What == AccessedData.ClientExtract);
        Assert.Equal((client.Name, AccessBasis.Register, file), (line.ClientName, line.Basis, line.Reason));
        Assert.Contains("Registerutdrag", text[text.IndexOf("== Vem som har läst uppgifterna", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsPdf_ThenNotOverItWithoutForce_AndNeverToTheTerminal()
    {
        await using TestServer server = TestServer.Start();
        ClientSummary client = await ClientWithJournalAsync(server);
        string file = Path.Combine(_outDir, "utdrag.pdf");
        if (!File.Exists(PaperFont.PathInUse))
        {
            Assert.Skip($"NOT RUN: the PDF font {PaperFont.PathInUse} is not installed (Debian: fonts-dejavu-core)");
        }

        Assert.Equal(0, await ExtractCommand.RunAsync(server.Paths, client.Name, file, true, false, TextWriter.Null, Ct));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file, Ct))[..5]), StringComparison.Ordinal);

        var exists = await Assert.ThrowsAsync<JourException>(() => ExtractCommand.RunAsync(server.Paths, client.Name, file, true, false, TextWriter.Null, Ct));
        Assert.Equal(ErrorCodes.OutputExists, exists.Code);
        var noOut = await Assert.ThrowsAsync<CliException>(() => ExtractCommand.RunAsync(server.Paths, client.Name, null, false, false, TextWriter.Null, Ct));
        Assert.StartsWith("Fel: ange filen med --out", noOut.Message, StringComparison.Ordinal);
        var noClient = await Assert.ThrowsAsync<CliException>(() => ExtractCommand.RunAsync(server.Paths, " ", file, false, true, TextWriter.Null, Ct));
        Assert.Equal("Fel: ange brukaren med --client (namn eller personnummer).", noClient.Message);
    }

    /// <summary>The client of the first open case in staffing: the demo writes journals in both series for them.</summary>
    private static async Task<ClientSummary> ClientWithJournalAsync(TestServer server)
    {
        CaseSummary staffing = (await SendAsync(server, new GetOpenCases())).Where(c => c.State is CaseState.Staffing or CaseState.Covered).OrderBy(c => c.ReceivedUtc).First();
        var clients = await SendAsync(server, new GetClients());
        return clients.Single(c => c.Name == staffing.ClientName);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> SendAsync<T>(TestServer server, Core.UseCases.IRequest<T> request)
    {
        using SocketJourService service = await CliSession.OpenAsync(server.Paths, Ct);
        return await service.SendAsync(request, Ct);
    }
}
