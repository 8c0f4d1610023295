using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using static Jour.Core.Tests.FollowUp.InvoiceBasisBuilderTests;

namespace Jour.Core.Tests.Contracts;

/// <summary>The contracts' money against the seeds' own figures.</summary>
public sealed class ContractMoneyTests
{
    /// <summary>Seed 000 (verksamhetsuppdrag 2020-05-11–2020-12-31), "3 Ersättning".</summary>
    internal static Contract Seed000() => new()
    {
        Id = 1,
        From = "2020-05-11",
        To = "2020-12-31",
        AnnualKr = 1_787_000m,
        UtilisationPercent = 65m,
        MonthsPerExtension = 2,
        NoticeWeeks = 2,
        Deductions = [new ContractDeduction { AmountKr = 343_600m, From = "2020-03-16", To = "2020-06-05", Reason = "Oanvända medel för fritidsverksamheterna" }],
    };

    /// <summary>Seed 002: 1 814 000 kr per year at the 2021 price level.</summary>
    internal static Contract Seed002() => new() { Id = 2, From = "2021-01-01", To = "2021-12-31", AnnualKr = 1_814_000m, PriceLevel = 2021 };

    /// <summary>Seed 001: 760 000 kr paid for 2022 as one sum.</summary>
    internal static Contract Seed001() => new() { Id = 3, From = "2022-01-01", To = "2022-12-31", LumpSumKr = 760_000m };

    [Fact]
    public void NetAnnual_Seed000_Is281850Kronor_AsTheSeedComputesIt()
    {
        // "maximalt 1 787 000 kr per helår", "Nyttjandegraden … 65 procent", "För tiden mellan den 16/3 och 5/6
        // beräknas den summan till 343 600 kr", "Totalsumman … vid nyttjandegrad 65 procent blir då … 281 850 kr per helår":
        // 1 787 000 × 35 % = 625 450; 625 450 − 343 600 = 281 850.
        Assert.Equal(281_850m, ContractMoney.NetAnnual(Seed000()));
        Assert.Equal(1_787_000m, ContractMoney.AnnualEquivalent(Seed000()));
    }

