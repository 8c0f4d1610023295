using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Core.Staff;
using NodaTime;

namespace Jour.Core.Tests.FollowUp;

public sealed class InvoiceBasisBuilderTests
{
    private static readonly Client s_client = new() { Id = 1, Name = "Åsa Berg", PersonalIdentityNumber = "194203129287", Sex = Sex.Female };
    private static readonly Case s_case = new() { Id = 10, Number = "2026-0001", ClientId = 1 };
    private static readonly StandbyAssistant s_assistant = new() { Id = 5, Name = "Erik Holm" };
    private static readonly FollowUpSettings s_settings = new() { SupplierName = "Leanlink", OrganisationNumber = "212000-0449", CustomerReference = "REF-1" };

    internal static DateTime Local(int y, int mo, int d, int h, int mi = 0) =>
        SwedishTime.Zone.AtStrictly(new LocalDateTime(y, mo, d, h, mi)).ToDateTimeUtc();

    internal static Deployment Report(long id, DateTime start, DateTime end, int breakMinutes = 0, bool signed = true, long caseId = 10) => new()
    {
        Id = id,
        CaseId = caseId,
        AssistantId = 5,
        FromUtc = start,
        ToUtc = end,
        State = DeploymentState.Completed,
        Report = new TimeReport
        {
            StartUtc = start,
            EndUtc = end,
            BreakMinutes = breakMinutes,
            AssistantSignedName = signed ? "Erik Holm" : "",
            AssistantPersonalNumber = signed ? "198507099805" : "",
            AssistantSignedUtc = signed ? end : null,
            ClientSignedName = signed ? "Åsa Berg" : "",
            ClientSignedUtc = signed ? end : null,
        },
    };

    private static InvoiceBasis Build(ReportPeriod period, params Deployment[] reports) =>
        InvoiceBasisBuilder.Build(period, new DateOnly(2026, 12, 1), s_settings, [], reports.Select(d => TimeReportLine.Of(d, s_case)!), new Dictionary<long, Client> { [1] = s_client }, new Dictionary<long, StandbyAssistant> { [5] = s_assistant });

    [Fact]
    public void FallBackNight_CountsTenHours_SpringForwardNight_CountsEight()
    {
        // 2026-10-25 the clocks go back (03:00 → 02:00); 2026-03-29 they go forward (02:00 → 03:00).
        var october = Build(ReportPeriod.Month(2026, 10), Report(1, Local(2026, 10, 24, 22), Local(2026, 10, 25, 7), breakMinutes: 30));
        var march = Build(ReportPeriod.Month(2026, 3), Report(2, Local(2026, 3, 28, 22), Local(2026, 3, 29, 7)));

        Assert.Equal((10 * 60) - 30, october.SignedMinutes);
        Assert.Equal("22:00", october.Clients[0].Lines[0].Start);
        Assert.Equal("07:00", october.Clients[0].Lines[0].End);
        Assert.Equal(8 * 60, march.SignedMinutes);
    }

    [Fact]
    public void NightAcrossAMonthEnd_BelongsWhollyToTheMonthItStarted()
    {
        Deployment night = Report(1, Local(2026, 10, 31, 22), Local(2026, 11, 1, 7));

        var october = Build(ReportPeriod.Month(2026, 10), night);
        var november = Build(ReportPeriod.Month(2026, 11), night);

        Assert.Equal(9 * 60, october.SignedMinutes);
        InvoiceLine line = Assert.Single(october.Clients[0].Lines);
        Assert.Equal(new DateOnly(2026, 10, 31), line.Date);
        Assert.Equal(new DateOnly(2026, 11, 1), line.EndDate);
        Assert.Equal(0, november.SignedMinutes);
        Assert.Empty(november.Clients);
    }

    [Fact]
    public void MidnightLocal_StartsTheNewMonth_EvenThoughItIsTheOldMonthInUtc()
    {
        // 2026-11-01 00:30 in Stockholm is 2026-10-31 23:30 UTC.
        Deployment early = Report(1, Local(2026, 11, 1, 0, 30), Local(2026, 11, 1, 6, 30));

        Assert.Equal(0, Build(ReportPeriod.Month(2026, 10), early).SignedMinutes);
        Assert.Equal(6 * 60, Build(ReportPeriod.Month(2026, 11), early).SignedMinutes);
    }

    [Fact]
    public void UnsignedReports_AreListedApart_CountedButNotInTheTotal()
    {
        var basis = Build(
            ReportPeriod.Month(2026, 11),
            Report(1, Local(2026, 11, 2, 7), Local(2026, 11, 2, 15, 20)),
            Report(2, Local(2026, 11, 3, 7), Local(2026, 11, 3, 15), signed: false));

        Assert.Equal(1, basis.SignedCount);
        Assert.Equal(500, basis.SignedMinutes);
        Assert.Equal(1, basis.UnsignedCount);
        Assert.Equal(480, basis.UnsignedMinutes);
        InvoiceLine unsigned = Assert.Single(basis.UnsignedLines);
        Assert.False(unsigned.IsSigned);
        InvoiceLine signed = Assert.Single(basis.Clients.Single().Lines);
        Assert.Equal("194203129287", signed.ClientNumber);
        Assert.Equal("198507099805", signed.AssistantNumber);
        Assert.Equal("Erik Holm", signed.AssistantName);
        Assert.Equal("REF-1", basis.Header.CustomerReference);
    }

