using System.Globalization;
using System.Text.Json;
using Jour.Cli;
using Jour.Client;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Tests.Server;

namespace Jour.Tests.Cli;

/// <summary>`jour case NUMBER|ID [--format json]` against a real server with the demo database (issue 18, point 10).</summary>
[Collection(nameof(CommandLineCollection))]
public sealed class CaseCommandTests : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public CaseCommandTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _ui;

    [Theory]
    [InlineData("2026-0004", true)]
    [InlineData(" 2026-0004 ", true)]
    [InlineData("17", false)]
    public void CaseRequest_ANumberAsShown_AsksByNumber_DigitsByTheId(string text, bool byNumber)
    {
        object request = ListCommands.CaseRequest(text);

        Assert.Equal(byNumber, request is GetCaseByNumber { Number: "2026-0004" });
        Assert.Equal(!byNumber, request is GetCase { CaseId: 17 });
    }

    [Theory]
    [InlineData("fyra")]
    [InlineData("2026/0004")]
    [InlineData("26-4")]
    [InlineData("")]
    public void CaseRequest_NeitherNumberNorId_IsRefusedInSwedish(string text)
    {
        var refused = Assert.Throws<CliException>(() => ListCommands.CaseRequest(text));

        Assert.Equal($"Fel: \"{text}\" är inget ärendenummer – ange numret som det visas (2026-0004) eller ärendets id.", refused.Message);
    }

    [Fact]
    public async Task CaseAsync_ByNumberAndById_GivesTheSameCase_AsJsonWithItsTimelineNewestLast()
    {
        await using TestServer server = TestServer.Start();
        CaseSummary shown = await FirstCaseWithHistoryAsync(server);

        string byNumber = await RunAsync(server, shown.Number);
        string byId = await RunAsync(server, shown.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(byNumber, byId);
        using JsonDocument json = JsonDocument.Parse(byNumber);
        JsonElement root = json.RootElement;
        Assert.Equal(shown.Number, root.GetProperty("number").GetString());
        Assert.Equal(shown.Id, root.GetProperty("id").GetInt64());
        Assert.Equal(shown.State.ToString(), root.GetProperty("state").GetString());
        Assert.Equal(Messages.Get("State_" + shown.State), root.GetProperty("state_text").GetString());
        Assert.Equal(shown.Urgency.ToString(), root.GetProperty("urgency").GetString());
        Assert.Equal(shown.ClientName, root.GetProperty("client").GetString());
        Assert.Equal(shown.ProviderName, root.GetProperty("provider").GetString());
        Assert.Equal(shown.ReceivedUtc.AddTicks(-(shown.ReceivedUtc.Ticks % TimeSpan.TicksPerSecond)), Utc(root.GetProperty("received")));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("needs").ValueKind);

        JsonElement[] timeline = [.. root.GetProperty("timeline").EnumerateArray()];
        Assert.True(timeline.Length >= 2, byNumber);
        DateTime[] at = [.. timeline.Select(e => Utc(e.GetProperty("at")))];
        Assert.Equal(at.Order(), at);
        Assert.All(timeline, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("user").GetString()));
            // A state change may come without words; anything else is its text.
            Assert.True(e.GetProperty("text").GetString() is { Length: > 0 } || e.GetProperty("to").ValueKind == JsonValueKind.String, e.ToString());
            Assert.True(e.TryGetProperty("from", out _));
        });

        // The first entry opened the case: no state before it, Received after.
        Assert.Equal(JsonValueKind.Null, timeline[0].GetProperty("from").ValueKind);
        Assert.Equal(nameof(CaseState.Received), timeline[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task CaseAsync_InEnglish_RendersStateAndTimelineInTheSessionsLanguage()
    {
        await using TestServer server = TestServer.Start();
        CaseSummary shown = await FirstCaseWithHistoryAsync(server);
        string swedish = await RunAsync(server, shown.Number);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        string english = await RunAsync(server, shown.Number);

        using JsonDocument sv = JsonDocument.Parse(swedish);
        using JsonDocument en = JsonDocument.Parse(english);
        Assert.Equal(Messages.Get("State_" + shown.State), en.RootElement.GetProperty("state_text").GetString());
        Assert.NotEqual(sv.RootElement.GetProperty("state_text").GetString(), en.RootElement.GetProperty("state_text").GetString());
        Assert.NotEqual(sv.RootElement.GetProperty("timeline")[0].GetProperty("text").GetString(), en.RootElement.GetProperty("timeline")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task CaseAsync_UnknownNumber_IsRefusedByTheServerNamingIt()
    {
        await using TestServer server = TestServer.Start();

        var refused = await Assert.ThrowsAsync<JourException>(() => RunAsync(server, "1999-0001"));

        Assert.Equal(ErrorCodes.CaseNotFound, refused.Code);
        Assert.Equal("Ärende 1999-0001 finns inte.", refused.Localized);
    }

    private static async Task<string> RunAsync(TestServer server, string reference)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await ListCommands.CaseAsync(server.Paths, reference, "json", output, TestContext.Current.CancellationToken));
        return output.ToString();
    }

    private static async Task<CaseSummary> FirstCaseWithHistoryAsync(TestServer server)
    {
        using SocketJourService service = await CliSession.OpenAsync(server.Paths, TestContext.Current.CancellationToken);
        IReadOnlyList<CaseSummary> open = await service.SendAsync(new GetOpenCases(), TestContext.Current.CancellationToken);
        foreach (CaseSummary c in open)
        {
            if ((await service.SendAsync(new GetCase(c.Id), TestContext.Current.CancellationToken)).Timeline.Count >= 2)
            {
                return c;
            }
        }

        throw new InvalidOperationException("The demo has no open case with a history.");
    }

    private static DateTime Utc(JsonElement element)
    {
        string text = element.GetString()!;
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
