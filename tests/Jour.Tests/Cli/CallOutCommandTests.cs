using System.Text.Json;
using Jour.Cli;
using Jour.Core.CallOuts;

namespace Jour.Tests.Cli;

public sealed class CallOutCommandTests
{
    private static readonly DateTime s_sent = new(2026, 12, 6, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Json_IsAListWithTo_Name_SentAt_Answer_AndDeploymentState_NullWhereNone()
    {
        var status = new CallOutStatus(7, [
            new CallOutLine(1, 10, "Anna Berg", "+46731234567", "K7Q2", s_sent, "yes", "proposed", null, false, null),
            new CallOutLine(1, 11, "Bo Ek", "+46739876543", "AB3D", s_sent, "no", null, null, false, null),
            new CallOutLine(1, 12, "Cia Dahl", "+46701112233", "ZZ22", null, null, null, null, true, "Sms_Fault_Unreachable"),
        ], "Sms_Fault_Unreachable", 1);

        using JsonDocument json = JsonDocument.Parse(CallOutCommand.Json(status));

        var lines = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("+46731234567", lines[0].GetProperty("to").GetString());
        Assert.Equal("Anna Berg", lines[0].GetProperty("name").GetString());
        Assert.Equal(s_sent, lines[0].GetProperty("sent_at").GetDateTime().ToUniversalTime());
        Assert.Equal("yes", lines[0].GetProperty("answer").GetString());
        Assert.Equal("proposed", lines[0].GetProperty("deployment_state").GetString());
        Assert.Equal("no", lines[1].GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("deployment_state").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("sent_at").ValueKind);
        Assert.StartsWith("SMS-tjänsten går inte att nå", lines[2].GetProperty("fault").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SaysDelivered_TrueFalseOrNullWhileUnknown_AndTheTextShowsIt()
    {
        var status = new CallOutStatus(7, [
            new CallOutLine(1, 10, "Anna Berg", "+46731234567", "K7Q2", s_sent, null, null, null, true, null, true),
            new CallOutLine(1, 11, "Bo Ek", "+46739876543", "AB3D", s_sent, null, null, null, true, null, false),
            new CallOutLine(1, 12, "Cia Dahl", "+46701112233", "ZZ22", s_sent, null, null, null, true, null),
        ], null, 0);

        using JsonDocument json = JsonDocument.Parse(CallOutCommand.Json(status));
        string text = CallOutCommand.Text("2026-0004", status, started: false);

        var lines = json.RootElement.EnumerateArray().ToList();
        Assert.True(lines[0].GetProperty("delivered").GetBoolean());
        Assert.False(lines[1].GetProperty("delivered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("delivered").ValueKind);
        Assert.Contains("Levererat", text, StringComparison.Ordinal);
        Assert.Contains("nej, kom inte fram", text.Split('\n').Single(l => l.Contains("Bo Ek", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("kom inte fram", text.Split('\n').Single(l => l.Contains("Anna Berg", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_SaysWhatWasSent_AndAFaultInSwedish()
    {
        var status = new CallOutStatus(7, [new CallOutLine(1, 12, "Cia Dahl", "+46701112233", "ZZ22", null, null, null, null, true, "Sms_Fault_RateLimited")], "Sms_Fault_RateLimited", 1);

        string text = CallOutCommand.Text("2026-0004", status, started: true);

        Assert.Contains("Cia Dahl", text, StringComparison.Ordinal);
        Assert.Contains("i kö", text, StringComparison.Ordinal);
        Assert.Contains("(429)", text, StringComparison.Ordinal);
    }
}
