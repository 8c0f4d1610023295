using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.Incidents;
using Jour.Core.ShortTermCare;

namespace Jour.Core.FollowUp;

/// <summary>
/// The follow-up statistics (seeds 003, 004) and utilisation and cost per used hour (seeds 000, 002)
/// for any period. A person is a client with an accepted case (bemannas or later, not declined or
/// withdrawn); hours are time reports (signed or not) by the Stockholm date they start, the same rule
/// as the invoicing basis.
/// </summary>
public static class StatisticsCalculator
{
    /// <summary>How long after a period's end a case's first time report still counts for its response time.</summary>
    public static readonly TimeSpan ResponseLookahead = TimeSpan.FromDays(7);

    public static StatisticsReport Compute(
        ReportPeriod period,
        DateOnly today,
        IReadOnlyList<Contract> contracts,
        IEnumerable<CaseFact> cases,
        IReadOnlyDictionary<long, Client> clients,
        IEnumerable<ReportFact> timeReported,
        IReadOnlyList<PaidHours>? paidHours = null,
        IReadOnlySet<long>? clientsWithEarlierCase = null,
        IEnumerable<Incident>? incidents = null,
        IEnumerable<Complaint>? complaints = null,
        IEnumerable<ShortTermBooking>? bookings = null,
        IEnumerable<IvoInvestigation>? investigations = null)
    {
        DateTime fromUtc = period.FromUtc;
        DateTime toUtc = period.ToUtc;
        var allCases = cases as IReadOnlyList<CaseFact> ?? [.. cases];
        var active = allCases.Where(c => c.ReceivedUtc < toUtc && (c.EndUtc is not { } end || end >= fromUtc)).ToList();
        var served = active.Where(c => c.IsServed).ToList();
        var byClient = served.GroupBy(c => c.ClientId).ToList();

        Sex SexOf(long id) => clients.TryGetValue(id, out Client? cl) ? cl.Sex : Sex.Unknown;
        int women = byClient.Count(g => SexOf(g.Key) == Sex.Female);
        int men = byClient.Count(g => SexOf(g.Key) == Sex.Male);

        // New: no case at all before the period, not even one that ended long ago (a person served again is not new).
        var firstCases = byClient
            .Select(g => g.OrderBy(c => c.ReceivedUtc).First())
            .Where(c => c.ReceivedUtc >= fromUtc && clientsWithEarlierCase?.Contains(c.ClientId) != true)
            .ToList();
        var closed = byClient
            .Where(g => g.All(c => c.EndUtc is { } end && end < toUtc))
            .Select(g => g.OrderBy(c => c.EndUtc).Last())
            .ToList();
        var received = active.Where(c => c.ReceivedUtc >= fromUtc).ToList();

        var reports = timeReported as IReadOnlyList<ReportFact> ?? [.. timeReported];
        ReportTotals totals = Totals(reports, fromUtc, toUtc);
        long minutes = totals.Minutes;
        long signedMinutes = totals.SignedMinutes;
        var byDate = totals.ByDate;
        var months = period.Months()
            .Select(m => new PeriodMinutes(m, byDate.Where(x => x.Date.Year == m.Year && x.Date.Month == m.Month).Sum(x => x.Minutes)))
            .ToList();
        var weeks = period.Weeks()
            .Select(w => new PeriodMinutes(w, byDate.Where(x => x.Date >= w && x.Date < w.AddDays(7)).Sum(x => x.Minutes)))
            .ToList();

        var response = ResponseMinutes(received, reports);

        DateOnly countedTo = period.To < today ? period.To : today;
        (double hoursPerWeek, double hoursPerCase) = PerPersonAndCase(period.From, countedTo, byClient, reports, fromUtc, toUtc);
        ContractFigures money = ContractMoney.Over(contracts, period.From, countedTo);
        double capacity = (double)money.CapacityHours;
        double hours = minutes / 60.0;
        UtilisationFigures utilisation = Utilisation.Compute(contracts, paidHours ?? [], totals.SignedByDate, period.From, countedTo);
        var clientOfCase = new Dictionary<long, long>(allCases.Count);
        foreach (CaseFact c in allCases)
        {
            clientOfCase[c.CaseId] = c.ClientId;
        }

        var held = (bookings ?? []).Where(b => b.Holds(fromUtc, toUtc)).ToList();
        var incidentsIn = (incidents ?? []).Where(i => i.OccurredUtc >= fromUtc && i.OccurredUtc < toUtc).ToList();
        var complaintsIn = (complaints ?? []).Where(c => c.ReceivedUtc >= fromUtc && c.ReceivedUtc < toUtc).ToList();

        return new StatisticsReport(
            period.From,
            period.To,
            countedTo,
            byClient.Count,
            women,
            men,
            byClient.Count - women - men,
            hoursPerWeek,
            firstCases.Count,
            Count(firstCases, c => c.Reason.ToString(), c => Messages.Get("Reason_" + c.Reason)),
            closed.Count,
            Count(closed, ClosingKey, c => c.ClosingReason is { } why ? Messages.Get("Closing_" + why) : Messages.Get("Outcome_" + OutcomeKey(c.State))),
            received.Count,
            Count(received, c => c.Reason.ToString(), c => Messages.Get("Reason_" + c.Reason)),
            Count(received, c => c.State.ToString(), c => Messages.Get("State_" + c.State)),
            response.Count,
            Percentile(response, 0.5),
            Percentile(response, 0.9),
            minutes,
            signedMinutes,
            totals.Count,
            totals.Unsigned,
            months,
            weeks,
            capacity,
            capacity > 0 ? hours / capacity * 100 : 0,
            (double)money.ExpectedUtilisationPercent,
            ContractMoney.Kronor(money.Compensation),
            ContractMoney.CostPerUsedHour(money.Compensation, minutes),
            utilisation,
            hoursPerCase,
            IncidentsByKind(incidentsIn),
            ComplaintsByKind(complaintsIn),
            HoursByInsats(reports, fromUtc, toUtc, clientOfCase, clients),
            held.Sum(b => ProviderBasisBuilder.PlacementDays(b, period.From, countedTo)),
            held.Select(b => clientOfCase.GetValueOrDefault(b.CaseId, -b.CaseId)).Distinct().Count(),
            [.. period.Quarters().Select(q => new QuarterFigures(
                q.From,
                q.To,
                months.Where(m => ReportPeriod.QuarterOf(m.Start).From == ReportPeriod.QuarterOf(q.From).From).Sum(m => m.Minutes),
                IncidentsByKind(incidentsIn.Where(i => q.Contains(ReportPeriod.LocalDate(i.OccurredUtc)))),
                ComplaintsByKind(complaintsIn.Where(c => q.Contains(ReportPeriod.LocalDate(c.ReceivedUtc))))))],
            (complaints ?? []).Count(c => InPeriod(c.EscalatedOn)),
            (investigations ?? []).Count(i => InPeriod(i.OpenedOn)));

        // Escalations and investigations are kept as local days: counted by the day, as the period is.
        bool InPeriod(string day) => IsoDate.Parse(day) is { } d && d >= period.From && d <= period.To;
    }

