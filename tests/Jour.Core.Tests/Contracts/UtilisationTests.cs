using Jour.Core.Contracts;

namespace Jour.Core.Tests.Contracts;

/// <summary>Seed 000's utilisation from payroll's paid hours: used share, billable hours and amount.</summary>
public sealed class UtilisationTests
{
    /// <summary>Seed 000's terms over a whole calendar year (2021, 365 days): 1 787 000 kr, 65 %, 343 600 kr deducted.</summary>
    private static Contract Seed000Year()
    {
        Contract contract = ContractMoneyTests.Seed000();
        contract.From = "2021-01-01";
        contract.To = "2021-12-31";
        return contract;
    }

    private static PaidHours Paid(long assistant, string month, decimal hours, decimal other = 0m) =>
        new() { Id = PaidHours.KeyOf(assistant, month), AssistantId = assistant, Month = month, Hours = hours, OtherContractHours = other };

    /// <summary>Signed minutes on the first day of each month of <paramref name="year"/>.</summary>
    private static Dictionary<DateOnly, long> SignedOnFirstDays(int year, long minutes) =>
        Enumerable.Range(1, 12).ToDictionary(m => new DateOnly(year, m, 1), _ => minutes);

    [Fact]
    public void AYearUsedExactlyAsExpected_BillsSeed000sOwn281850Kronor()
    {
        // Two assistants paid 160 h a month; 200 h of the 320 in other contracts and 8 h signed in the assignment: 65 %.
        var paid = Enumerable.Range(1, 12).SelectMany(m => new[] { Paid(1, $"2021-{m:00}", 160m, 100m), Paid(2, $"2021-{m:00}", 160m, 100m) });

        UtilisationFigures u = Utilisation.Compute([Seed000Year()], [.. paid], SignedOnFirstDays(2021, 8 * 60), new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31));

        Assert.Equal(65m, u.UsedPercent);
        Assert.Equal(65m, u.ExpectedPercent);
        Assert.Equal((3_840m, 2_400m, 96m), (u.PaidHours, u.OtherContractHours, u.AssignmentHours));
        Assert.Equal(1_344m, u.BillableHours); // 35 % of 3 840
        Assert.Equal(1_787_000m, u.CompensationKr);
        Assert.Equal(343_600m, u.DeductionsKr);
        Assert.Equal(281_850m, u.BillableKr);
        Assert.Equal(281_850m, u.ExpectedBillableKr);
        Assert.Empty(u.MissingMonths);
        Assert.Equal(12, u.Months.Count);
    }

    [Fact]
    public void LessUseThanExpected_BillsMore_TheUnusedShareOfTheMonthsCompensation()
    {
        // January 2021: 31 days of 1 787 000 kr a year; 100 paid hours, 20 used (10 other + 10 signed): 80 % unused.
        UtilisationFigures u = Utilisation.Compute(
            [Seed000Year()],
            [Paid(1, "2021-01", 100m, 10m)],
            new Dictionary<DateOnly, long> { [new DateOnly(2021, 1, 15)] = 600 },
            new DateOnly(2021, 1, 1),
            new DateOnly(2021, 1, 31));

        decimal compensation = 1_787_000m * 31 / 365;
        decimal deductions = 343_600m * 31 / 365;
        UtilisationMonth january = Assert.Single(u.Months);
        Assert.Equal(20m, january.UsedPercent);
        Assert.Equal(80m, january.BillableHours);
        Assert.Equal(Math.Round((compensation * 0.8m) - deductions, 2), january.BillableKr);
        Assert.Equal(Math.Round((compensation * 0.8m) - deductions), u.BillableKr);
        Assert.Equal(Math.Round((compensation * 0.35m) - deductions), u.ExpectedBillableKr);
    }

    [Fact]
    public void MoreUsedThanPaid_IsCappedAt100Percent_AndBillsNoHour()
    {
        UtilisationFigures u = Utilisation.Compute(
            [Seed000Year()],
            [Paid(1, "2021-02", 10m, 8m)],
            new Dictionary<DateOnly, long> { [new DateOnly(2021, 2, 3)] = 300 },
            new DateOnly(2021, 2, 1),
            new DateOnly(2021, 2, 28));

        Assert.Equal(100m, u.UsedPercent);
        Assert.Equal(0m, u.BillableHours);
        Assert.Equal(-Math.Round(343_600m * 28 / 365), u.BillableKr); // only the deductions' share is left
    }

    [Fact]
    public void AMonthWithoutPaidHours_IsMissing_AndBillsNothing_NotAsIfNothingWereUsed()
    {
        UtilisationFigures u = Utilisation.Compute(
            [Seed000Year()],
            [Paid(1, "2021-04", 100m, 65m), Paid(1, "2021-05", 100m, 65m)],
            new Dictionary<DateOnly, long>(),
            new DateOnly(2021, 4, 1),
            new DateOnly(2021, 6, 30));

        Assert.Equal([new DateOnly(2021, 6, 1)], u.MissingMonths);
        Assert.Equal([new DateOnly(2021, 4, 1), new DateOnly(2021, 5, 1)], u.Months.Select(m => m.Month));
        Assert.Equal(Math.Round(1_787_000m * 61 / 365), u.CompensationKr);
        Assert.Equal(65m, u.UsedPercent);
    }

    [Fact]
    public void PartOfAMonth_CountsItsShareOfTheMonthsPaidHours_AndOnlyItsOwnSignedHours()
    {
        // 1–15 March of 310 paid hours: 150; the report on the 20th is outside.
        UtilisationFigures u = Utilisation.Compute(
            [Seed000Year()],
            [Paid(1, "2021-03", 310m)],
            new Dictionary<DateOnly, long> { [new DateOnly(2021, 3, 2)] = 30 * 60, [new DateOnly(2021, 3, 20)] = 60 * 60 },
            new DateOnly(2021, 3, 1),
            new DateOnly(2021, 3, 15));

        Assert.Equal((150m, 30m), (u.PaidHours, u.AssignmentHours));
        Assert.Equal(20m, u.UsedPercent);
    }

    [Fact]
    public void NoPaidHoursAtAll_GiveNoUsedShare()
    {
        UtilisationFigures u = Utilisation.Compute([Seed000Year()], [], new Dictionary<DateOnly, long>(), new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31));

        Assert.Null(u.UsedPercent);
        Assert.Equal(3, u.MissingMonths.Count);
        Assert.Equal(0m, u.BillableKr);
    }
}
