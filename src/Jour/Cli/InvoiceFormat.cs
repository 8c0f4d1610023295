using System.Globalization;
using System.Text;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// The invoicing basis as CSV that Swedish spreadsheets open directly (semicolons, decimal comma,
/// personnummer as YYYYMMDD-NNNN so they stay text; the caller writes UTF-8 with a BOM) and as text
/// that prints at 80 columns.
/// </summary>
internal static class InvoiceFormat
{
    public const int Width = 80;

    // sv-SE's minus is U+2212, which spreadsheets do not read as a number; a credit goes out with a hyphen-minus.
    private static readonly NumberFormatInfo s_csvNumbers = CsvNumbers();

    public static string Csv(InvoiceBasis basis)
    {
        var sb = new StringBuilder();
        void Row(params string[] cells) => sb.Append(string.Join(';', cells.Select(SwedishCsv.Field))).Append("\r\n");

        InvoiceHeader h = basis.Header;
        Row(CliText.Invoice_Title, Month(h));
        foreach (var (label, value) in HeaderFields(h))
        {
            Row(label, value);
        }

        Row();
        Row(
            CliText.Invoice_Amount_From, CliText.Invoice_Amount_To, CliText.Invoice_Amount_Days, CliText.Invoice_Amount_Annual,
            CliText.Invoice_Amount_Utilisation, CliText.Invoice_Amount_Compensation, CliText.Invoice_Amount_Unused,
            CliText.Invoice_Amount_Deductions, CliText.Invoice_Amount_Net);
        foreach (InvoiceAmountLine a in basis.Amounts)
        {
            Row(
                Date(a.From), Date(a.To), a.Days.ToString(CultureInfo.InvariantCulture), CsvKr(a.AnnualEquivalentKr),
                a.UtilisationPercent.ToString("0.##", SwedishCulture.Instance), CsvKr(a.CompensationKr), CsvKr(a.UnusedKr),
                CsvKr(a.DeductionsKr), CsvKr(a.NetKr));
        }

        Row(CliText.Invoice_Rounding, "", "", "", "", "", "", "", CsvKr(basis.RoundingKr));
        Row(CliText.Invoice_ToPay, "", "", "", "", "", "", "", CsvKr(basis.TotalKr));
        Row(CliText.Invoice_RoundingRule);
        Row();
        Row(Columns());
        foreach (InvoiceLine line in basis.Clients.SelectMany(c => c.Lines))
        {
            Row(Cells(line));
        }

        Row(CliText.Invoice_Total, "", "", "", "", "", "", "", basis.SignedMinutes.ToString(CultureInfo.InvariantCulture), Hours(basis.SignedMinutes), "", "", "");
        Row();
        Row(CliText.Invoice_UnsignedTitle, basis.UnsignedCount.ToString(CultureInfo.InvariantCulture), Hours(basis.UnsignedMinutes));
        if (basis.UnsignedLines.Count > 0)
        {
            Row(Columns());
            foreach (InvoiceLine line in basis.UnsignedLines)
            {
                Row(Cells(line));
            }
        }

        return sb.ToString();
    }

    public static string Text(InvoiceBasis basis)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(Fit(text)).Append('\n');

        InvoiceHeader h = basis.Header;
        string title = $"{CliText.Invoice_Title.ToUpper(CultureInfo.CurrentCulture)} {Month(h)}";
        string date = $"{CliText.Invoice_Date} {Date(h.InvoiceDate)}";
        Line(title + new string(' ', Math.Max(1, Width - title.Length - date.Length)) + date);
        Line(new string('=', Width));
        foreach (var (label, value) in HeaderFields(h).Skip(1))
        {
            Line($"{label + ":",-25}{value}");
        }

        Line("");
        Line(CliText.Invoice_AmountTitle);
        foreach (InvoiceAmountLine a in basis.Amounts)
        {
            Line(string.Format(CultureInfo.CurrentCulture, CliText.Invoice_AmountPeriod, Date(a.From), Date(a.To), a.Days, Kr(a.AnnualEquivalentKr, 0), a.UtilisationPercent.ToString("0.##", SwedishCulture.Instance)));
            Line(Amount("  " + CliText.Invoice_Amount_Compensation, a.CompensationKr));
            Line(Amount("  " + string.Format(CultureInfo.CurrentCulture, CliText.Invoice_AmountUnused, (100m - a.UtilisationPercent).ToString("0.##", SwedishCulture.Instance)), a.UnusedKr));
            Line(Amount("  " + CliText.Invoice_Amount_Deductions, -a.DeductionsKr));
            Line(Amount("  " + CliText.Invoice_Amount_Net, a.NetKr));
        }

