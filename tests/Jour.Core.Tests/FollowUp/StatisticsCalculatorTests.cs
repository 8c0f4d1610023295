using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using static Jour.Core.Tests.FollowUp.InvoiceBasisBuilderTests;

namespace Jour.Core.Tests.FollowUp;

public sealed class StatisticsCalculatorTests
{
    private static readonly Dictionary<long, Client> s_clients = new()
    {
        [1] = new Client { Id = 1, Sex = Sex.Female },
        [2] = new Client { Id = 2, Sex = Sex.Male },
        [3] = new Client { Id = 3, Sex = Sex.Female },
    };

    private static readonly Contract[] s_contracts = [new() { From = "2026-01-01", To = "2026-12-31", AnnualKr = 1_825_000m, CapacityHoursPerYear = 3_650m, UtilisationPercent = 65m }];

    private static readonly ReportPeriod s_q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    private static Case Served(long id, long clientId, DateTime received, DateTime? handedBack, CaseReason reason = CaseReason.SicknessOrStaffShortage) => new()
    {
        Id = id,
        ClientId = clientId,
        ReceivedUtc = received,
        Reason = reason,
        State = handedBack is null ? CaseState.Staffing : CaseState.Closed,
        HandedBackUtc = handedBack,
        EndedUtc = handedBack?.AddDays(1),
    };

