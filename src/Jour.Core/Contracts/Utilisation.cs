using System.Globalization;

namespace Jour.Core.Contracts;

/// <summary>
/// Utilisation as seed 000 means it: "Leanlink får fakturera den tid som inte kan användas i andra avtal eller i
/// beredskapsuppdraget. Nyttjandegraden för beredskapsuppdraget beräknas till 65 procent." Per month:
/// used share u = min(1, (A + O) ÷ P), where P is the standby staff's paid hours, O the hours of them worked in
/// other contracts and A the signed hours in the assignment; billable hours = P × (1 − u); billable amount =
/// C × (1 − u) − D, where C is the month's compensation from the contract in force each day and D the month's
/// share of its deductions. A period sums its months. No I/O.
/// </summary>
public static class Utilisation
{
    /// <summary>
    /// The figures of the days <paramref name="from"/>–<paramref name="to"/>. A month partly inside them counts
    /// its paid and other hours by its share of days; a month with no paid hours at all is missing, not zero.
    /// </summary>
    /// <param name="contracts">Every contract.</param>
    /// <param name="paidHours">The paid hours of (at least) the months the days touch.</param>
    /// <param name="signedMinutesByDate">Signed minutes in the assignment by the Stockholm date each report starts.</param>
    /// <param name="from">First day counted.</param>
    /// <param name="to">Last day counted (today in a running period); before <paramref name="from"/> counts nothing.</param>
    public static UtilisationFigures Compute(
        IReadOnlyList<Contract> contracts,
        IEnumerable<PaidHours> paidHours,
        IReadOnlyDictionary<DateOnly, long> signedMinutesByDate,
        DateOnly from,
        DateOnly to)
    {
        var byMonth = paidHours.GroupBy(p => p.Month).ToDictionary(g => g.Key, g => (Paid: g.Sum(p => p.Hours), Other: g.Sum(p => p.OtherContractHours)));
        var months = new List<UtilisationMonth>();
        var missing = new List<DateOnly>();
        decimal paid = 0m, other = 0m, assignment = 0m, used = 0m, compensation = 0m, deductions = 0m, billable = 0m, expected = 0m, expectedDays = 0m;
        int days = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            DateOnly start = month > from ? month : from;
            DateOnly monthEnd = month.AddMonths(1).AddDays(-1);
            DateOnly end = monthEnd < to ? monthEnd : to;
            ContractFigures figures = ContractMoney.Over(contracts, start, end);
            expectedDays += figures.ExpectedUtilisationPercent * figures.Days;
            days += figures.Days;
            if (!byMonth.TryGetValue(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), out var reported))
            {
                missing.Add(month);
                continue;
            }

            decimal share = (decimal)(end.DayNumber - start.DayNumber + 1) / (monthEnd.DayNumber - month.DayNumber + 1);
            decimal p = reported.Paid * share;
            decimal o = reported.Other * share;
            long minutes = 0;
            for (DateOnly d = start; d <= end; d = d.AddDays(1))
            {
                minutes += signedMinutesByDate.GetValueOrDefault(d);
            }

            decimal a = minutes / 60m;
            decimal? u = p > 0 ? Math.Min(1m, (a + o) / p) : null;
            decimal unused = 1m - (u ?? 1m);
            decimal c = figures.Compensation;
            decimal ded = ContractMoney.Deductions(contracts, start, end);
            decimal bill = (c * unused) - ded;
            months.Add(new UtilisationMonth(month, start, end, Round2(p), Round2(o), Round2(a), ContractMoney.Ore(c), ContractMoney.Ore(ded), u * 100m, Round2(p * unused), ContractMoney.Ore(bill)));
            paid += p;
            other += o;
            assignment += a;
            used += Math.Min(p, a + o);
            compensation += c;
            deductions += ded;
            billable += bill;
            expected += ContractMoney.Net(contracts, start, end);
        }

        return new UtilisationFigures(
            months,
            missing,
            Round2(paid),
            Round2(other),
            Round2(assignment),
            paid > 0 ? used / paid * 100m : null,
            days > 0 ? expectedDays / days : 0m,
            Round2(paid - used),
            ContractMoney.Kronor(compensation),
            ContractMoney.Kronor(deductions),
            ContractMoney.Kronor(billable),
            ContractMoney.Kronor(expected));
    }

    private static decimal Round2(decimal hours) => Math.Round(hours, 2, MidpointRounding.AwayFromZero);
}
