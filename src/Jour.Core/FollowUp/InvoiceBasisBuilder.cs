using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Staff;

namespace Jour.Core.FollowUp;

/// <summary>
/// The monthly invoicing basis (seed 000, "Fakturering"): every time report that started in the month,
/// signed ones per client with both persons' full personnummer, unsigned ones apart. A report that runs
/// past midnight into the next month belongs wholly to the month it started in, as it was signed: a
/// signed paper is never split over two invoices, and the statistics use the same rule so the months'
/// invoices add up to the quarter's hours.
/// </summary>
public static class InvoiceBasisBuilder
{
    /// <summary>Worked time in whole minutes: elapsed time between the instants (DST nights count what they last) less breaks.</summary>
    public static int WorkedMinutes(TimeReport report) => WorkedMinutes(report.StartUtc, report.EndUtc, report.BreakMinutes);

    public static int WorkedMinutes(DateTime startUtc, DateTime endUtc, int breakMinutes) =>
        (int)Math.Round((endUtc - startUtc - TimeSpan.FromMinutes(breakMinutes)).TotalMinutes, MidpointRounding.AwayFromZero);

    public static InvoiceBasis Build(
        ReportPeriod period,
        DateOnly invoiceDate,
        FollowUpSettings settings,
        IEnumerable<TimeReportLine> timeReported,
        IReadOnlyDictionary<long, Client> clients,
        IReadOnlyDictionary<long, StandbyAssistant> staff)
    {
        DateTime fromUtc = period.FromUtc;
        DateTime toUtc = period.ToUtc;
        var lines = timeReported
            .Where(r => r.StartUtc >= fromUtc && r.StartUtc < toUtc)
            .OrderBy(r => r.StartUtc)
            .ThenBy(r => r.DeploymentId)
            .Select(r => Line(r, clients, staff))
            .ToList();

        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        var signed = lines.Where(l => l.IsSigned).ToList();
        var perClient = signed
            .GroupBy(l => (l.ClientName, l.ClientNumber))
            .OrderBy(g => g.Key.ClientName, compare)
            .ThenBy(g => g.Key.ClientNumber, StringComparer.Ordinal)
            .Select(g => new InvoiceClient(g.Key.ClientName, g.Key.ClientNumber, [.. g], g.Sum(l => (long)l.Minutes)))
            .ToList();
        var unsigned = lines.Where(l => !l.IsSigned).ToList();
        var header = new InvoiceHeader(
            settings.SupplierName,
            settings.OrganisationNumber,
            settings.VatNumber,
            settings.FTax,
            settings.CustomerName,
            settings.CustomerReference,
            settings.InvoiceAddress,
            invoiceDate,
            period.From,
            period.To);
        return new InvoiceBasis(
            header,
            perClient,
            unsigned,
            signed.Count,
            signed.Sum(l => (long)l.Minutes),
            unsigned.Count,
            unsigned.Sum(l => (long)l.Minutes));
    }

    private static InvoiceLine Line(TimeReportLine r, IReadOnlyDictionary<long, Client> clients, IReadOnlyDictionary<long, StandbyAssistant> staff)
    {
        Client? client = clients.GetValueOrDefault(r.ClientId);
        // The register's name, not what was typed at signing before signatures were checked against it.
        string assistant = staff.GetValueOrDefault(r.AssistantId)?.Name ?? (r.AssistantSignedName.Length > 0 ? r.AssistantSignedName : "?");
        return new InvoiceLine(
            r.DeploymentId,
            r.CaseNumber.Length > 0 ? r.CaseNumber : "?",
            client?.Name ?? "?",
            client?.PersonalIdentityNumber ?? "",
            ReportPeriod.LocalDate(r.StartUtc),
            SwedishTime.FormatClock(r.StartUtc),
            ReportPeriod.LocalDate(r.EndUtc),
            SwedishTime.FormatClock(r.EndUtc),
            r.BreakMinutes,
            r.Minutes,
            assistant,
            r.AssistantPersonalNumber,
            r.ClientSignedName,
            r.IsSigned);
    }
}
