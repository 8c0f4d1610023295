using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.Staff;

namespace Jour.Core.FollowUp;

/// <summary>
/// The monthly invoicing basis (seed 000, "Fakturering"): every time report that started in the month,
/// signed ones per client with both persons' full personnummer, unsigned ones apart. A report that runs
/// past midnight into the next month belongs wholly to the month it started in, as it was signed: a
/// signed paper is never split over two invoices, and the statistics use the same rule so the months'
/// invoices add up to the quarter's hours. The month's amount is what the contracts in force on its days bill
/// (<see cref="ContractMoney.Net"/>), in whole kronor with the rounding carried within the year
/// (<see cref="ContractMoney.Invoiced"/>); the due date is the invoice date plus the payment term.
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
        IReadOnlyList<Contract> contracts,
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
            period.To,
            invoiceDate.AddDays(settings.PaymentTermDays));
        var amounts = Amounts(period, contracts);
        decimal total = ContractMoney.Invoiced(contracts, period.From, period.To);
        return new InvoiceBasis(
            header,
            perClient,
            unsigned,
            signed.Count,
            signed.Sum(l => (long)l.Minutes),
            unsigned.Count,
            unsigned.Sum(l => (long)l.Minutes),
            amounts,
            total,
            total - amounts.Sum(a => a.NetKr));
    }

    /// <summary>One line per contract in force on some day of the period, the earliest first.</summary>
    public static List<InvoiceAmountLine> Amounts(ReportPeriod period, IReadOnlyList<Contract> contracts)
    {
        var lines = new List<InvoiceAmountLine>();
        foreach (Contract c in contracts.OrderBy(c => c.FromDate))
        {
            DateOnly from = c.FromDate > period.From ? c.FromDate : period.From;
            DateOnly to = c.ToDate is { } end && end < period.To ? end : period.To;
            if (to < from)
            {
                continue;
            }

            decimal compensation = ContractMoney.Over([c], from, to).Compensation;
            decimal unused = compensation * (100m - c.UtilisationPercent) / 100m;
            decimal net = ContractMoney.Net([c], from, to);
            lines.Add(new InvoiceAmountLine(
                c.Id,
                from,
                to,
                to.DayNumber - from.DayNumber + 1,
                ContractMoney.Kronor(ContractMoney.AnnualEquivalent(c)),
                c.UtilisationPercent,
                ContractMoney.Ore(compensation),
                ContractMoney.Ore(unused),
                ContractMoney.Ore(unused - net),
                ContractMoney.Ore(net)));
        }

        return lines;
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
