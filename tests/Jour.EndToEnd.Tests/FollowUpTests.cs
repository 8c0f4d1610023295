using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jour.EndToEnd.Tests;

/// <summary>Issue 8 "done when": the invoice CSV on the demo, and the reports screen at 80x24.</summary>
public sealed class FollowUpTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void InvoiceCsv_OpensAsSwedishCsv_AndItsTotalIsTheSumOfTheSignedReports()
    {
        DateTime lastMonth = DateTime.UtcNow.AddMonths(-1);
        string month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        string file = Path.Combine(_jour.OutDir, "faktura.csv");

        (int code, _, string err) = _jour.Run("export", "invoice", "--month", month, "--format", "csv", "--out", file);
        Assert.True(code == 0, err);

        byte[] bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string[] lines = new UTF8Encoding(false).GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Fakturaunderlag;" + month, lines[0]);
        int header = Array.FindIndex(lines, l => l.StartsWith("Brukare;Personnummer brukare;", StringComparison.Ordinal));
        int total = Array.FindIndex(lines, l => l.StartsWith("Summa signerat;", StringComparison.Ordinal));
        Assert.True(header > 0 && total > header + 1, string.Join('\n', lines));
        string[] columns = lines[header].Split(';');
        int minutesColumn = Array.IndexOf(columns, "Minuter");
        int hoursColumn = Array.IndexOf(columns, "Timmar");
        var rows = lines[(header + 1)..total].Select(l => l.Split(';')).ToList();
        Assert.All(rows, r => Assert.Equal(columns.Length, r.Length));
        Assert.All(rows, r => Assert.Matches(@"^\d{8}-\d{4}$", r[1]));
        Assert.All(rows, r => Assert.Matches(@"^\d+,\d\d$", r[hoursColumn]));

        long rowMinutes = rows.Sum(r => long.Parse(r[minutesColumn], CultureInfo.InvariantCulture));
        string[] totalRow = lines[total].Split(';');
        Assert.Equal(rowMinutes, long.Parse(totalRow[minutesColumn], CultureInfo.InvariantCulture));
        Assert.Equal((rowMinutes / 60m).ToString("0.00", CultureInfo.GetCultureInfo("sv-SE")), totalRow[hoursColumn]);

        // Reconciled against the statistics, which read the time reports by their own path: signed
        // plus unsigned minutes of the month are the hours deployed that month.
        string unsignedLine = lines.Single(l => l.StartsWith("Osignerade tidsredovisningar", StringComparison.Ordinal));
        decimal unsignedHours = decimal.Parse(unsignedLine.Split(';')[2], CultureInfo.GetCultureInfo("sv-SE"));
        var first = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        (code, string json, err) = _jour.Run("stats", "--from", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--to", first.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument stats = JsonDocument.Parse(json);
        long signed = stats.RootElement.GetProperty("signedMinutes").GetInt64();
        long deployed = stats.RootElement.GetProperty("minutesDeployed").GetInt64();
        Assert.True(signed > 0);
        Assert.Equal(signed, rowMinutes);
        Assert.Equal((deployed - signed) / 60m, unsignedHours, 2);
    }

    [Fact]
    public void ProviderBasis_AddsUpToTheMonthsSignedHours_PerProvider_AndGoesOnPaperWithFormatPdf()
    {
        DateTime lastMonth = DateTime.UtcNow.AddMonths(-1);
        string month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        (int code, string json, string err) = _jour.Run("export", "provider-basis", "--month", month, "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument basis = JsonDocument.Parse(json);
        JsonElement root = basis.RootElement;
        var providers = root.GetProperty("providers").EnumerateArray().ToList();
        Assert.NotEmpty(providers);
        Assert.All(providers, p => Assert.Equal(
            p.GetProperty("signed_minutes").GetInt64(),
            p.GetProperty("clients").EnumerateArray().Sum(c => c.GetProperty("signed_minutes").GetInt64())));
        Assert.All(providers.SelectMany(p => p.GetProperty("clients").EnumerateArray()), c => Assert.Matches(@"^\d{8}-\d{4}$", c.GetProperty("personal_number").GetString()));
        Assert.Contains(providers, p => p.GetProperty("name").GetString()!.Length > 0);

        // The same hours as the invoice, read by its own path.
        (code, string invoice, err) = _jour.Run("export", "invoice", "--month", month, "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument invoiceJson = JsonDocument.Parse(invoice);
        long signed = root.GetProperty("signed_minutes").GetInt64();
        Assert.True(signed > 0);
        Assert.Equal(invoiceJson.RootElement.GetProperty("signed_minutes").GetInt64(), signed);
        Assert.Equal(providers.Sum(p => p.GetProperty("signed_minutes").GetInt64()), signed);

        string pdf = Path.Combine(_jour.OutDir, "anordnare.pdf");
        (code, _, err) = _jour.Run("export", "provider-basis", "--month", month, "--format", "pdf", "--out", pdf);
        Assert.True(code == 0, err);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf)[..4]));

        (code, string refused, err) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Anna Lindqvist" }, "export", "provider-basis", "--month", month);
        Assert.Equal(2, code);
        Assert.Equal("", refused);
        Assert.Contains("Bara ekonomi eller administratör", err, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 19's "done when", as finance at 80x24: the contracts of seeds 000–002 added on the screen, a month of
    /// paid hours imported, utilisation and cost per used hour read on F6, and the month's invoicing basis made
    /// a PDF from the app.
    /// </summary>
    [Fact]
    public void Finance_At80x24_AddsTheSeedsContracts_ImportsPaidHours_ReadsUtilisation_AndExportsTheInvoicePdf()
    {
        DateTime lastMonth = DateTime.UtcNow.AddMonths(-1);
        string month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var finance = new Dictionary<string, string> { ["JOUR_USER"] = "Per Andersson" };

        // Two assistants of the pool, as payroll's file names them.
        (int code, string hours, string err) = _jour.Run("hours", "--format", "csv");
        Assert.True(code == 0, err);
        string[] assistants = [.. hours.Split("\r\n").Select(l => l.Split(';')).Where(c => c.Length > 1 && c[1] == "assistent").Select(c => c[0]).Take(2)];
        string payroll = Path.Combine(_jour.OutDir, "lon.csv");
        File.WriteAllText(payroll, $"assistent;månad;betalda_timmar;timmar_andra_avtal\n{assistants[0]};{month};160;40\n{assistants[1]};{month};120,5;30\n");
        (code, string imported, err) = _jour.RunWith(finance, "import", "paid-hours", payroll);
        Assert.True(code == 0, err + imported);

        // Exports from the screens go to a directory of their own.
        string config = Path.Combine(_jour.DataDir, "jour.json");
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!.AsObject();
        settings["exportDirectory"] = _jour.OutDir;
        File.WriteAllText(config, settings.ToJsonString());

        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");
        tmux.SwitchUser("Per Andersson");
        tmux.Keys("F6");
        tmux.WaitFor("A Avtal");
        tmux.Keys("a");
        tmux.WaitFor("I kraft i dag");

        void AddContract(string from, string to, bool lumpSum, string amount, string priceLevel, string deduction, string saved)
        {
            tmux.Keys("n");
            tmux.WaitFor("Nytt avtal");
            tmux.Type(from);
            tmux.Keys("Tab");
            tmux.Type(to);
            tmux.Keys("Tab");
            if (lumpSum)
            {
                tmux.Keys("Right");
            }

            tmux.Keys("Tab");
            tmux.Type(amount);
            tmux.Keys("Tab");
            tmux.Type(priceLevel);
            tmux.Keys("Tab", "Tab");
            tmux.Type(deduction);
            tmux.Keys("C-s");
            tmux.WaitUntil(screen => Regex.IsMatch(screen.Replace('\u00a0', ' '), saved), saved);
        }

        AddContract("2020-05-11", "2021-02-14", false, "1 787 000", "", "343600:2020-03-16:2020-06-05:Fritidsverksamheterna", @"Avtal \d+ sparat, netto per helår 281 850 kr\.");
        AddContract("2021-02-15", "2021-12-31", false, "1814000", "2021", "", @"Avtal \d+ sparat, netto per helår 634 900 kr\.");
        AddContract("2022-01-01", "2022-12-31", true, "760000", "", "", @"Avtal \d+ sparat");
        string contracts = tmux.WaitFor("2022-01-01").Screen.Replace('\u00a0', ' ');
        Assert.Contains("760 000 kr för perioden", contracts, StringComparison.Ordinal);
        Assert.Contains("1 814 000 kr/år (2021)", contracts, StringComparison.Ordinal);

        // Last month on F6: the used share of the paid hours, the cost per used hour, the invoice's amount.
        tmux.Keys("Escape");
        tmux.WaitFor("A Avtal");
        tmux.Keys("p");
        tmux.Keys("i");
        tmux.Keys("Left");
        string f6 = tmux.WaitFor($"({month}-01 – ").Screen;
        f6 = tmux.WaitFor("förfaller").Screen.Replace('\u00a0', ' ');
        Assert.Matches(@"Nyttjandegrad\s+\d+,\d %", f6);
        Assert.Matches(@"Betalda timmar\s+280,5 h", f6);
        Assert.Matches(@"Kostnad/använd timme\s+[\d ]+ kr", f6);

        tmux.Keys("e");
        string done = tmux.WaitFor("Sparad:").Screen;
        string pdf = Directory.GetFiles(_jour.OutDir, $"fakturaunderlag-{month}-*.pdf").Single();
        Assert.Contains(Path.GetFileName(pdf)[..20], done, StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf)[..4]));
    }

    [Fact]
    public void InvoiceBasis_IsRefusedToAnOnCallOfficer()
    {
        (int code, string output, string err) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Anna Lindqvist" }, "export", "invoice", "--format", "text");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Bara ekonomi eller administratör", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsScreen_ShowsTheQuartersUtilisationAndCostPerHourWithAChart_At80x24()
    {
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");

        tmux.Keys("F6");
        string screen = tmux.WaitFor("Kostnad/använd timme").Screen;

        Assert.Contains("Kvartal", screen, StringComparison.Ordinal);
        // No paid hours imported in the demo: the used share is unknown and the screen says which months lack them.
        Assert.True(Regex.IsMatch(screen, @"Nyttjandegrad\s+–\s+förväntad 65 %; inga betalda timmar importerade"), screen);
        Assert.Matches(@"Kostnad/använd timme\s+[\d\u00A0\u202F ]+ kr", screen);
        Assert.Contains("Timmar per månad", screen, StringComparison.Ordinal);
        Assert.Contains("█", screen, StringComparison.Ordinal);
        Assert.Matches(@"Per vecka\s+[ ▁▂▃▄▅▆▇█]+\s+v\d+–v\d+", screen);
        Assert.All(screen.Split('\n'), l => Assert.True(l.Length <= 80, l));

        // Issue 18, point 12: the response time names its unit ("1:53" read as a time of day).
        Assert.Matches(@"samtal→på plats median (\d+ h \d+ min|\d+ h|\d+ min), p90 ", screen);

        // The previous quarter, then a month.
        tmux.Keys("Left");
        string previous = tmux.WaitUntil(s => !s.Contains(screen.Split('\n')[2], StringComparison.Ordinal) && s.Contains("Kostnad/använd timme", StringComparison.Ordinal), "previous quarter").Screen;
        Assert.Contains("Kvartal", previous, StringComparison.Ordinal);
        tmux.Keys("p");
        // The heading row names the period; the key hints below always say "Kvartal/månad/år".
        string month = tmux.WaitUntil(s => !s.Split('\n')[2].Contains("Kvartal", StringComparison.Ordinal) && s.Contains("Kostnad/använd timme", StringComparison.Ordinal), "a month").Screen;
        Assert.Matches(@"^ \p{Ll}+ \d{4}  \(\d{4}-\d{2}-01 – \d{4}-\d{2}-\d{2}\)", month.Split('\n')[2]);
    }
}