    [Fact]
    public void Quarter_PersonsNewClosedReasonsResponseHoursAndCost()
    {
        var cases = new[]
        {
            // Client 1: running since September, still open: current, not new, not closed.
            Served(1, 1, Local(2026, 9, 20, 8), null),
            // Client 2: new in October (bankruptcy), handed back in October: new and closed.
            Served(2, 2, Local(2026, 10, 5, 8), Local(2026, 10, 8, 8), CaseReason.Bankruptcy),
            // Client 3: declined: counted as a case, not as a person.
            new Case { Id = 3, ClientId = 3, ReceivedUtc = Local(2026, 11, 2, 8), State = CaseState.Declined, EndedUtc = Local(2026, 11, 2, 9) },
            // Ended before the quarter: not there at all.
            Served(4, 3, Local(2026, 8, 1, 8), Local(2026, 8, 3, 8)),
        };
        var reports = new[]
        {
            Report(1, Local(2026, 10, 5, 9, 30), Local(2026, 10, 5, 17, 30), caseId: 2),       // 90 min after the call, 8 h
            Report(2, Local(2026, 10, 24, 22), Local(2026, 10, 25, 7), caseId: 1),              // fall-back night: 10 h
            Report(3, Local(2026, 11, 30, 22), Local(2026, 12, 1, 6), signed: false, caseId: 1), // November's, 8 h
        };

        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2027, 1, 15), s_contracts, cases.Where(c => c.Id != 4).Select(CaseFact.Of), s_clients, reports.Select(d => ReportFact.Of(d)!.Value));

        Assert.Equal(2, s.CurrentPersons);
        Assert.Equal(1, s.Women);
        Assert.Equal(1, s.Men);
        Assert.Equal(1, s.NewPersons);
        Assert.Equal("Bankruptcy", Assert.Single(s.NewByReason).Key);
        Assert.Equal(1, s.ClosedPersons);
        Assert.Equal("HandedBack", Assert.Single(s.ClosedByReason).Key);
        Assert.Equal(2, s.CasesReceived);
        Assert.Contains(s.CasesByOutcome, r => r.Key == "Declined" && r.Count == 1);
        Assert.Equal(1, s.ResponseSamples);
        Assert.Equal(90, s.ResponseMedianMinutes);
        Assert.Equal(26 * 60, s.MinutesDeployed);
        Assert.Equal(18 * 60, s.SignedMinutes);
        Assert.Equal(1, s.UnsignedTimeReports);
        Assert.Equal([18 * 60, 8 * 60, 0], s.Months.Select(m => m.Minutes));
        Assert.Equal(s.MinutesDeployed, s.Weeks.Sum(w => w.Minutes));

        // 92 days of 1,825,000 a year (5,000 a day) and of 3,650 hours a year (10 a day).
        Assert.Equal(460_000m, s.Compensation);
        Assert.Equal(920, s.CapacityHours, 6);
        Assert.Equal(26.0 / 920 * 100, s.UtilisationPercent, 6);
        Assert.Equal(Math.Round(460_000m / 26m), s.CostPerHour);
        // Over the weeks each was served: client 1 the whole quarter (92 days, 18 h), client 2 from 5 to 8 October (4 days, 8 h).
        Assert.Equal(26.0 / ((92 + 4) / 7.0), s.HoursPerWeekPerPerson, 6);
        Assert.Equal(26.0 / 2, s.HoursPerCase, 6);
    }

    [Fact]
    public void APersonWithACaseBeforeThePeriod_IsNotNew_EvenWhenThatCaseEndedLongAgo()
    {
        var cases = new[] { Served(2, 2, Local(2026, 10, 5, 8), null, CaseReason.Bankruptcy), Served(5, 3, Local(2026, 11, 5, 8), null) };

        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2027, 1, 15), s_contracts, cases.Select(CaseFact.Of), s_clients, [], clientsWithEarlierCase: new HashSet<long> { 3 });

        Assert.Equal(2, s.CurrentPersons);
        Assert.Equal(1, s.NewPersons);
        Assert.Equal("Bankruptcy", Assert.Single(s.NewByReason).Key);
    }

    [Fact]
    public void IncidentsAndComplaints_CountByKind_OnlyThoseOfThePeriod()
    {
        Incidents.Incident[] incidents =
        [
            new() { Kind = Incidents.IncidentKind.NearMiss, OccurredUtc = Local(2026, 10, 3, 8) },
            new() { Kind = Incidents.IncidentKind.NearMiss, OccurredUtc = Local(2026, 12, 31, 23) },
            new() { Kind = Incidents.IncidentKind.Deviation, OccurredUtc = Local(2026, 11, 3, 8) },
            new() { Kind = Incidents.IncidentKind.Deviation, OccurredUtc = Local(2026, 9, 30, 23) },
        ];
        Incidents.Complaint[] complaints = [new() { Kind = Incidents.ComplaintKind.Complaint, ReceivedUtc = Local(2026, 10, 9, 8) }, new() { Kind = Incidents.ComplaintKind.Feedback, ReceivedUtc = Local(2027, 1, 1, 0) }];

        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2027, 1, 15), s_contracts, [], s_clients, [], incidents: incidents, complaints: complaints);

        Assert.Equal([("NearMiss", "Tillbud", 2), ("Deviation", "Avvikelse", 1)], s.IncidentsByKind.Select(r => (r.Key, r.Label, r.Count)));
        Assert.Equal([("Complaint", 1)], s.ComplaintsByKind.Select(r => (r.Key, r.Count)));
    }

    [Fact]
    public void APersonServedThreeDays_CountsThreeSeventhsOfAWeek_NotTheWholeQuarter()
    {
        var cases = new[] { Served(2, 2, Local(2026, 10, 5, 8), Local(2026, 10, 7, 20)) };
        var reports = new[] { Report(1, Local(2026, 10, 5, 9), Local(2026, 10, 5, 21), caseId: 2), Report(2, Local(2026, 10, 6, 9), Local(2026, 10, 6, 21), caseId: 2) };

        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2027, 1, 15), s_contracts, cases.Select(CaseFact.Of), s_clients, reports.Select(d => ReportFact.Of(d)!.Value));

        Assert.Equal(24.0 / (3 / 7.0), s.HoursPerWeekPerPerson, 6); // 56 h a week, not 24 / (92 / 7) ≈ 1,8
        Assert.Equal(24.0, s.HoursPerCase, 6);
    }

    [Fact]
    public void ClosedPersons_CountByTheClosingReasonGivenAtHandBack_OldOnesByOutcome()
    {
        Case Closed(long id, long client, int day, ClosingReason? why)
        {
            Case c = Served(id, client, Local(2026, 10, day, 8), Local(2026, 10, day + 3, 8));
            c.ClosingReason = why;
            return c;
        }

        var cases = new[]
        {
            Closed(1, 1, 2, ClosingReason.ProviderResumed),
            Closed(2, 2, 5, ClosingReason.Deceased),
            Closed(3, 3, 9, null),
            Closed(4, 4, 12, ClosingReason.ProviderResumed),
        };

        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2027, 1, 15), s_contracts, cases.Select(CaseFact.Of), s_clients, []);

        Assert.Equal(4, s.ClosedPersons);
        Assert.Equal(
            [("ProviderResumed", "Anordnaren har återupptagit assistansen", 2), ("Deceased", "Brukaren har avlidit", 1), ("HandedBack", "Återlämnat till anordnaren", 1)],
            s.ClosedByReason.Select(r => (r.Key, r.Label, r.Count)));
    }

    [Fact]
    public void RunningQuarter_CountsMoneyAndCapacityOnlyUpToToday_AndOnlyInsideTheContract()
    {
        Contract[] contracts = [new() { From = "2026-10-11", AnnualKr = 365_000m, CapacityHoursPerYear = 365m }];
        var s = StatisticsCalculator.Compute(s_q4, new DateOnly(2026, 10, 20), contracts, [], s_clients, []);

        Assert.Equal(new DateOnly(2026, 10, 20), s.CountedTo);
        Assert.Equal(10_000m, s.Compensation);
        Assert.Equal(10, s.CapacityHours, 6);
        Assert.Null(s.CostPerHour);
        Assert.Equal(0, s.UtilisationPercent);
    }

    [Fact]
    public void Percentile_IsNearestRank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, StatisticsCalculator.Percentile(values, 0.5));
        Assert.Equal(9, StatisticsCalculator.Percentile(values, 0.9));
        Assert.Null(StatisticsCalculator.Percentile([], 0.5));
    }

    [Fact]
    public void ContractNotice_FromTwoWeeksBeforeTheEnd_UntilANewEndIsEntered()
    {
        Contract[] contracts = [new() { From = "2026-01-01", To = "2026-12-31", NoticeWeeks = 2 }, new() { From = "2025-01-01", To = "2025-12-31" }];
        Assert.Null(ContractNotice.ExtensionDue(contracts, new DateOnly(2026, 12, 16)));
        Assert.Equal(new DateOnly(2026, 12, 31), ContractNotice.ExtensionDue(contracts, new DateOnly(2026, 12, 17)));
        Assert.Equal(new DateOnly(2026, 12, 31), ContractNotice.ExtensionDue(contracts, new DateOnly(2027, 1, 3)));
        Assert.Null(ContractNotice.ExtensionDue(Array.Empty<Contract>(), new DateOnly(2027, 1, 3)));

        // A later contract, or one until further notice, ends the question; four weeks' notice asks earlier.
        Assert.Null(ContractNotice.ExtensionDue([.. contracts, new Contract { From = "2027-01-01" }], new DateOnly(2027, 1, 3)));
        Assert.Equal(new DateOnly(2026, 12, 31), ContractNotice.ExtensionDue([new Contract { From = "2026-01-01", To = "2026-12-31", NoticeWeeks = 4 }], new DateOnly(2026, 12, 3)));
    }
    [Fact]
    public void Year_HoursPerInsats_ShortTermDays_AndEachQuartersIncidentsAndComplaints()
    {
        var clients = new Dictionary<long, Client>
        {
            [1] = new Client { Id = 1, Sex = Sex.Female, Basis = AssistanceBasis.Lss },
            [2] = new Client { Id = 2, Sex = Sex.Male, Basis = AssistanceBasis.Sfb },
            [3] = new Client { Id = 3, Sex = Sex.Female, Basis = AssistanceBasis.Sfb },
        };
        var cases = new[]
        {
            Served(1, 1, Local(2026, 2, 1, 8), Local(2026, 2, 10, 8)),
            Served(2, 2, Local(2026, 5, 1, 8), null),
            Served(3, 3, Local(2026, 11, 1, 8), null),
        };
        var reports = new[]
        {
            Report(1, Local(2026, 2, 2, 8), Local(2026, 2, 2, 16), caseId: 1),               // LSS, Q1: 8 h
            Report(2, Local(2026, 5, 2, 8), Local(2026, 5, 2, 12), caseId: 2),               // SFB, Q2: 4 h
            Report(3, Local(2026, 11, 2, 8), Local(2026, 11, 2, 18), signed: false, caseId: 3), // SFB, Q4: 10 h
        };
        var booking = new Core.ShortTermCare.ShortTermBooking { Id = 1, UnitId = 1, CaseId = 2, FromUtc = Local(2026, 6, 29, 12), ReleasedUtc = Local(2026, 7, 2, 9) };
        var incidents = new[]
        {
            new Core.Incidents.Incident { Id = 1, Kind = Core.Incidents.IncidentKind.NearMiss, OccurredUtc = Local(2026, 3, 31, 23, 30) }, // Q1 in Stockholm
            new Core.Incidents.Incident { Id = 2, Kind = Core.Incidents.IncidentKind.Deviation, OccurredUtc = Local(2026, 8, 1, 10) },
        };
        var complaints = new[] { new Core.Incidents.Complaint { Id = 1, Kind = Core.Incidents.ComplaintKind.Complaint, ReceivedUtc = Local(2026, 12, 30, 10) } };
        var year = new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        var s = StatisticsCalculator.Compute(year, new DateOnly(2027, 2, 1), s_contracts, cases.Select(CaseFact.Of), clients, reports.Select(d => ReportFact.Of(d)!.Value), incidents: incidents, complaints: complaints, bookings: [booking]);

        Assert.Equal([("Sfb", 14 * 60L, 2), ("Lss", 8 * 60L, 1)], s.HoursByInsats.Select(h => (h.Key, h.Minutes, h.Persons)));
        Assert.Equal((4, 1), (s.ShortTermDays, s.ShortTermPersons)); // 29 and 30 June, 1 and 2 July
        Assert.Equal([8 * 60L, 4 * 60L, 0L, 10 * 60L], s.Quarters.Select(q => q.Minutes));
        Assert.Equal(new DateOnly(2026, 4, 1), s.Quarters[1].From);
        Assert.Equal(["NearMiss"], s.Quarters[0].IncidentsByKind.Select(r => r.Key));
        Assert.Equal(["Deviation"], s.Quarters[2].IncidentsByKind.Select(r => r.Key));
        Assert.Equal(1, Assert.Single(s.Quarters[3].ComplaintsByKind).Count);
        Assert.Equal(s.MinutesDeployed, s.Quarters.Sum(q => q.Minutes));
    }
}