    private static List<CountRow> IncidentsByKind(IEnumerable<Incident> incidents) =>
        Count(incidents, i => i.Kind.ToString(), i => Messages.Get("IncidentKind_" + i.Kind));

    private static List<CountRow> ComplaintsByKind(IEnumerable<Complaint> complaints) =>
        Count(complaints, c => c.Kind.ToString(), c => Messages.Get("ComplaintKind_" + c.Kind));

    /// <summary>The period's hours by what each client's assistance is granted under, the most hours first.</summary>
    private static List<InsatsHours> HoursByInsats(
        IReadOnlyList<ReportFact> reports, DateTime fromUtc, DateTime toUtc, Dictionary<long, long> clientOfCase, IReadOnlyDictionary<long, Client> clients)
    {
        var minutes = new Dictionary<AssistanceBasis, long>();
        var persons = new Dictionary<AssistanceBasis, HashSet<long>>();
        foreach (ReportFact r in reports)
        {
            if (r.StartUtc < fromUtc || r.StartUtc >= toUtc)
            {
                continue;
            }

            long clientId = clientOfCase.GetValueOrDefault(r.CaseId);
            AssistanceBasis basis = clients.TryGetValue(clientId, out Client? client) ? client.Basis : AssistanceBasis.Unknown;
            minutes[basis] = minutes.GetValueOrDefault(basis) + r.Minutes;
            (persons.TryGetValue(basis, out var set) ? set : persons[basis] = []).Add(clientId);
        }

        return
        [
            .. minutes.Select(kv => new InsatsHours(kv.Key.ToString(), Messages.Get("Basis_" + kv.Key), kv.Value, persons[kv.Key].Count))
                .OrderByDescending(h => h.Minutes)
                .ThenBy(h => h.Key, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Hours per week per person: the served persons' hours in the period over the weeks each of them was served
    /// (the days from the Stockholm date a case was received to the date it was handed back, or to the last
    /// counted day, its cases' days counted once, ÷ 7), pooled: Σ hours ÷ Σ weeks served. A person served three
    /// days counts three sevenths of a week, not the whole quarter. Hours per case: the hours of the reports
    /// starting in the period over the cases they belong to.
    /// </summary>
    private static (double PerWeek, double PerCase) PerPersonAndCase(
        DateOnly from, DateOnly countedTo, List<IGrouping<long, CaseFact>> byClient, IReadOnlyList<ReportFact> reports, DateTime fromUtc, DateTime toUtc)
    {
        var minutesByCase = new Dictionary<long, long>();
        foreach (ReportFact r in reports)
        {
            if (r.StartUtc >= fromUtc && r.StartUtc < toUtc)
            {
                minutesByCase[r.CaseId] = minutesByCase.GetValueOrDefault(r.CaseId) + r.Minutes;
            }
        }

        long personMinutes = 0;
        int servedDays = 0;
        foreach (IGrouping<long, CaseFact> client in byClient)
        {
            var days = new HashSet<DateOnly>();
            foreach (CaseFact c in client)
            {
                personMinutes += minutesByCase.GetValueOrDefault(c.CaseId);
                DateOnly first = ReportPeriod.LocalDate(c.ReceivedUtc);
                DateOnly last = c.EndUtc is { } end ? ReportPeriod.LocalDate(end) : countedTo;
                for (DateOnly d = first > from ? first : from; d <= last && d <= countedTo; d = d.AddDays(1))
                {
                    days.Add(d);
                }
            }

            servedDays += days.Count;
        }

        double perWeek = servedDays > 0 ? personMinutes / 60.0 / (servedDays / 7.0) : 0;
        double perCase = minutesByCase.Count > 0 ? minutesByCase.Values.Sum() / 60.0 / minutesByCase.Count : 0;
        return (perWeek, perCase);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The closing reason given at hand-back; cases handed back before there was one count by their outcome.</summary>
    private static string ClosingKey(CaseFact c) => c.ClosingReason?.ToString() ?? OutcomeKey(c.State);

    private static string OutcomeKey(CaseState state) => state is CaseState.Closed ? nameof(CaseState.HandedBack) : state.ToString();

    /// <summary>Minutes from the call to the start of the case's first time report, per case that has one; sorted.</summary>
    private static List<double> ResponseMinutes(List<CaseFact> received, IReadOnlyList<ReportFact> reports)
    {
        var firstStart = new Dictionary<long, DateTime>();
        foreach (ReportFact r in reports)
        {
            if (!firstStart.TryGetValue(r.CaseId, out DateTime first) || r.StartUtc < first)
            {
                firstStart[r.CaseId] = r.StartUtc;
            }
        }

        var minutes = new List<double>();
        foreach (CaseFact c in received)
        {
            if (firstStart.TryGetValue(c.CaseId, out DateTime start) && start >= c.ReceivedUtc)
            {
                minutes.Add((start - c.ReceivedUtc).TotalMinutes);
            }
        }

        minutes.Sort();
        return minutes;
    }

    /// <summary>
    /// The reports starting in [fromUtc, toUtc) in one pass (a year is 500,000 of them at scale): minutes in
    /// all and signed, counts, and minutes by the Stockholm date each starts. Stockholm's offsets are whole
    /// hours and its clocks change on the UTC hour, so the date is looked up once per UTC hour.
    /// </summary>
    private static ReportTotals Totals(IReadOnlyList<ReportFact> reports, DateTime fromUtc, DateTime toUtc)
    {
        var dateOfHour = new Dictionary<long, DateOnly>();
        var byDate = new Dictionary<DateOnly, long>();
        var signedByDate = new Dictionary<DateOnly, long>();
        long minutes = 0, signedMinutes = 0;
        int count = 0, unsigned = 0;
        foreach (ReportFact r in reports)
        {
            if (r.StartUtc < fromUtc || r.StartUtc >= toUtc)
            {
                continue;
            }

            count++;
            minutes += r.Minutes;
            long hour = r.StartUtc.Ticks / TimeSpan.TicksPerHour;
            if (!dateOfHour.TryGetValue(hour, out DateOnly date))
            {
                date = ReportPeriod.LocalDate(new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc));
                dateOfHour[hour] = date;
            }

            byDate[date] = byDate.GetValueOrDefault(date) + r.Minutes;
            if (r.IsSigned)
            {
                signedMinutes += r.Minutes;
                signedByDate[date] = signedByDate.GetValueOrDefault(date) + r.Minutes;
            }
            else
            {
                unsigned++;
            }
        }

        return new ReportTotals(minutes, signedMinutes, count, unsigned, [.. byDate.Select(kv => (kv.Key, kv.Value))], signedByDate);
    }

    private static List<CountRow> Count<T>(IEnumerable<T> cases, Func<T, string> key, Func<T, string> label) =>
    [
        .. cases.GroupBy(key)
            .Select(g => new CountRow(g.Key, label(g.First()), g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Label, StringComparer.Create(SwedishCulture.Instance, false)),
    ];
}

internal readonly record struct ReportTotals(long Minutes, long SignedMinutes, int Count, int Unsigned, List<(DateOnly Date, long Minutes)> ByDate, Dictionary<DateOnly, long> SignedByDate);
