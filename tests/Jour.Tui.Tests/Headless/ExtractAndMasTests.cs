using Jour.Core.AccessLog;
using Jour.Core.Clients;
using Jour.Core.Extracts;
using Jour.Core.FollowUp;
using Jour.Core.Incidents;
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

    [Fact]
    public async Task AnIncident_ThroughMasAssessment_ToARequiredMeasure_MarkedDoneByACoordinator()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        await session.SwitchUserAsync("Lena Wikström");
        session.Press(Key.I.WithAlt);

        // The title comes before the list, which loads in the background: search it once its rows are there (CI saw
        // the search and M land on an empty list while another class kept the cores busy).
        session.WaitFor("Avvikelser och klagomål", "Risk för vårdskada");
        session.Press(new Key('/'));
        session.Type("Risk för vårdskada");
        session.Press(Key.Enter);
        session.Press(new Key('m'));
        session.WaitFor("MAS/MAR har inte bedömt händelsen", "Åtgärder som MAS kräver: 0");

        // The assessment: lex Maria yes, today, the reasoning, reported to IVO today.
        session.Press(new Key('b'));
        session.WaitFor("MAS bedömning av händelse", "Lex Maria");
        session.Press(Key.CursorRight);
        session.Press(Key.Enter, Key.Enter);
        session.Type("Fel dos insulin kunde ha gett allvarlig vårdskada");
        session.Press(Key.Enter);
        session.Type("2026-11-23");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Lex Maria: JA, bedömd 2026-11-23 av Lena Wikström  anmäld till IVO 2026-11-23", "Fel dos insulin kunde ha gett");

        // A measure whose last day has already passed (recorded late), so it is overdue at once.
        session.Press(new Key('n'));
        session.WaitFor("Åtgärd som MAS kräver");
        session.Type("Rutin för dubbelkontroll av insulin");
        session.Press(Key.Enter);
        session.Type("Verksamhetschef");
        session.Press(Key.Enter, Key.U.WithCtrl);
        session.Type("2026-11-20");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Åtgärder som MAS kräver: 1, försenade 1", "Rutin för dubbelkontroll", "FÖRSENAD");

        // The save's change notice refreshes the status bar; the next key clears the "saved" message above it.
        session.Press(Key.CursorUp);
        session.WaitFor("1 avvikelser har åtgärder från MAS efter sista datum");

        // MAS may not mark it done for the responsible, nor may an officer; a coordinator does.
        await session.SwitchUserAsync("Johan Berg");
        session.WaitUntilGone("avvikelser har åtgärder från MAS");
        await session.SwitchUserAsync("Karin Ek");
        session.WaitFor("1 avvikelser har åtgärder från MAS efter sista datum");
        session.Press(Key.I.WithAlt);
        session.WaitFor("Avvikelser och klagomål", "Risk för vårdskada");
        session.Press(new Key('/'));
        session.Type("Risk för vårdskada");
        session.Press(Key.Enter);
        session.Press(new Key('m'));
        session.WaitFor("Lex Maria: JA", "FÖRSENAD");
        session.Press(new Key('b'));
        session.WaitFor("Bara MAS/MAR bedömer avvikelser och kräver åtgärder.");
        session.Press(new Key('k'));
        session.WaitFor("Åtgärd 1 (Rutin för dubbelkontroll av insulin) gjord, datum:");
        session.Press(Key.Enter);
        session.WaitFor("Åtgärd 1 markerad som gjord.", "försenade 0");
        session.Press(Key.CursorUp);
        session.WaitUntilGone("avvikelser har åtgärder från MAS");

        IncidentData stored = (await session.Service.SendAsync(new GetIncidents())).Single(i => i.Kind == IncidentKind.CareInjuryRisk);
        MeasureData measure = Assert.Single(stored.Measures!);
        Assert.Equal((new DateOnly(2026, 11, 23), "Karin Ek"), (measure.DoneOn, measure.DoneByName));
    }

    [Fact]
    public async Task V_OnTheRecordsScreen_RegistersAnIvoInvestigation_FlaggedUntilTheCommissionerIsTold()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.I.WithAlt);
        session.WaitFor("Avvikelser och klagomål");
        session.Press(new Key('v'));
        session.WaitFor("Bara MAS/MAR, samordnare och administratörer registrerar IVO:s utredningar.");

        await session.SwitchUserAsync("Karin Ek");
        session.Press(Key.I.WithAlt);
        session.WaitFor("Avvikelser och klagomål");
        session.Press(new Key('v'));
        session.WaitFor("Ny IVO-utredning", "IVO:s diarienummer");
        session.Type("3.5.1-4711/2026");
        session.Press(Key.Enter, Key.Enter);
        session.Type("Bemanning nattetid");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("2 avvikelser, 2 klagomål och synpunkter, 1 IVO-utredningar");
        session.Press(new Key('/'));
        session.Type("4711");
        session.Press(Key.Enter);
        session.WaitFor("IVO-utredning", "Utreds", "3.5.1-4711/2026: B", "! Beställaren är INTE informerad");

        session.Press(Key.Enter);
        session.WaitFor("IVO-utredning 3.5.1-4711/2026");
        session.Press(Key.Enter, Key.Enter, Key.Enter);
        session.Type("2026-11-23");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Beställaren informerad 2026-11-23.");
        IvoInvestigationData stored = Assert.Single(await session.Service.SendAsync(new GetIvoInvestigations()));
        Assert.Equal(new DateOnly(2026, 11, 23), stored.CommissionerToldOn);
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
