using Jour.Cli;

namespace Jour.Tests;

/// <summary>`jour stats --year/--quarter/--from/--to`: one way of giving the period, each refused by name when unreadable.</summary>
public sealed class StatsPeriodTests
{
    private static readonly DateOnly s_today = new(2026, 12, 7);

    [Theory]
    [InlineData(null, null, null, "2026", "2026-01-01", "2026-12-31")]
    [InlineData(null, null, "2026-Q3", null, "2026-07-01", "2026-09-30")]
    [InlineData(null, null, "2025K1", null, "2025-01-01", "2025-03-31")]
    [InlineData(null, null, "2026-4", null, "2026-10-01", "2026-12-31")]
    [InlineData(null, null, null, null, "2026-10-01", "2026-12-31")]
    [InlineData("2026-05-10", null, null, null, "2026-05-10", "2026-06-30")]
    [InlineData("2026-05-10", "2026-05-20", null, null, "2026-05-10", "2026-05-20")]
    public void ThePeriod_AsAsked(string? from, string? to, string? quarter, string? year, string first, string last)
    {
        (DateOnly f, DateOnly l) = FollowUpCommands.StatsPeriod(new StatsPeriodArgs(from, to, quarter, year), s_today);
        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), (f, l));
    }

    [Theory]
    [InlineData(null, null, "2026-Q5", null, "--quarter: \"2026-Q5\"")]
    [InlineData(null, null, null, "tjugo", "--year: \"tjugo\"")]
    [InlineData(null, null, "2026-Q1", "2026", "Ange perioden på ett sätt")]
    [InlineData("2026-01-01", null, null, "2026", "Ange perioden på ett sätt")]
    public void AnUnreadableOrDoubledPeriod_IsRefusedByName(string? from, string? to, string? quarter, string? year, string expected)
    {
        var refused = Assert.Throws<CliException>(() => FollowUpCommands.StatsPeriod(new StatsPeriodArgs(from, to, quarter, year), s_today));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
