using Jour.Cli;
using Jour.Core.AccessLog;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Core.Roster;
using Jour.Core.Staff;

namespace Jour.Tests;

/// <summary>CSV injection (issue 16): a name a spreadsheet would run as a formula comes out as text in every export.</summary>
public sealed class SwedishCsvTests
{
    private const string Hostile = "=HYPERLINK(\"x\")";

    // What SwedishCsv writes for Hostile: an apostrophe first, then RFC 4180 quoting for the quotes inside.
    private const string Neutralised = "\"'=HYPERLINK(\"\"x\"\")\"";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+46 70-123", "'+46 70-123")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData(Hostile, Neutralised)]
    public void Field_BeginningLikeAFormula_GetsAnApostrophe(string value, string expected)
    {
        Assert.Equal(expected, SwedishCsv.Field(value));
    }

    [Theory]
    [InlineData("-1,50")]
    [InlineData("-12")]
    [InlineData("1 234,50")]
    [InlineData("Åsa Öberg")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Field_PlainNumbersAndText_AreUnchanged(string value)
    {
        Assert.Equal(value, SwedishCsv.Field(value));
    }

    [Fact]
    public void AccessLogCsv_HostileNames_AreNeutralised()
    {
        var row = new AccessLogRow(1, new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), 2, Hostile, 3, "@evil", AccessedData.JournalSol, AccessBasis.OnCase, "2026-0001", "-2+3");

        string csv = AccessLogCommand.Csv([row]);

        string line = Lines(csv)[1];
        Assert.Contains(";" + Neutralised + ";'@evil;", line, StringComparison.Ordinal);
        Assert.Contains(";'-2+3;", line, StringComparison.Ordinal);
    }

    [Fact]
    public void HoursCsv_HostileNames_AreNeutralised_AndHoursStayNumbers()
    {
        string csv = HoursCommand.Csv([new OfficerHours(1, Hostile, 12.5)], [new AssistantHours(2, "+Kalle", 3, 2.25, 1)]);

        string[] lines = Lines(csv);
        Assert.StartsWith(Neutralised + ";", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(";12,50;;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("'+Kalle;", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void InvoiceCsv_HostileNames_AreNeutralised()
    {
        var line = new InvoiceLine(1, "2026-0001", Hostile, "19460823-9986", new DateOnly(2026, 12, 1), "08:00", new DateOnly(2026, 12, 1), "10:00", 0, 120, "-Assistent+1", "19800101-1234", "@Signerad", IsSigned: true);
        var header = new InvoiceHeader("=Leverantör", "556000-0000", "SE556000000001", "Ja", "+Kund", "ref", "Gatan 1", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 31));
        var basis = new InvoiceBasis(header, [new InvoiceClient(Hostile, "19460823-9986", [line], 120)], [], 1, 120, 0, 0, [], 0m, 0m);

        string csv = InvoiceFormat.Csv(basis);

        Assert.Contains(Neutralised + ";", csv, StringComparison.Ordinal);
        Assert.Contains("'-Assistent+1", csv, StringComparison.Ordinal);
        Assert.Contains("'@Signerad", csv, StringComparison.Ordinal);
        Assert.Contains("'=Leverantör", csv, StringComparison.Ordinal);
        Assert.Contains("'+Kund", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";@", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";+", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsCsv_HostileLabels_AreNeutralised()
    {
        var report = new StatisticsReport(
            new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 6), 10, 5, 5, 0, 12.5, 1,
            [new CountRow("Other", Hostile, 1)], 0, [], 1, [], [], 0, null, null, 60, 60, 1, 0, [], [], 1000, 50, 65, 100000m, null, new UtilisationFigures([], [], 0m, 0m, 0m, null, 65m, 0m, 100000m, 0m, 0m, 0m), 0, [], [], [], 0, 0, []);

        string csv = StatisticsFormat.Csv(report);

        Assert.Contains(";Other;" + Neutralised + ";1\r\n", csv, StringComparison.Ordinal);
    }

    private static string[] Lines(string csv) => csv.TrimStart('\uFEFF').Split("\r\n");
}