        if (basis.Amounts.Count == 0)
        {
            Line("  " + CliText.Invoice_NoContract);
        }

        Line(Amount(CliText.Invoice_Rounding, basis.RoundingKr));
        Line(Amount(CliText.Invoice_ToPayText.ToUpper(CultureInfo.CurrentCulture), basis.TotalKr, 0));
        Line($"{CliText.Invoice_DueDate + ":",-25}{Date(h.DueDate)}");
        Line(CliText.Invoice_RoundingRule);

        foreach (InvoiceClient client in basis.Clients)
        {
            Line("");
            Line($"{client.ClientName}  {Number(client.ClientNumber)}");
            Line(LineHeader());
            foreach (InvoiceLine line in client.Lines)
            {
                Line(TextLine(line));
            }

            Line(Right($"{CliText.Invoice_ClientTotal} {Clock(client.Minutes)} ({Hours(client.Minutes)} h)"));
        }

        Line("");
        Line(new string('-', Width));
        Line(string.Format(CultureInfo.CurrentCulture, CliText.Invoice_TextTotal, basis.SignedCount, Clock(basis.SignedMinutes), Hours(basis.SignedMinutes)));
        Line(string.Format(CultureInfo.CurrentCulture, CliText.Invoice_TextUnsigned, basis.UnsignedCount, Clock(basis.UnsignedMinutes)));
        if (basis.UnsignedLines.Count > 0)
        {
            Line(LineHeader(CliText.Invoice_Col_Client));
            foreach (InvoiceLine line in basis.UnsignedLines)
            {
                Line(TextLine(line, line.ClientName));
            }
        }

