namespace Jour.Core.Contracts;

/// <summary>
/// The money of the contracts, day by day. Sums are kept exact (decimal) and rounded once, to the figure
/// shown: <see cref="Kronor"/> rounds to whole kronor with halves away from zero (0,50 kr up, −0,50 kr
/// down), as Swedish invoices round their total; a part of a sum is never rounded before it is added.
/// </summary>
public static class ContractMoney
{
    /// <summary>Whole kronor, halves away from zero.</summary>
    public static decimal Kronor(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The compensation for a full year: the annual amount, or a lump sum scaled from its period to the year
    /// that begins on the period's first day (a lump sum for one calendar year is its own annual figure).
    /// </summary>
    public static decimal AnnualEquivalent(Contract contract)
    {
        if (contract.AnnualKr is { } annual)
        {
            return annual;
        }

        if (contract.LumpSumKr is { } sum && contract.ToDate is { } to)
        {
            DateOnly from = contract.FromDate;
            int yearDays = from.AddYears(1).DayNumber - from.DayNumber;
            int periodDays = to.DayNumber - from.DayNumber + 1;
            return sum * yearDays / periodDays;
        }

        return 0m;
    }

    /// <summary>
    /// The contract's total per full year at its expected utilisation, the way seed 000 computes its own:
    /// only the paid time that cannot be used is billed, so the compensation times the unused share, less
    /// every deduction in full. Seed 000: 1 787 000 × (100 − 65) % − 343 600 = 281 850 kr. Not rounded.
    /// </summary>
    public static decimal NetAnnual(Contract contract) =>
        (AnnualEquivalent(contract) * (100m - contract.UtilisationPercent) / 100m) - contract.Deductions.Sum(d => d.AmountKr);

    /// <summary>The contract in force on <paramref name="day"/>, or null (contracts never overlap).</summary>
    public static Contract? InForce(IEnumerable<Contract> contracts, DateOnly day) => contracts.FirstOrDefault(c => c.Covers(day));

    /// <summary>
    /// The compensation, the paid hours and the expected utilisation of the days <paramref name="from"/> to
    /// <paramref name="to"/> (both inclusive), each day counted with the contract in force that day: an
    /// annual amount gives each day its share of that calendar year (1/365 or 1/366), a lump sum each day of
    /// its period an equal share. Days without a contract count nothing. Exact; rounding is the caller's.
    /// </summary>
    public static ContractFigures Over(IEnumerable<Contract> contracts, DateOnly from, DateOnly to)
    {
        int days = 0;
        decimal compensation = 0m, capacity = 0m, utilisationDays = 0m;
        foreach (Contract c in contracts)
        {
            DateOnly start = c.FromDate > from ? c.FromDate : from;
            DateOnly end = c.ToDate is { } cEnd && cEnd < to ? cEnd : to;
            if (end < start)
            {
                continue;
            }

            int covered = end.DayNumber - start.DayNumber + 1;
            days += covered;
            utilisationDays += c.UtilisationPercent * covered;
            if (c.LumpSumKr is { } sum && c.ToDate is { } last)
            {
                compensation += sum * covered / (last.DayNumber - c.FromDate.DayNumber + 1);
            }

            // Year by year: a day's share of an annual figure is a share of its own calendar year.
            for (DateOnly segment = start; segment <= end; segment = new DateOnly(segment.Year + 1, 1, 1))
            {
                var yearEnd = new DateOnly(segment.Year, 12, 31);
                DateOnly segmentEnd = yearEnd < end ? yearEnd : end;
                int segmentDays = segmentEnd.DayNumber - segment.DayNumber + 1;
                int yearDays = DateTime.IsLeapYear(segment.Year) ? 366 : 365;
                if (c.AnnualKr is { } annual)
                {
                    compensation += annual * segmentDays / yearDays;
                }

                capacity += c.CapacityHoursPerYear * segmentDays / yearDays;
                if (segmentEnd == DateOnly.MaxValue)
                {
                    break;
                }
            }
        }

        return new ContractFigures(days, compensation, capacity, days > 0 ? utilisationDays / days : 0m);
    }

    /// <summary>
    /// What the days <paramref name="from"/> to <paramref name="to"/> are billed, exact, each day counted with
    /// the contract in force that day the way <see cref="NetAnnual"/> counts a full year: the day's compensation
    /// (<see cref="Over"/>) times the unused share (100 % less the expected utilisation), less the day's share
    /// of the contract's deductions, which are counted per full year like an annual amount (1/365 of them a
    /// day, 1/366 in a leap year). A full calendar year at seed 000's terms is its 281 850 kr. Days without a
    /// contract bill nothing. May be negative when the deductions exceed the unused compensation.
    /// </summary>
    public static decimal Net(IEnumerable<Contract> contracts, DateOnly from, DateOnly to)
    {
        decimal net = 0m;
        foreach (Contract c in contracts)
        {
            DateOnly start = c.FromDate > from ? c.FromDate : from;
            DateOnly end = c.ToDate is { } cEnd && cEnd < to ? cEnd : to;
            if (end < start)
            {
                continue;
            }

            net += Over([c], start, end).Compensation * (100m - c.UtilisationPercent) / 100m;
        }

        return net - Deductions(contracts, from, to);
    }

    /// <summary>
    /// The share of the contracts' deductions that falls on the days <paramref name="from"/> to
    /// <paramref name="to"/>, counted per full year as <see cref="Net"/> counts them (1/365 a day, 1/366 in a
    /// leap year), each day with the contract in force. Exact.
    /// </summary>
    public static decimal Deductions(IEnumerable<Contract> contracts, DateOnly from, DateOnly to)
    {
        decimal deductions = 0m;
        foreach (Contract c in contracts)
        {
            DateOnly start = c.FromDate > from ? c.FromDate : from;
            DateOnly end = c.ToDate is { } cEnd && cEnd < to ? cEnd : to;
            if (end >= start)
            {
                deductions += c.Deductions.Sum(d => d.AmountKr) * YearShare(start, end);
            }
        }

        return deductions;
    }

    /// <summary>
    /// What the days <paramref name="from"/> to <paramref name="to"/> are invoiced, in whole kronor, with the
    /// rounding carried within each calendar year: the amount is the year's <see cref="Net"/> up to
    /// <paramref name="to"/> rounded once (<see cref="Kronor"/>) less the year's net up to the day before
    /// <paramref name="from"/> rounded the same way. So the months of a quarter add up to the quarter's amount
    /// and the twelve months to the year's, to the krona, and no amount is a krona or more from its exact value.
    /// </summary>
    public static decimal Invoiced(IReadOnlyList<Contract> contracts, DateOnly from, DateOnly to)
    {
        decimal total = 0m;
        for (DateOnly start = from; start <= to; start = new DateOnly(start.Year + 1, 1, 1))
        {
            var newYear = new DateOnly(start.Year, 1, 1);
            var yearEnd = new DateOnly(start.Year, 12, 31);
            DateOnly end = yearEnd < to ? yearEnd : to;
            decimal before = start > newYear ? Kronor(Net(contracts, newYear, start.AddDays(-1))) : 0m;
            total += Kronor(Net(contracts, newYear, end)) - before;
            if (end.Year == DateOnly.MaxValue.Year)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Öre: two decimals, halves away from zero, for the parts an invoice shows beside its rounded total.</summary>
    public static decimal Ore(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Cost per used hour in the assignment: the compensation in force over the hours worked in it (seed
    /// 002: 1 814 000 kr for about 90 hours). Whole kronor; null when no hour was worked.
    /// </summary>
    public static decimal? CostPerUsedHour(decimal compensation, long minutes) =>
        minutes > 0 ? Kronor(compensation * 60m / minutes) : null;

    /// <summary>The days <paramref name="from"/>–<paramref name="to"/> as a share of a year: each day 1/365, or 1/366 in a leap year.</summary>
    private static decimal YearShare(DateOnly from, DateOnly to)
    {
        decimal share = 0m;
        for (DateOnly segment = from; segment <= to; segment = new DateOnly(segment.Year + 1, 1, 1))
        {
            var yearEnd = new DateOnly(segment.Year, 12, 31);
            DateOnly segmentEnd = yearEnd < to ? yearEnd : to;
            share += (decimal)(segmentEnd.DayNumber - segment.DayNumber + 1) / (DateTime.IsLeapYear(segment.Year) ? 366 : 365);
            if (segmentEnd.Year == DateOnly.MaxValue.Year)
            {
                break;
            }
        }

        return share;
    }
}