    [Fact]
    public void MonthTotals_ReconcileToTheMinute_WithTheReportsAcrossAYearOfDstAndMonthEnds()
    {
        // A night shift every day of 2026, 22:00–07:05 with a 17-minute break: both DST nights and every month end included.
        var reports = new List<Deployment>();
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            DateOnly next = day.AddDays(1);
            reports.Add(Report(day.DayNumber, Local(day.Year, day.Month, day.Day, 22), Local(next.Year, next.Month, next.Day, 7, 5), breakMinutes: 17, signed: day.Day % 5 != 0));
        }

        long expected = reports.Sum(d => (long)Math.Round(d.Report!.Worked.TotalMinutes));
        long invoiced = 0;
        for (int month = 1; month <= 12; month++)
        {
            var basis = Build(ReportPeriod.Month(2026, month), [.. reports]);
            Assert.Equal(basis.Clients.Sum(c => c.Lines.Sum(l => (long)l.Minutes)), basis.SignedMinutes);
            Assert.Equal(basis.UnsignedLines.Sum(l => (long)l.Minutes), basis.UnsignedMinutes);
            invoiced += basis.SignedMinutes + basis.UnsignedMinutes;
        }

        Assert.Equal(expected, invoiced);
        Assert.Equal((365L * ((9 * 60) + 5 - 17)) - 60 + 60, expected);
    }

    [Fact]
    public void MonthWhoseContractChanges_HasALinePerContract_TheTotalInKronor_AndItsDueDateAfterThePaymentTerm()
    {
        // Seed 000's terms (1 787 000 kr, 65 %, 343 600 kr deducted) to 14 February 2021, seed 002's 1 814 000 kr from the 15th.
        Jour.Core.Contracts.Contract[] contracts =
        [
            new() { Id = 1, From = "2021-01-01", To = "2021-02-14", AnnualKr = 1_787_000m, UtilisationPercent = 65m, Deductions = [new() { AmountKr = 343_600m, From = "2020-03-16", To = "2020-06-05", Reason = "Fritid" }] },
            new() { Id = 2, From = "2021-02-15", To = "2021-12-31", AnnualKr = 1_814_000m, PriceLevel = 2021, UtilisationPercent = 65m },
        ];
        var settings = new FollowUpSettings { SupplierName = "Leanlink", OrganisationNumber = "212000-0449", VatNumber = "SE212000044901", PaymentTermDays = 30 };

        InvoiceBasis basis = InvoiceBasisBuilder.Build(ReportPeriod.Month(2021, 2), new DateOnly(2021, 3, 5), settings, contracts, [], new Dictionary<long, Client>(), new Dictionary<long, StandbyAssistant>());

        Assert.Equal(new DateOnly(2021, 4, 4), basis.Header.DueDate);
        Assert.Collection(
            basis.Amounts,
            a =>
            {
                Assert.Equal((1L, new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 14), 14), (a.ContractId, a.From, a.To, a.Days));
                Assert.Equal(68_542.47m, a.CompensationKr); // 1 787 000 × 14 / 365
                Assert.Equal(23_989.86m, a.UnusedKr);       // × 35 %
                Assert.Equal(13_179.18m, a.DeductionsKr);   // 343 600 × 14 / 365
                Assert.Equal(10_810.68m, a.NetKr);
            },
            a =>
            {
                Assert.Equal((2L, new DateOnly(2021, 2, 15), new DateOnly(2021, 2, 28), 14), (a.ContractId, a.From, a.To, a.Days));
                Assert.Equal(69_578.08m, a.CompensationKr);
                Assert.Equal(24_352.33m, a.UnusedKr);
                Assert.Equal(0m, a.DeductionsKr);
                Assert.Equal(24_352.33m, a.NetKr);
            });

        // January's 23 937,95 rounds to 23 938 and carries −0,05; February's 35 163,01 to date 59 100,96 → 59 101.
        Assert.Equal(35_163m, basis.TotalKr);
        Assert.Equal(-0.01m, basis.RoundingKr);
        Assert.Equal(basis.TotalKr, basis.Amounts.Sum(a => a.NetKr) + basis.RoundingKr);

        InvoiceBasis later = InvoiceBasisBuilder.Build(ReportPeriod.Month(2021, 2), new DateOnly(2021, 3, 5), new FollowUpSettings { PaymentTermDays = 45 }, contracts, [], new Dictionary<long, Client>(), new Dictionary<long, StandbyAssistant>());
        Assert.Equal(new DateOnly(2021, 4, 19), later.Header.DueDate);
    }

    [Fact]
    public void AMonthWithoutAContract_InvoicesNothing_AndSaysSoWithNoLines()
    {
        InvoiceBasis basis = Build(ReportPeriod.Month(2026, 10), Report(1, Local(2026, 10, 5, 8), Local(2026, 10, 5, 16)));
        Assert.Empty(basis.Amounts);
        Assert.Equal(0m, basis.TotalKr);
        Assert.Equal(8 * 60, basis.SignedMinutes);
        Assert.Equal(new DateOnly(2026, 12, 31), basis.Header.DueDate); // 1 December + 30 days
    }
}
