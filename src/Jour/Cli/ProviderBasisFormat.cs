using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// `jour export provider-basis`: per ordinary provider, its clients, the hours standby staff worked for them
/// (signed by both and not yet) and the days they held a short-term place, as CSV for a spreadsheet, text at
/// 80 columns (and so on paper), or JSON for scripts.
/// </summary>
internal static class ProviderBasisFormat
{
    public static string Csv(ProviderBasis basis)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (ProviderBasisProvider p in basis.Providers)
        {
            foreach (ProviderBasisClient c in p.Clients)
            {
                rows.Add(
                [
                    ProviderName(p), p.OrganisationNumber, c.Name, InvoiceFormat.Number(c.PersonalNumber), string.Join(", ", c.CaseNumbers),
                    c.Reports.ToString(CultureInfo.InvariantCulture), InvoiceFormat.Hours(c.SignedMinutes), InvoiceFormat.Hours(c.UnsignedMinutes),
                    c.PlacementDays.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        rows.Add([CliText.ProviderBasis_Total, "", "", "", "", "", InvoiceFormat.Hours(basis.SignedMinutes), InvoiceFormat.Hours(basis.UnsignedMinutes), basis.PlacementDays.ToString(CultureInfo.InvariantCulture)]);
        return SwedishCsv.Document(
            [
                CliText.ProviderBasis_Col_Provider, CliText.ProviderBasis_Col_OrgNumber, CliText.Invoice_Col_Client, CliText.Invoice_Col_ClientNumber,
                CliText.ProviderBasis_Col_Cases, CliText.ProviderBasis_Col_Reports, CliText.ProviderBasis_Col_SignedHours,
                CliText.ProviderBasis_Col_UnsignedHours, CliText.ProviderBasis_Col_PlacementDays,
            ],
            rows);
    }

    public static string Text(ProviderBasis basis)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text.TrimEnd()).Append('\n');

        Line($"{CliText.ProviderBasis_Title.ToUpper(CultureInfo.CurrentCulture)} {Month(basis)}   ({Date(basis.From)} – {Date(basis.To)})");
        Line(new string('=', InvoiceFormat.Width));
        Line(CliText.ProviderBasis_Explained);
        if (basis.Providers.Count == 0)
        {
            Line("");
            Line(CliText.ProviderBasis_None);
        }

        foreach (ProviderBasisProvider p in basis.Providers)
        {
            Line("");
            Line(p.OrganisationNumber.Length > 0 ? $"{ProviderName(p)}  ({p.OrganisationNumber})" : ProviderName(p));
            Line($"  {CliText.Invoice_Col_Client,-24} {CliText.Invoice_Col_ClientNumber,-13} {CliText.ProviderBasis_Col_SignedShort,8} {CliText.ProviderBasis_Col_UnsignedShort,8} {CliText.ProviderBasis_Col_DaysShort,5}");
            foreach (ProviderBasisClient c in p.Clients)
            {
                string name = c.Name.Length > 24 ? c.Name[..23] + "…" : c.Name;
                Line($"  {name,-24} {InvoiceFormat.Number(c.PersonalNumber),-13} {InvoiceFormat.Clock(c.SignedMinutes),8} {InvoiceFormat.Clock(c.UnsignedMinutes),8} {c.PlacementDays,5}");
                Line($"    {string.Format(CultureInfo.CurrentCulture, CliText.ProviderBasis_Cases, string.Join(", ", c.CaseNumbers), c.Reports)}");
            }

            Line($"  {CliText.ProviderBasis_ProviderTotal,-38} {InvoiceFormat.Clock(p.SignedMinutes),8} {InvoiceFormat.Clock(p.UnsignedMinutes),8} {p.PlacementDays,5}");
        }

        Line("");
        Line(new string('-', InvoiceFormat.Width));
        Line(string.Format(CultureInfo.CurrentCulture, CliText.ProviderBasis_TextTotal, InvoiceFormat.Clock(basis.SignedMinutes), InvoiceFormat.Hours(basis.SignedMinutes), InvoiceFormat.Clock(basis.UnsignedMinutes), basis.PlacementDays));
        return sb.ToString();
    }

    public static string Json(ProviderBasis basis) => System.Text.Json.JsonSerializer.Serialize(
        new ProviderBasisOutput(
            Month(basis),
            Date(basis.From),
            Date(basis.To),
            [.. basis.Providers.Select(p => new ProviderBasisProviderOutput(
                p.ProviderId,
                p.Name,
                p.OrganisationNumber,
                [.. p.Clients.Select(c => new ProviderBasisClientOutput(c.Name, InvoiceFormat.Number(c.PersonalNumber), c.CaseNumbers, c.Reports, c.SignedMinutes, c.UnsignedMinutes, c.PlacementDays))],
                p.SignedMinutes,
                p.UnsignedMinutes,
                p.PlacementDays))],
            basis.SignedMinutes,
            basis.UnsignedMinutes,
            basis.PlacementDays),
        CliJsonContext.Default.ProviderBasisOutput) + "\n";

    private static string ProviderName(ProviderBasisProvider p) => p.ProviderId is null ? CliText.ProviderBasis_NoProvider : p.Name;

    private static string Month(ProviderBasis basis) => basis.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => IsoDate.Format(d);
}

/// <summary>`jour export provider-basis --format json`: snake_case, minutes as whole numbers, dates YYYY-MM-DD.</summary>
internal sealed record ProviderBasisOutput(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("period_from")] string PeriodFrom,
    [property: JsonPropertyName("period_to")] string PeriodTo,
    [property: JsonPropertyName("providers")] IReadOnlyList<ProviderBasisProviderOutput> Providers,
    [property: JsonPropertyName("signed_minutes")] long SignedMinutes,
    [property: JsonPropertyName("unsigned_minutes")] long UnsignedMinutes,
    [property: JsonPropertyName("placement_days")] int PlacementDays);

/// <summary>One provider in <see cref="ProviderBasisOutput"/>; <c>provider_id</c> null for cases with no provider recorded.</summary>
internal sealed record ProviderBasisProviderOutput(
    [property: JsonPropertyName("provider_id")] long? ProviderId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("organisation_number")] string OrganisationNumber,
    [property: JsonPropertyName("clients")] IReadOnlyList<ProviderBasisClientOutput> Clients,
    [property: JsonPropertyName("signed_minutes")] long SignedMinutes,
    [property: JsonPropertyName("unsigned_minutes")] long UnsignedMinutes,
    [property: JsonPropertyName("placement_days")] int PlacementDays);

/// <summary>One client of a provider in <see cref="ProviderBasisOutput"/>.</summary>
internal sealed record ProviderBasisClientOutput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("personal_number")] string PersonalNumber,
    [property: JsonPropertyName("cases")] IReadOnlyList<string> Cases,
    [property: JsonPropertyName("time_reports")] int TimeReports,
    [property: JsonPropertyName("signed_minutes")] long SignedMinutes,
    [property: JsonPropertyName("unsigned_minutes")] long UnsignedMinutes,
    [property: JsonPropertyName("placement_days")] int PlacementDays);
