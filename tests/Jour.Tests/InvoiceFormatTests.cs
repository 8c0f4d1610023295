using System.Globalization;
using System.Text.Json;
using Jour.Cli;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Core.Staff;

namespace Jour.Tests;

/// <summary>`jour export invoice --format json|text|csv`: the month's amount, its due date and the items seed 000 lists.</summary>
public sealed class InvoiceFormatTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public InvoiceFormatTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }

    /// <summary>
    /// February 2021 with seed 000's terms to the 14th and seed 002's 1 814 000 kr from the 15th, both at 65 %:
    /// 35 163 kr (see ContractInvoicingTests), dated 5 March, due 30 days later; one signed night by Erik Holm.
    /// </summary>
    private static InvoiceBasis February()
    {
        Contract[] contracts =
        [
            new() { Id = 1, From = "2021-01-01", To = "2021-02-14", AnnualKr = 1_787_000m, UtilisationPercent = 65m, Deductions = [new() { AmountKr = 343_600m, From = "2020-03-16", To = "2020-06-05", Reason = "Fritid" }] },
            new() { Id = 2, From = "2021-02-15", To = "2021-12-31", AnnualKr = 1_814_000m, UtilisationPercent = 65m },
        ];
        var settings = new FollowUpSettings
        {
            SupplierName = "Leanlink LSS Funktionsstöd",
            OrganisationNumber = "212000-0449",
            VatNumber = "SE212000044901",
            FTax = "Godkänd för F-skatt",
            CustomerName = "Social- och omsorgsnämnden",
            CustomerReference = "SON-2021-017",
            InvoiceAddress = "Linköpings kommun, Scanningcentralen 128 A, 581 81 Linköping",
        };
        DateTime start = new(2021, 2, 10, 21, 0, 0, DateTimeKind.Utc); // 22:00 in Stockholm
        var line = new TimeReportLine(7, 3, "2021-0003", 1, 5, start, start.AddHours(9), 30, true, "E Holm", "198507099805", "Åsa Berg");
        return InvoiceBasisBuilder.Build(
            ReportPeriod.Month(2021, 2),
            new DateOnly(2021, 3, 5),
            settings,
            contracts,
            [line],
            new Dictionary<long, Core.Clients.Client> { [1] = new() { Id = 1, Name = "Åsa Berg", PersonalIdentityNumber = "194203129287" } },
            new Dictionary<long, StandbyAssistant> { [5] = new() { Id = 5, Name = "Erik Holm" } });
    }

    [Fact]
    public void Json_IsAnObject_WithTotalKrAsANumber_TheDueDate_TheAmountsAndTheLines()
    {
        using JsonDocument json = JsonDocument.Parse(InvoiceFormat.Json(February()));
        JsonElement root = json.RootElement;

        Assert.Equal(JsonValueKind.Number, root.GetProperty("total_kr").ValueKind);
        Assert.Equal(35_163m, root.GetProperty("total_kr").GetDecimal());
        Assert.Equal("2021-04-04", root.GetProperty("due_date").GetString());
        Assert.Equal("2021-03-05", root.GetProperty("invoice_date").GetString());
        Assert.Equal("SE212000044901", root.GetProperty("vat_number").GetString());
        Assert.Equal("212000-0449", root.GetProperty("organisation_number").GetString());
        Assert.Equal("Godkänd för F-skatt", root.GetProperty("f_tax").GetString());
        Assert.Equal("SON-2021-017", root.GetProperty("customer_reference").GetString());
        Assert.Equal([10_810.68m, 24_352.33m], root.GetProperty("amounts").EnumerateArray().Select(a => a.GetProperty("net_kr").GetDecimal()));

        JsonElement line = Assert.Single(root.GetProperty("lines").EnumerateArray());
        Assert.Equal("Åsa Berg", line.GetProperty("client").GetString());
        Assert.Equal("19420312-9287", line.GetProperty("client_personnummer").GetString());
        Assert.Equal("Erik Holm", line.GetProperty("assistant").GetString()); // the register's name, not what was typed
        Assert.Equal(510, line.GetProperty("minutes").GetInt32());
    }

    [Fact]
    public void Text_ShowsTheAmountsTheDueDateAndTheRoundingRule_Within80Columns()
    {
        string text = InvoiceFormat.Text(February());

        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= InvoiceFormat.Width, l));
        Assert.Contains("Förfallodatum:           2021-04-04", text, StringComparison.Ordinal);
        Assert.Matches(@"ATT BETALA +35 163 kr\n", text.Replace('\u00a0', ' '));
        Assert.Contains("2021-02-15 – 2021-02-28  14 dagar  1\u00a0814\u00a0000 kr/år  nyttjandegrad 65 %", text, StringComparison.Ordinal);
        Assert.Contains("avrundas till hela kronor", text, StringComparison.Ordinal);
        Assert.Contains("Åsa Berg  19420312-9287", text, StringComparison.Ordinal);
        Assert.Contains("Erik Holm", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_CarriesTheAmountsAsSpreadsheetNumbers_ACreditWithAHyphenMinus()
    {
        string csv = InvoiceFormat.Csv(February());

        Assert.Contains("Förfallodatum;2021-04-04\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("2021-02-01;2021-02-14;14;1787000,00;65;68542,47;23989,86;13179,18;10810,68\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Avrundning;;;;;;;;-0,01\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Att betala (kr);;;;;;;;35163,00\r\n", csv, StringComparison.Ordinal);
    }
}
