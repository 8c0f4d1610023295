using Jour.Core.Common;
using NodaTime;

namespace Jour.Core.Tests.Roster;

public class LocalTimeInputTests
{
    private static readonly LocalDate s_today = new(2026, 11, 23);

    [Fact]
    public void CommandLine_AmbiguousTime_IsRefusedNamingBothOffsets()
    {
        Assert.False(LocalTimeInput.TryParseCommandLine("2026-10-25 02:30", s_today, out _, out string error));

        Assert.Contains("2026-10-25 02:30+02:00", error, StringComparison.Ordinal);
        Assert.Contains("2026-10-25 02:30+01:00", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-25 02:30+01:00", 1, 30)]
    [InlineData("2026-10-25 02:30+02:00", 0, 30)]
    [InlineData("2026-10-25T02:30+02", 0, 30)]
    [InlineData("2026-10-25 02:30+1", 1, 30)]
    public void CommandLine_AmbiguousTimeWithItsOffset_IsThatInstant(string text, int utcHour, int utcMinute)
    {
        Assert.True(LocalTimeInput.TryParseCommandLine(text, s_today, out DateTime utc, out string error), error);

        Assert.Equal(new DateTime(2026, 10, 25, utcHour, utcMinute, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void SkippedTime_IsRefused_AndAnOffsetStockholmDoesNotHaveThen_TooRatherThanGuessed()
    {
        Assert.False(LocalTimeInput.TryParseCommandLine("2026-03-29 02:30", s_today, out _, out string skipped));
        Assert.Contains("finns inte", skipped, StringComparison.Ordinal);

        Assert.False(LocalTimeInput.TryParseCommandLine("2026-11-23 12:00+02:00", s_today, out _, out string wrong));
        Assert.Contains("+01:00", wrong, StringComparison.Ordinal);

        Assert.True(LocalTimeInput.TryParseCommandLine("2026-11-23 12:00+01:00", s_today, out DateTime utc, out _));
        Assert.Equal(new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Period_IsWholeLocalDays_FirstToLast()
    {
        Assert.True(LocalTimeInput.TryParsePeriod("2026-10-01 – 2026-10-31", out DateTime from, out DateTime to));

        Assert.Equal(new DateTime(2026, 9, 30, 22, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc), to);
        Assert.False(LocalTimeInput.TryParsePeriod("2026-10-31 - 2026-10-01", out _, out _));
        Assert.False(LocalTimeInput.TryParsePeriod("oktober", out _, out _));
    }
}
