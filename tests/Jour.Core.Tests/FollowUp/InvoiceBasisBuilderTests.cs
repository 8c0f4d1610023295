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
        InvoiceBasisBuilder.Build(period, new DateOnly(2026, 12, 1), s_settings, reports.Select(d => TimeReportLine.Of(d, s_case)!), new Dictionary<long, Client> { [1] = s_client }, new Dictionary<long, StandbyAssistant> { [5] = s_assistant });

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
}
