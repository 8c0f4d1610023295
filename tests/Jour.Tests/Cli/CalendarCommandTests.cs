using System.Globalization;
using System.Text;
using Jour.Cli;
using Jour.Client;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Roster;
using Jour.Testing;
using Jour.Tests.Server;

namespace Jour.Tests.Cli;

/// <summary>`jour oncall --format ics` and `jour deployments --assistant NAME` against a real server with the demo database.</summary>
[Collection(nameof(CommandLineCollection))]
public sealed class CalendarCommandTests : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly string _outDir = Directory.CreateTempSubdirectory("jour-ics-").FullName;

    public CalendarCommandTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        Directory.Delete(_outDir, recursive: true);
    }

    [Fact]
    public async Task OnCall_TheWholeSchedule_SixMonthsFromToday_PassesTheStrictCheck()
    {
        await using TestServer server = TestServer.Start();
        using var output = new StringWriter();

        Assert.Equal(0, await CalendarCommand.OnCallAsync(server.Paths, null, CalendarCommand.DefaultMonths, null, false, output, Ct));

        Assert.Empty(StrictIcs.Check(Encoding.UTF8.GetBytes(output.ToString()), out var events));

        // The demo rotation: two shifts a day, five officers in turn.
        Assert.InRange(events.Count, (2 * 181) - 2, (2 * 184) + 2);
        Assert.Equal(5, events.Select(e => e["SUMMARY"]).Distinct().Count());
        Assert.Contains("X-WR-CALNAME:Jour – jourschema", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnCall_OnePerson_ByAPartOfTheName_HasOnlyTheirShifts()
    {
        await using TestServer server = TestServer.Start();
        OfficerSummary officer = (await SendAsync(server, new GetOfficers()))[2];
        string part = officer.Name.Split(' ')[^1].ToUpperInvariant();
        using var output = new StringWriter();

        Assert.Equal(0, await CalendarCommand.OnCallAsync(server.Paths, part, 2, null, false, output, Ct));

        Assert.Empty(StrictIcs.Check(Encoding.UTF8.GetBytes(output.ToString()), out var events));
        Assert.InRange(events.Count, 20, 30); // every fifth of ~120 shifts
        Assert.All(events, e => Assert.Equal("Jour: " + officer.Name, StrictIcs.Unescape(e["SUMMARY"])));
        Assert.All(events, e => Assert.StartsWith($"oncall-{officer.Id}-", e["UID"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnCall_ToAFile_NotOverAnExistingOne_WithoutForce_NeverIntoTheDataDirectory()
    {
        await using TestServer server = TestServer.Start();
        string file = Path.Combine(_outDir, "jour.ics");

        Assert.Equal(0, await CalendarCommand.OnCallAsync(server.Paths, null, 1, file, false, TextWriter.Null, Ct));
        byte[] first = await File.ReadAllBytesAsync(file, Ct);
        Assert.Empty(StrictIcs.Check(first, out _));
        Assert.NotEqual(0xEF, first[0]); // no byte-order mark: BEGIN:VCALENDAR comes first

        var exists = await Assert.ThrowsAsync<JourException>(() => CalendarCommand.OnCallAsync(server.Paths, null, 1, file, false, TextWriter.Null, Ct));
        Assert.Equal(ErrorCodes.OutputExists, exists.Code);
        Assert.Equal(0, await CalendarCommand.OnCallAsync(server.Paths, null, 2, file, true, TextWriter.Null, Ct));
        Assert.True(new FileInfo(file).Length > first.Length);

        var inData = await Assert.ThrowsAsync<JourException>(() => CalendarCommand.OnCallAsync(server.Paths, null, 1, Path.Combine(server.Paths.DataDirectory, "x.ics"), true, TextWriter.Null, Ct));
        Assert.Equal(ErrorCodes.OutputInDataDirectory, inData.Code);
    }

    [Fact]
    public async Task OnCall_AnUnknownOrAmbiguousName_AndMonthsOutOfRange_AreRefusedInSwedish()
    {
        await using TestServer server = TestServer.Start();

        var unknown = await Assert.ThrowsAsync<CliException>(() => CalendarCommand.OnCallAsync(server.Paths, "Zyxwv", 6, null, false, TextWriter.Null, Ct));
        Assert.Equal("Fel: Ingen heter \"Zyxwv\".", unknown.Message);
        var ambiguous = await Assert.ThrowsAsync<CliException>(() => CalendarCommand.OnCallAsync(server.Paths, "a", 6, null, false, TextWriter.Null, Ct));
        Assert.StartsWith("Fel: Flera passar \"a\": ", ambiguous.Message, StringComparison.Ordinal);
        var months = Assert.Throws<CliException>(() => CalendarCommand.Period(25));
        Assert.Equal("Fel: --months 25 går inte: mellan 1 och 24.", months.Message);
    }

    [Fact]
    public async Task Deployments_OfAnAssistantWithConfirmedOnes_NameTheCaseAndArea_NeverTheClient()
    {
        await using TestServer server = TestServer.Start();
        (CaseDetail c, DeploymentData d) = await ConfirmedDeploymentAsync(server);
        using var output = new StringWriter();

        Assert.Equal(0, await CalendarCommand.DeploymentsAsync(server.Paths, d.AssistantName, 6, null, false, output, Ct));

        string ics = output.ToString();
        Assert.Empty(StrictIcs.Check(Encoding.UTF8.GetBytes(ics), out var events));
        var mine = Assert.Single(events, e => e["UID"] == $"deployment-{d.Id}@jour");
        Assert.Equal($"Insats {c.Summary.Number}", StrictIcs.Unescape(mine["SUMMARY"]));
        Assert.DoesNotContain(c.Summary.ClientName, ics, StringComparison.Ordinal);
        Assert.Contains(StrictIcs.Unescape(mine["LOCATION"]), StrictIcs.Unescape(mine["DESCRIPTION"]), StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> SendAsync<T>(TestServer server, Core.UseCases.IRequest<T> request)
    {
        using SocketJourService service = await CliSession.OpenAsync(server.Paths, Ct);
        return await service.SendAsync(request, Ct);
    }

    private static async Task<(CaseDetail Case, DeploymentData Deployment)> ConfirmedDeploymentAsync(TestServer server)
    {
        foreach (CaseSummary summary in await SendAsync(server, new GetOpenCases()))
        {
            CaseDetail c = await SendAsync(server, new GetCase(summary.Id));
            if (c.Deployments.FirstOrDefault(x => x.State == DeploymentState.Confirmed && !x.NeedsReplacement && x.ToUtc > DateTime.UtcNow) is { } d)
            {
                return (c, d);
            }
        }

        throw new InvalidOperationException("The demo has no confirmed deployment ahead.");
    }
}
