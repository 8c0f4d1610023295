using System.Globalization;
using System.Text.RegularExpressions;
using Jour.Cli;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;

namespace Jour.Tests;

/// <summary>`jour stats` as text (issue 18, point 12): no label runs into its number, and times name their unit.</summary>
public sealed class StatisticsFormatTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public StatisticsFormatTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }

    /// <summary>The closing reasons of the demo, the longest of them as the issue quotes it.</summary>
    private static readonly UtilisationFigures s_utilisation = new(
        [new UtilisationMonth(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 3_200m, 1_600m, 205.75m, 151_772.60m, 29_181.37m, 56.43m, 1_394.25m, 36_945.14m)],
        [new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)],
        3_200m,
        1_600m,
        205.75m,
        56.4296875m,
        65m,
        1_394.25m,
        151_773m,
        29_181m,
        36_945m,
        23_939m);

    private static StatisticsReport Report(double? median = 113, double? p90 = 245, IReadOnlyList<QuarterFigures>? quarters = null) => new(
        new DateOnly(2026, quarters is null ? 10 : 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 6), 41, 20, 19, 2, 31.5, 12,
        [new CountRow("ProviderChange", "Byte av anordnare", 4), new CountRow("Other", "Annan orsak till kontakt med kommunen i jourtid", 8)],
        11,
        [new CountRow("ProviderResumed", "Anordnaren har återupptagit assistansen", 10), new CountRow("Moved", "Flyttat", 1)],
        57,
        [new CountRow("SicknessOrStaffShortage", "Sjukdom eller personalbrist hos anordnaren", 40)],
        [new CountRow("Closed", "Avslutat", 50)],
        48, median, p90, 12_345, 11_000, 300, 7,
        [new PeriodMinutes(new DateOnly(2026, 10, 1), 4000)], [], 3000, 41.2, 65, 1_234_567m, 1_021m, s_utilisation, 12.25,
        [new CountRow("Incident", "Avvikelse", 3), new CountRow("NearMiss", "Tillbud", 2)],
        [new CountRow("Complaint", "Klagomål", 1)],
        [new InsatsHours("Lss", "LSS 9 § 2", 9_000, 3), new InsatsHours("Sfb", "Assistansersättning (SFB)", 3_345, 2)],
        12,
        2,
        quarters ?? [new QuarterFigures(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 12_345, [], [])]);

    [Fact]
    public void Text_EveryLabelAndItsNumber_HaveSpaceBetween_AndEveryLineFits80()
    {
        string text = StatisticsFormat.Text(Report());
        string[] lines = text.TrimEnd('\n').Split('\n');

        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Anordnaren har återupptagit assistansen {2,}10$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Annan orsak till kontakt med kommunen i jourtid {2,} 8$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Flyttat {2,} 1$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  2026-10 {2,}66,67 h$"));

        // The counts stand in one right-aligned column.
        Assert.Single(lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && char.IsDigit(l[^1])).Select(l => l.Length).Distinct());
        Assert.DoesNotContain("assistansen10", text, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));

        // Every count row (indented, ending in a number) has at least two spaces before its number.
        string[] counts = [.. lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && Regex.IsMatch(l, @"\d$"))];
        Assert.True(counts.Length == 9, text);
        Assert.All(counts, l => Assert.Matches(@"^  \S.*\S {2,}\d+$", l));
    }

    [Fact]
    public void Text_AQuarter_IsTheQuarterlyFollowUp_WithHoursPerInsatsAndShortTermDays()
    {
        string text = StatisticsFormat.Text(Report());
        string[] lines = text.TrimEnd('\n').Split('\n');

        Assert.Equal("KVARTALSUPPFÖLJNING AV RESURSUTNYTTJANDE, kvartal 4 2026", lines[0]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  LSS 9 § 2 {2,}150,00 h \(3 personer\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Korttidsplats {2,}12 dagar \(2 personer\)$"));
        Assert.DoesNotContain("Per kvartal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_AYear_IsTheYearReport_WithEachQuartersHoursIncidentsAndComplaintsByKind()
    {
        QuarterFigures Quarter(int n, long minutes, params CountRow[] incidents) =>
            new(new DateOnly(2026, (3 * n) - 2, 1), new DateOnly(2026, 3 * n, 1).AddMonths(1).AddDays(-1), minutes, incidents, n == 2 ? [new CountRow("View", "Synpunkt", 1)] : []);
        string text = StatisticsFormat.Text(Report(quarters:
        [
            Quarter(1, 600, new CountRow("NearMiss", "Tillbud", 2)),
            Quarter(2, 1_200),
            Quarter(3, 90, new CountRow("Incident", "Avvikelse", 1), new CountRow("NearMiss", "Tillbud", 1)),
            Quarter(4, 0),
        ]));
        string[] lines = text.TrimEnd('\n').Split('\n');

        Assert.Equal("VERKSAMHETSBERÄTTELSE 2026: STATISTIK (lämnas senast 2027-03-31)", lines[0]);
        int at = Array.IndexOf(lines, "Per kvartal:");
        Assert.True(at > 0, text);
        Assert.Matches(@"^  kvartal 1 2026 {2,}10,00 h$", lines[at + 1]);
        Assert.Matches(@"^    Tillbud/avvikelser {2,}2: tillbud 2$", lines[at + 2]);
        Assert.Matches(@"^  kvartal 2 2026 {2,}20,00 h$", lines[at + 4]);
        Assert.Matches(@"^    Klagomål/synpunkter {2,}1: synpunkt 1$", lines[at + 6]);
        Assert.Matches(@" {2,}2: avvikelse 1, tillbud 1$", lines[at + 8]);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public void Text_ResponseTimes_NameTheirUnit()
    {
        string text = StatisticsFormat.Text(Report());

        Assert.Contains("median 1 h 53 min, 90:e percentil 4 h 5 min (48 ärenden)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1:53", text, StringComparison.Ordinal);
        Assert.Contains("median 45 min", StatisticsFormat.Text(Report(45, 60)), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Utilisation_ShowsPaidUsedAndBillable_EachValueApartFromItsLabel_At80Columns()
    {
        string text = StatisticsFormat.Text(Report());
        string[] lines = text.TrimEnd('\n').Split('\n');
        void Has(string pattern) => Assert.True(lines.Any(l => Regex.IsMatch(l, pattern)), pattern + "\n" + text);

        Has(@"^Betalda timmar, beredskapspersonal {2,}3\s200 h, varav 1\s600 h i andra avtal$");
        Has(@"^Timmar i uppdraget \(signerade\) {2,}205,75 h$");
        Has(@"^Osignerade timmar \(ej använda\) {2,}22,42 h \(7 tidsredovisningar\)$");
        Has(@"^Nyttjandegrad \(andel använd\) {2,}56,4 % \(förväntad 65,0 %\)$");
        Has(@"^Betalda timmar saknas för {2,}2026-11, 2026-12$");
        Has(@"^Fakturerbara \(oanvända\) timmar {2,}1\s394,25 h$");
        Has(@"^Fakturerbart belopp {2,}36\s945 kr$");
        Has(@"^Belopp vid förväntad nyttjandegrad {2,}23\s939 kr$");
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public void Csv_Utilisation_HasItsOwnRows_WithADecimalComma()
    {
        string csv = StatisticsFormat.Csv(Report());

        Assert.Contains("utilisation;usedPercent;Nyttjandegrad (andel använd);56,43\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("utilisation;missingMonths;Betalda timmar saknas för;2026-11,2026-12\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("cost;billable;Fakturerbart belopp;36945\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("hours;unsigned;Osignerade timmar (ej använda);22,42\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IncidentsAndComplaints_CountByKind_InTheCountColumn()
    {
        StatisticsReport report = Report() with
        {
            IncidentsByKind = [new CountRow("NearMiss", "Tillbud", 3), new CountRow("CareInjuryRisk", "Risk för vårdskada (lex Maria)", 1)],
            ComplaintsByKind = [new CountRow("Complaint", "Klagomål", 2)],
        };

        string text = StatisticsFormat.Text(report);
        string[] lines = text.TrimEnd('\n').Split('\n');

        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Tillbud och avvikelser \(per typ\) {2,}4$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Risk för vårdskada \(lex Maria\) {2,} 1$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Klagomål och synpunkter \(per typ\) {2,}2$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  Klagomål {2,} 2$"));
        Assert.Contains("incidentsByKind;NearMiss;Tillbud;3\r\n", StatisticsFormat.Csv(report), StringComparison.Ordinal);
    }
}
