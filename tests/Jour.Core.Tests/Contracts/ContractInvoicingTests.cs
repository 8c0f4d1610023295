using Jour.Core.Contracts;
using static Jour.Core.Tests.Contracts.ContractMoneyTests;

namespace Jour.Core.Tests.Contracts;

/// <summary>
/// A month's amount from the contracts in force (issue 19, the invoicing basis with amounts): days prorated,
/// the unused share billed, deductions counted per full year as <see cref="ContractMoney.NetAnnual"/> counts
/// them, whole kronor with the rounding carried within the calendar year.
/// </summary>
public sealed class ContractInvoicingTests
{
    /// <summary>Seed 000's terms for the whole of 2021: 1 787 000 kr a year, 65 % utilisation, 343 600 kr deducted.</summary>
    private static Contract Seed000Terms(string from, string to) => new()
    {
        Id = 10,
        From = from,
        To = to,
        AnnualKr = 1_787_000m,
        UtilisationPercent = 65m,
        Deductions = [new ContractDeduction { AmountKr = 343_600m, From = "2020-03-16", To = "2020-06-05", Reason = "Oanvända medel för fritidsverksamheterna" }],
    };

    /// <summary>Seed 002's 1 814 000 kr a year at the 2021 price level, at seed 000's 65 % utilisation.</summary>
    private static Contract Seed002Terms(string from, string to) => new() { Id = 11, From = from, To = to, AnnualKr = 1_814_000m, PriceLevel = 2021, UtilisationPercent = 65m };

    private static decimal Month(IReadOnlyList<Contract> contracts, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return ContractMoney.Invoiced(contracts, first, first.AddMonths(1).AddDays(-1));
    }

    [Fact]
    public void TwelveMonths_AtSeed000Terms_AddUpToItsYearlyTotal_281850_WhichMonthByMonthRoundingWouldMissByAKrona()
    {
        Contract[] year = [Seed000Terms("2021-01-01", "2021-12-31")];
        decimal[] months = [.. Enumerable.Range(1, 12).Select(m => Month(year, 2021, m))];

        // 281 850 / 365 a day: a 31-day month is 23 937,95, a 30-day month 23 165,75, February 21 621,37.
        Assert.Equal([23_938m, 21_621m, 23_938m, 23_166m, 23_938m, 23_166m, 23_938m, 23_938m, 23_165m, 23_938m, 23_166m, 23_938m], months);
        Assert.Equal(281_850m, months.Sum());
        Assert.Equal(281_850m, ContractMoney.Net(year, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));

        // Each month rounded on its own would invoice 281 851 kr: September carries the rounding instead.
        decimal alone = Enumerable.Range(1, 12).Sum(m => ContractMoney.Kronor(ContractMoney.Net(year, new DateOnly(2021, m, 1), new DateOnly(2021, m, 1).AddMonths(1).AddDays(-1))));
        Assert.Equal(281_851m, alone);
    }

    [Fact]
    public void AQuartersMonths_AddUpToTheQuarter_WhenTheContractChangesMidMonth()
    {
        // Seed 000's terms until 14 February 2021, seed 002's annual amount from the 15th.
        Contract[] contracts = [Seed000Terms("2021-01-01", "2021-02-14"), Seed002Terms("2021-02-15", "2021-12-31")];

        decimal january = Month(contracts, 2021, 1);   // 31 × 281 850 / 365 = 23 937,95
        decimal february = Month(contracts, 2021, 2);  // 14 × 281 850 / 365 + 14 × 634 900 / 365 = 10 810,68 + 24 352,33 = 35 163,01
        decimal march = Month(contracts, 2021, 3);     // 31 × 1 814 000 × 35 % / 365 = 53 923,01
        decimal quarter = ContractMoney.Invoiced(contracts, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31));

        Assert.Equal((23_938m, 35_163m, 53_923m), (january, february, march));
        Assert.Equal(113_024m, quarter); // 113 023,97
        Assert.Equal(quarter, january + february + march);
        Assert.Equal(ContractMoney.Kronor(ContractMoney.Net(contracts, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31))), quarter);
    }

    [Fact]
    public void Seed000_StartsOn11May2020_SoMayIsProrated_AndTheQuarterIsTheSumOfItsMonths()
    {
        // 2020 is a leap year: 281 850 / 366 = 770,08 kr a day. April has no contract.
        Contract[] contracts = [Seed000()];
        decimal april = Month(contracts, 2020, 4);
        decimal may = Month(contracts, 2020, 5);   // 21 days: 16 171,72
        decimal june = Month(contracts, 2020, 6);  // 51 days to date 39 274,18 → 39 274, less May's 16 172
        decimal quarter = ContractMoney.Invoiced(contracts, new DateOnly(2020, 4, 1), new DateOnly(2020, 6, 30));

        Assert.Equal((0m, 16_172m, 23_102m), (april, may, june));
        Assert.Equal(39_274m, quarter);
        Assert.Equal(quarter, april + may + june);

        // The whole contract, 235 days of 281 850 kr per full year: 180 969,26 → 180 969 kr.
        decimal contract = Enumerable.Range(5, 8).Sum(m => Month(contracts, 2020, m));
        Assert.Equal(180_969m, contract);
    }

    [Fact]
    public void ALumpSum_BillsItsUnusedShare_DayByDay_AndAYearsMonthsAddUpToIt()
    {
        // Seed 001: 760 000 kr for 2022 as one sum; at no expected utilisation all of it is billed.
        Contract[] contracts = [Seed001()];
        decimal year = Enumerable.Range(1, 12).Sum(m => Month(contracts, 2022, m));
        Assert.Equal(760_000m, year);
        Assert.Equal(64_548m, Month(contracts, 2022, 1)); // 760 000 × 31 / 365 = 64 547,95
    }

    [Fact]
    public void DeductionsBeyondTheUnusedShare_GiveACredit()
    {
        var c = new Contract
        {
            From = "2026-01-01",
            To = "2026-12-31",
            AnnualKr = 100_000m,
            UtilisationPercent = 90m,
            Deductions = [new ContractDeduction { AmountKr = 36_500m, From = "2026-01-01", To = "2026-12-31", Reason = "x" }],
        };

        // 10 000 − 36 500 = −26 500 a year: −72,60 a day, −2 250,68 for January.
        Assert.Equal(-2_251m, Month([c], 2026, 1));
    }
}
