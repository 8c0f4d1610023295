using System.Globalization;
using Jour.Core.Common;

namespace Jour.Core.Contracts;

/// <summary>What a contract must be before it is stored: one way of compensation, sane figures, no shared days.</summary>
public static class ContractRules
{
    public const decimal MaxAmountKr = 1_000_000_000m;

    /// <summary>A leap year's hours.</summary>
    public const decimal MaxCapacityHours = 8_784m;

    private static readonly DateOnly s_first = new(2000, 1, 1);
    private static readonly DateOnly s_last = new(2100, 12, 31);

    /// <summary>The contract a request describes, or the refusal naming what is wrong.</summary>
    public static Contract Validate(AddContract r)
    {
        CheckDay(r.From);
        if (r.To is { } to)
        {
            CheckDay(to);
            if (to < r.From)
            {
                throw new JourException(ErrorCodes.ContractEndBeforeStart);
            }
        }

        if (r.AnnualKr is null == r.LumpSumKr is null)
        {
            throw new JourException(ErrorCodes.ContractCompensationRequired);
        }

        CheckAmount(r.AnnualKr, "annual");
        CheckAmount(r.LumpSumKr, "lump-sum");
        if (r.LumpSumKr is not null && r.To is null)
        {
            throw new JourException(ErrorCodes.ContractLumpSumNeedsEnd);
        }

        if (r.PriceLevel is { } year && (r.AnnualKr is null || year < s_first.Year || year > s_last.Year))
        {
            throw new JourException(ErrorCodes.ContractPriceLevelInvalid);
        }

        if (r.UtilisationPercent is < 0 or > 100)
        {
            throw new JourException(ErrorCodes.ContractUtilisationInvalid);
        }

        if (r.CapacityHoursPerYear is < 0 or > MaxCapacityHours)
        {
            throw new JourException(ErrorCodes.ContractCapacityInvalid);
        }

        if (r.MonthsPerExtension is < 1 or > 60 || r.NoticeWeeks is < 0 or > 52)
        {
            throw new JourException(ErrorCodes.ContractExtensionRulesInvalid);
        }

        var deductions = r.Deductions ?? [];
        TextLimits.CheckCount(deductions.Count);
        foreach (DeductionData d in deductions)
        {
            TextLimits.Reason.Check(d.Reason);
            if (d.AmountKr is <= 0 or > MaxAmountKr || d.To < d.From || d.Reason.Trim().Length == 0)
            {
                throw new JourException(ErrorCodes.ContractDeductionInvalid, Money(d.AmountKr), Day(d.From), Day(d.To));
            }

            CheckDay(d.From);
            CheckDay(d.To);
        }

        return new Contract
        {
            From = Contract.FormatDate(r.From),
            To = Contract.FormatDate(r.To),
            AnnualKr = r.AnnualKr,
            PriceLevel = r.PriceLevel,
            LumpSumKr = r.LumpSumKr,
            UtilisationPercent = r.UtilisationPercent,
            CapacityHoursPerYear = r.CapacityHoursPerYear,
            MonthsPerExtension = r.MonthsPerExtension,
            NoticeWeeks = r.NoticeWeeks,
            Deductions =
            [
                .. deductions.Select(d => new ContractDeduction
                {
                    AmountKr = d.AmountKr,
                    From = Contract.FormatDate(d.From),
                    To = Contract.FormatDate(d.To),
                    Reason = d.Reason.Trim(),
                }),
            ],
        };
    }

    /// <summary>
    /// The end an extension gives <paramref name="contract"/>: the date asked for, until further notice
    /// (null), or its own months per extension from its end (an end of month stays an end of month).
    /// </summary>
    public static DateOnly? ExtendedEnd(Contract contract, ExtendContract r)
    {
        DateOnly? end;
        if (r.UntilFurtherNotice)
        {
            end = null;
        }
        else if (r.To is { } to)
        {
            CheckDay(to);
            end = to;
        }
        else if (contract.ToDate is { } current && contract.MonthsPerExtension is { } months)
        {
            end = AddMonthsKeepingMonthEnd(current, months);
        }
        else
        {
            throw new JourException(ErrorCodes.ContractExtensionNoRule);
        }

        if (end is { } newEnd)
        {
            if (contract.ToDate is { } old && newEnd < old)
            {
                throw new JourException(ErrorCodes.ContractExtensionShortens, Day(newEnd), Day(old));
            }

            if (newEnd < contract.FromDate)
            {
                throw new JourException(ErrorCodes.ContractEndBeforeStart);
            }
        }
        else if (contract.LumpSumKr is not null)
        {
            throw new JourException(ErrorCodes.ContractLumpSumNeedsEnd);
        }

        return end;
    }

    /// <summary>Refuses the days <paramref name="from"/>–<paramref name="to"/> when another contract has any of them.</summary>
    public static void CheckNoOverlap(IEnumerable<Contract> contracts, DateOnly from, DateOnly? to, long exceptId = 0)
    {
        if (contracts.FirstOrDefault(c => c.Id != exceptId && c.Overlaps(from, to)) is { } other)
        {
            throw new JourException(ErrorCodes.ContractOverlaps, Day(from), Day(to), Day(other.FromDate), Day(other.ToDate));
        }
    }

    public static DateOnly AddMonthsKeepingMonthEnd(DateOnly day, int months)
    {
        DateOnly moved = day.AddMonths(months);
        bool monthEnd = day.AddDays(1).Month != day.Month;
        return monthEnd ? new DateOnly(moved.Year, moved.Month, DateTime.DaysInMonth(moved.Year, moved.Month)) : moved;
    }

    /// <summary>A date as the messages show it; an open end as "tills vidare".</summary>
    public static string Day(DateOnly? day) => day is { } d ? Contract.FormatDate(d) : Messages.Get("Contract_UntilFurtherNotice");

    private static string Money(decimal kr) => kr.ToString("#,0.##", SwedishCulture.Instance);

    private static void CheckDay(DateOnly day)
    {
        if (day < s_first || day > s_last)
        {
            throw new JourException(ErrorCodes.ContractDateOutOfRange, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void CheckAmount(decimal? amount, string field)
    {
        if (amount is { } kr && (kr <= 0 || kr > MaxAmountKr))
        {
            throw new JourException(ErrorCodes.ContractAmountInvalid, field);
        }
    }
}
