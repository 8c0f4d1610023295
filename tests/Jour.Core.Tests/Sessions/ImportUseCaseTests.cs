using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Import;
using Jour.Core.Providers;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>Imports through the use cases on the real store in memory, demo data loaded.</summary>
public sealed class ImportUseCaseTests : IDisposable
{
    private static readonly string[] s_columns = ["namn", "personnummer", "anordnare", "beviljade_timmar"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly CapturingLogger _log = new();
    private readonly JourUseCases _useCases;
    private readonly List<ChangeNotice> _notices = [];

    public ImportUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), _log);
        _useCases.Hub.Changed += _notices.Add;
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void A_file_with_one_bad_row_imports_nothing_and_reports_that_row()
    {
        int before = _store.LoadClients().Count;
        string provider = _store.LoadProviders()[0].OrganisationNumber;
        var request = new ImportRequest(
            s_columns,
            [
                new ImportRow(2, ["Alva Ek", "19460823-9986", provider, "40"]),
                new ImportRow(3, ["Bror Ek", "200002292399", "", "12,5"]),
                new ImportRow(4, ["Cilla Ek", "19570428-9998", "", ""]),
                new ImportRow(5, ["Dan Ek", "202107919967", "", ""]),
            ],
            DryRun: false);

        ImportResult result = _useCases.ImportClients(SignInAs("Demo Admin"), request);

        Assert.Equal((4, 3, 0), (result.Rows, result.ValidRows, result.Imported));
        ImportIssue issue = Assert.Single(result.Issues);
        Assert.Equal((4, "personnummer", "Pnr_Checksum"), (issue.Line, issue.Field, issue.Code));
        Assert.Equal(before, _store.LoadClients().Count);
        Assert.Empty(_notices);
    }

    [Fact]
    public void A_dry_run_reports_every_over_long_value_with_its_row_and_column_and_the_limit_once()
    {
        int before = _store.LoadClients().Count;
        string provider = _store.LoadProviders()[0].OrganisationNumber;
        var request = new ImportRequest(
            [.. s_columns, "adress"],
            [
                new ImportRow(2, ["Alva Ek", "19460823-9986", provider, "40", "Storgatan 1"]),
                new ImportRow(3, [new string('B', TextLimits.Name.Max + 1), "200002292399", "", "12,5", ""]),
                new ImportRow(4, ["Dan Ek", "202107919967", "", "", new string('g', 50_000_000)]),
            ],
            DryRun: true);

        ImportResult result = _useCases.ImportClients(SignInAs("Demo Admin"), request);

        Assert.Equal((3, 1, 0), (result.Rows, result.ValidRows, result.Imported));
        Assert.Equal(
            [(3, "namn", ImportCodes.TooLong, "200"), (4, "adress", ImportCodes.TooLong, "300")],
            result.Issues.Select(i => (i.Line, i.Field, i.Code, string.Join(",", i.Args))).ToList());
        Assert.Equal("För långt: högst 300 tecken.", Messages.Format(result.Issues[1].Code, result.Issues[1].Args));
        Assert.Equal(before, _store.LoadClients().Count);

        // Not a dry run: nothing is imported either, and the store never meets the 50 MB value.
        Assert.Equal(0, _useCases.ImportClients(SignInAs("Demo Admin"), request with { DryRun = false }).Imported);
        Assert.Equal(before, _store.LoadClients().Count);
    }

    [Fact]
    public void Shrink_cuts_a_value_to_one_over_its_columns_limit_so_it_is_still_reported()
    {
        IReadOnlyList<ImportRow> rows = ClientImport.Table.Shrink(["Namn", "personnummer", "okänd"], [new ImportRow(2, [new string('a', 10_000), "19460823-9986", new string('c', 10_000)])]);

        Assert.Equal(TextLimits.Name.Max + 1, rows[0].Values[0].Length);
        Assert.Equal("19460823-9986", rows[0].Values[1]);
        Assert.Equal(TextLimits.ImportField.Max + 1, rows[0].Values[2].Length);
    }

    [Fact]
    public void A_valid_file_is_added_whole_and_every_session_is_told()
    {
        int before = _store.LoadClients().Count;
        Provider provider = _store.LoadProviders()[1];
        var request = new ImportRequest(
            s_columns,
            [new ImportRow(2, ["Alva Ek", "19460823-9986", provider.OrganisationNumber, "37,5"]), new ImportRow(3, ["Bror Ek", "000229-2399", "", ""])],
            DryRun: false);

        ImportResult result = _useCases.ImportClients(SignInAs("Karin Ek"), request);

        Assert.Equal((2, 2, 2), (result.Rows, result.ValidRows, result.Imported));
        Assert.Empty(result.Issues);
        Assert.Equal(before + 2, _store.LoadClients().Count);
        Client alva = _store.LoadClients().Single(c => c.PersonalIdentityNumber == "194608239986");
        Assert.Equal(("Alva Ek", Sex.Female, provider.Id, 37.5m), (alva.Name, alva.Sex, alva.ProviderId, alva.GrantedHoursPerWeek));
        Assert.Contains(_useCases.GetClients(), c => c.Name == "Bror Ek" && c.MaskedNumber == "20000229-****");
        Assert.Equal([new ChangeNotice(ChangeKind.Client, 0)], _notices);
    }

    [Fact]
    public void A_dry_run_validates_against_the_register_and_adds_nothing()
    {
        int before = _store.LoadClients().Count;
        string registered = _store.LoadClients()[0].PersonalIdentityNumber;
        var good = new ImportRequest(["namn", "personnummer"], [new ImportRow(2, ["Alva Ek", "194608239986"])], DryRun: true);
        var duplicate = good with { Rows = [.. good.Rows, new ImportRow(3, ["Någon", registered])] };

        ImportResult ok = _useCases.ImportClients(SignInAs("Demo Admin"), good);
        ImportResult refused = _useCases.ImportClients(SignInAs("Demo Admin"), duplicate);

        Assert.Equal((1, 1, 0), (ok.Rows, ok.ValidRows, ok.Imported));
        Assert.Empty(ok.Issues);
        Assert.Equal((3, "personnummer", ImportCodes.DuplicateInRegister), (refused.Issues[0].Line, refused.Issues[0].Field, refused.Issues[0].Code));
        Assert.Equal(before, _store.LoadClients().Count);
        Assert.Empty(_notices);
    }

    [Fact]
    public void Only_an_admin_or_a_coordinator_may_import()
    {
        var request = new ImportRequest(["namn", "personnummer"], [new ImportRow(2, ["Alva Ek", "194608239986"])], DryRun: true);

        foreach (string name in new[] { "Anna Lindqvist", "Lena Wikström", "Per Andersson" })
        {
            SessionInfo user = SignInAs(name);
            Assert.Equal(ErrorCodes.ImportNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(user, new ImportClients(request))).Code);
            Assert.Equal(ErrorCodes.ImportNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(user, new ImportProviders(request))).Code);
        }

        Assert.Empty(_useCases.ImportClients(SignInAs("Karin Ek"), request).Issues);
    }

    [Fact]
    public void Imported_providers_can_be_named_by_the_next_client_file()
    {
        int before = _store.LoadProviders().Count;
        var providers = new ImportRequest(
            ["namn", "organisationsnummer", "ivo"],
            [new ImportRow(2, ["Nya Assistans AB", "556677-8899", "ansökt"])],
            DryRun: false);
        var clients = new ImportRequest(["namn", "personnummer", "anordnare"], [new ImportRow(2, ["Alva Ek", "194608239986", "5566778899"])], DryRun: false);

        ImportResult added = _useCases.ImportProviders(SignInAs("Demo Admin"), providers);
        ImportResult again = _useCases.ImportProviders(SignInAs("Demo Admin"), providers);
        ImportResult client = _useCases.ImportClients(SignInAs("Demo Admin"), clients);

        Assert.Equal(1, added.Imported);
        Assert.Equal(ImportCodes.DuplicateInRegister, Assert.Single(again.Issues).Code);
        Assert.Equal(before + 1, _store.LoadProviders().Count);
        Provider stored = _store.LoadProviders().Single(p => p.OrganisationNumber == "5566778899");
        Assert.Equal(IvoPermit.Applied, stored.Permit);
        Assert.Equal(stored.Id, _store.LoadClients().Single(c => c.PersonalIdentityNumber == "194608239986").ProviderId);
        Assert.Equal(1, client.Imported);
        Assert.Equal([new ChangeNotice(ChangeKind.Everything, 0), new ChangeNotice(ChangeKind.Client, 0)], _notices);
    }

    [Fact]
    public async Task The_in_process_service_refuses_an_import_before_sign_in()
    {
        using var service = new LocalJourService(_useCases);
        var request = new ImportRequest(["namn", "personnummer"], [], DryRun: true);

        var ex = await Assert.ThrowsAsync<JourException>(() => service.SendAsync(new ImportClients(request), TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.NotSignedIn, ex.Code);
    }

    [Fact]
    public void The_log_names_counts_and_ids_never_names_or_numbers()
    {
        var request = new ImportRequest(
            ["namn", "personnummer", "adress"],
            [new ImportRow(2, ["Alva Ek", "19460823-9986", "Storgatan 1"]), new ImportRow(3, ["Bror Ek", "19570428-9998", "Lillgatan 2"])],
            DryRun: false);

        _useCases.ImportClients(SignInAs("Demo Admin"), request);
        _useCases.ImportClients(SignInAs("Demo Admin"), request with { Rows = [request.Rows[0]] });

        Assert.Equal(2, _log.Lines.Count(l => l.Contains("Import", StringComparison.Ordinal)));
        foreach (string secret in new[] { "Alva", "Bror", "Ek", "194608", "9986", "570428", "gatan" })
        {
            Assert.DoesNotContain(_log.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private SessionInfo SignInAs(string name)
    {
        long id = _useCases.GetInstallInfo().Users.Single(u => u.Name == name).Id;
        return _useCases.SignIn(id, "");
    }

    private sealed class CapturingLogger : ILogger<JourUseCases>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