    [Fact]
    public void CostPerUsedHour_Seed002_90HoursAt1814000_Is20156Kronor()
    {
        // "Hittills i år har totalt cirka 90 timmar utförts", "1 814 000 kronor per år i 2021 års nivå",
        // "I förhållande till nyttjandegraden är kostnaden mycket hög": 1 814 000 / 90 = 20 155,56 → 20 156 kr.
        Assert.Equal(20_156m, ContractMoney.CostPerUsedHour(1_814_000m, 90 * 60));

        // The same through the year's statistics: nine ten-hour reports in 2021, counted after the year.
        var reports = Enumerable.Range(0, 9)
            .Select(i => new ReportFact(i + 1, 1, Local(2021, 2 + i, 10, 8), 600, IsSigned: true))
            .ToList();
        var year = new ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31));
        StatisticsReport s = StatisticsCalculator.Compute(year, new DateOnly(2022, 3, 1), [Seed002()], [], new Dictionary<long, Clients.Client>(), reports);

        Assert.Equal(90 * 60, s.MinutesDeployed);
        Assert.Equal(1_814_000m, s.Compensation);
        Assert.Equal(20_156m, s.CostPerHour);
    }

    [Fact]
    public void LumpSum_Seed001_IsSpreadOverItsDays_AndTheQuartersAddUpToTheSum()
    {
        Contract c = Seed001();
        Assert.Equal(760_000m, ContractMoney.AnnualEquivalent(c));

        ContractFigures q1 = ContractMoney.Over([c], new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 31));
        Assert.Equal(90, q1.Days);
        Assert.Equal(187_397m, ContractMoney.Kronor(q1.Compensation)); // 760 000 × 90 / 365 = 187 397,26

        decimal quarters = new[] { (1, 3), (4, 6), (7, 9), (10, 12) }
            .Sum(q => ContractMoney.Over([c], new DateOnly(2022, q.Item1, 1), new DateOnly(2022, q.Item2, 1).AddMonths(1).AddDays(-1)).Compensation);
        Assert.Equal(760_000m, Math.Round(quarters, 2));

        // A sum for five months (151 days) is, per full year, the sum times 365/151.
        var fiveMonths = new Contract { From = "2022-01-01", To = "2022-05-31", LumpSumKr = 100_000m };
        Assert.Equal(241_722m, ContractMoney.Kronor(ContractMoney.AnnualEquivalent(fiveMonths)));
    }

    [Fact]
    public void EachDay_CountsWithTheContractInForce_SoALaterContractDoesNotRewriteTheYearBefore()
    {
        Contract c2020 = Seed000();
        var december = (new DateOnly(2020, 12, 1), new DateOnly(2020, 12, 31));
        decimal before = ContractMoney.Over([c2020], december.Item1, december.Item2).Compensation;

        ContractFigures after = ContractMoney.Over([c2020, Seed002()], december.Item1, december.Item2);
        Assert.Equal(before, after.Compensation);

        // December 2020 at 1 787 000 / 366 a day (a leap year) and January 2021 at 1 814 000 / 365.
        ContractFigures both = ContractMoney.Over([c2020, Seed002()], new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 31));
        Assert.Equal(62, both.Days);
        Assert.Equal(305_424m, ContractMoney.Kronor(both.Compensation)); // 151 357,92 + 154 065,75
        Assert.Equal(32.5m, both.ExpectedUtilisationPercent); // 65 % for 31 days, 0 % for 31
        Assert.Same(c2020, ContractMoney.InForce([c2020, Seed002()], new DateOnly(2020, 12, 31)));
        Assert.Null(ContractMoney.InForce([c2020, Seed002()], new DateOnly(2020, 5, 10)));
    }

    [Fact]
    public void AFullYear_IsTheAnnualAmount_InALeapYearToo_AndDaysWithoutAContractCountNothing()
    {
        var leap = new Contract { From = "2024-01-01", To = "2024-12-31", AnnualKr = 1_814_000m, CapacityHoursPerYear = 3_500m };
        ContractFigures year = ContractMoney.Over([leap], new DateOnly(2023, 7, 1), new DateOnly(2025, 6, 30));
        Assert.Equal(366, year.Days);
        Assert.Equal(1_814_000m, year.Compensation);
        Assert.Equal(3_500m, year.CapacityHours);
    }

    [Theory]
    [InlineData("0.5", "1")]
    [InlineData("1.49", "1")]
    [InlineData("2.5", "3")]
    [InlineData("-0.5", "-1")]
    [InlineData("281849.5", "281850")]
    public void Kronor_RoundsToWholeKronor_HalvesAwayFromZero(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ContractMoney.Kronor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void APeriod_IsRoundedOnce_NotDayByDay()
    {
        // 1 000 kr a year: a day is 2,74 kr. Three days are 8,22 → 8 kr; rounded day by day they would be 9.
        var c = new Contract { From = "2026-01-01", To = "2026-12-31", AnnualKr = 1_000m };
        Assert.Equal(8m, ContractMoney.Kronor(ContractMoney.Over([c], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3)).Compensation));
    }

    [Theory]
    [InlineData("2020-12-31", 2, "2021-02-28")]
    [InlineData("2021-02-28", 2, "2021-04-30")]
    [InlineData("2021-05-15", 2, "2021-07-15")]
    [InlineData("2022-05-31", 7, "2022-12-31")]
    public void Extension_ByMonths_KeepsAnEndOfMonthAtTheEndOfTheMonth(string end, int months, string expected) =>
        Assert.Equal(Contract.ParseDate(expected), ContractRules.AddMonthsKeepingMonthEnd(Contract.ParseDate(end)!.Value, months));
}