        return sb.ToString();
    }

    /// <summary>The invoicing basis as one JSON object: <c>total_kr</c> a number in whole kronor, <c>due_date</c> YYYY-MM-DD, the lines.</summary>
    public static string Json(InvoiceBasis basis)
    {
        InvoiceHeader h = basis.Header;
        var output = new InvoiceOutput(
            Month(h),
            Date(h.InvoiceDate),
            Date(h.DueDate),
            Date(h.PeriodFrom),
            Date(h.PeriodTo),
            h.SupplierName,
            h.OrganisationNumber,
            h.VatNumber,
            h.FTax,
            h.CustomerName,
            h.CustomerReference,
            h.InvoiceAddress,
            basis.TotalKr,
            basis.RoundingKr,
            [.. basis.Amounts.Select(a => new InvoiceAmountOutput(a.ContractId, Date(a.From), Date(a.To), a.Days, a.AnnualEquivalentKr, a.UtilisationPercent, a.CompensationKr, a.UnusedKr, a.DeductionsKr, a.NetKr))],
            basis.SignedMinutes,
            [.. basis.Clients.SelectMany(c => c.Lines).Select(JsonLine)],
            basis.UnsignedMinutes,
            [.. basis.UnsignedLines.Select(JsonLine)]);
        return System.Text.Json.JsonSerializer.Serialize(output, CliJsonContext.Default.InvoiceOutput) + "\n";
    }

    /// <summary>"1 234,50 kr" (sv-SE, a non-breaking space between thousands).</summary>
    public static string Kr(decimal amount, int decimals = 2) =>
        amount.ToString(decimals == 0 ? "#,0" : "#,0.00", SwedishCulture.Instance) + " kr";

    /// <summary>"8:20": worked minutes as hours and minutes.</summary>
    public static string Clock(long minutes) => $"{minutes / 60}:{minutes % 60:00}";

    /// <summary>"8,33": hours with two decimals and a decimal comma.</summary>
    public static string Hours(long minutes) => (minutes / 60m).ToString("0.00", SwedishCulture.Instance);

    /// <summary>"19420312-9287"; anything else as stored.</summary>
    public static string Number(string twelve) =>
        twelve.Length == 12 && twelve.All(char.IsAsciiDigit) ? string.Concat(twelve.AsSpan(0, 8), "-", twelve.AsSpan(8)) : twelve;

    private static InvoiceLineOutput JsonLine(InvoiceLine l) => new(
        l.ClientName, Number(l.ClientNumber), l.CaseNumber, Date(l.Date), l.Start, Date(l.EndDate), l.End,
        l.BreakMinutes, l.Minutes, l.AssistantName, Number(l.AssistantNumber), l.ClientSignedName, l.IsSigned);

    /// <summary>A label and an amount right-aligned at the text's width.</summary>
    private static string Amount(string label, decimal amount, int decimals = 2)
    {
        string kr = Kr(amount, decimals);
        return label + new string(' ', Math.Max(1, Width - label.Length - kr.Length)) + kr;
    }

    /// <summary>"1234,50": a decimal comma and no thousands separator, which spreadsheets read as a number.</summary>
    private static string CsvKr(decimal amount) => amount.ToString("0.00", s_csvNumbers);

    private static NumberFormatInfo CsvNumbers()
    {
        var numbers = (NumberFormatInfo)SwedishCulture.Instance.NumberFormat.Clone();
        numbers.NegativeSign = "-";
        return numbers;
    }

    private static string Month(InvoiceHeader h) => h.PeriodFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string Label, string Value)[] HeaderFields(InvoiceHeader h) =>
    [
        (CliText.Invoice_Date, Date(h.InvoiceDate)),
        (CliText.Invoice_Supplier, h.SupplierName),
        (CliText.Invoice_OrgNumber, h.OrganisationNumber),
        (CliText.Invoice_VatNumber, h.VatNumber),
        (CliText.Invoice_FTax, h.FTax),
        (CliText.Invoice_Customer, h.CustomerName),
        (CliText.Invoice_Reference, h.CustomerReference),
        (CliText.Invoice_Address, h.InvoiceAddress),
        (CliText.Invoice_Period, $"{Date(h.PeriodFrom)} – {Date(h.PeriodTo)}"),
        (CliText.Invoice_DueDate, Date(h.DueDate)),
    ];

    private static string[] Columns() =>
    [
        CliText.Invoice_Col_Client, CliText.Invoice_Col_ClientNumber, CliText.Invoice_Col_Case, CliText.Invoice_Col_Date,
        CliText.Invoice_Col_Start, CliText.Invoice_Col_EndDate, CliText.Invoice_Col_End, CliText.Invoice_Col_Break,
        CliText.Invoice_Col_Minutes, CliText.Invoice_Col_Hours, CliText.Invoice_Col_Assistant, CliText.Invoice_Col_AssistantNumber,
        CliText.Invoice_Col_ClientSigned,
    ];

    private static string[] Cells(InvoiceLine l) =>
    [
        l.ClientName, Number(l.ClientNumber), l.CaseNumber, Date(l.Date), l.Start, Date(l.EndDate), l.End,
        l.BreakMinutes.ToString(CultureInfo.InvariantCulture), l.Minutes.ToString(CultureInfo.InvariantCulture), Hours(l.Minutes),
        l.AssistantName, Number(l.AssistantNumber), l.ClientSignedName,
    ];

    // "  Datum       Start  Slut     Rast    Tid  Assistent              Personnummer"
    private static string LineHeader(string? last = null) =>
        $"  {CliText.Invoice_Col_Date,-10}  {CliText.Invoice_Col_Start,-5}  {CliText.Invoice_Col_End,-7}  {CliText.Invoice_Col_BreakShort,4}  {CliText.Invoice_Col_Time,6}  {CliText.Invoice_Col_Assistant,-21}  {last ?? CliText.Invoice_Col_AssistantNumber}";

    // The last column is the assistant's personnummer, or (for unsigned reports, which have none yet) the client.
    private static string TextLine(InvoiceLine l, string? last = null)
    {
        string end = l.EndDate > l.Date ? l.End + "+" + (l.EndDate.DayNumber - l.Date.DayNumber).ToString(CultureInfo.InvariantCulture) : l.End;
        string name = l.AssistantName.Length > 21 ? l.AssistantName[..20] + "…" : l.AssistantName;
        return $"  {Date(l.Date)}  {l.Start,-5}  {end,-7}  {l.BreakMinutes,4}  {Clock(l.Minutes),6}  {name,-21}  {last ?? Number(l.AssistantNumber)}";
    }

    private static string Right(string text) => text.Length >= Width ? text : new string(' ', Width - text.Length) + text;

    private static string Fit(string text) => text.Length <= Width ? text.TrimEnd() : text[..(Width - 1)] + "…";
}
