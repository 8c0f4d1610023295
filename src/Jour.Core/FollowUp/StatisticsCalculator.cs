using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Sessions;

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

    private const decimal DaysPerYear = 365m;

    public static StatisticsReport Compute(
        ReportPeriod period,
        DateOnly today,
        FollowUpSettings settings,
        IEnumerable<Case> cases,
        IReadOnlyDictionary<long, Client> clients,
        IEnumerable<Deployment> timeReported)
    {
        DateTime fromUtc = period.FromUtc;
        DateTime toUtc = period.ToUtc;
        var active = cases.Where(c => c.ReceivedUtc < toUtc && (EndOf(c) is not { } end || end >= fromUtc)).ToList();
        var served = active.Where(IsServed).ToList();
        var byClient = served.GroupBy(c => c.ClientId).ToList();

        Sex SexOf(long id) => clients.TryGetValue(id, out Client? cl) ? cl.Sex : Sex.Unknown;
        int women = byClient.Count(g => SexOf(g.Key) == Sex.Female);
        int men = byClient.Count(g => SexOf(g.Key) == Sex.Male);

        var firstCases = byClient.Select(g => g.OrderBy(c => c.ReceivedUtc).First()).Where(c => c.ReceivedUtc >= fromUtc).ToList();
        var closed = byClient
            .Where(g => g.All(c => EndOf(c) is { } end && end < toUtc))
            .Select(g => g.OrderBy(c => EndOf(c)).Last())
            .ToList();
        var received = active.Where(c => c.ReceivedUtc >= fromUtc).ToList();

        var reports = timeReported.Where(d => d.Report is not null).ToList();
        var inPeriod = reports.Where(d => d.Report!.StartUtc >= fromUtc && d.Report.StartUtc < toUtc).ToList();
        long minutes = inPeriod.Sum(d => (long)InvoiceBasisBuilder.WorkedMinutes(d.Report!));
        long signedMinutes = inPeriod.Where(d => d.Report!.IsSigned).Sum(d => (long)InvoiceBasisBuilder.WorkedMinutes(d.Report!));
        var byDate = inPeriod
            .GroupBy(d => ReportPeriod.LocalDate(d.Report!.StartUtc))
            .Select(g => (Date: g.Key, Minutes: g.Sum(d => (long)InvoiceBasisBuilder.WorkedMinutes(d.Report!))))
            .ToList();
        var months = period.Months()
            .Select(m => new PeriodMinutes(m, byDate.Where(x => x.Date.Year == m.Year && x.Date.Month == m.Month).Sum(x => x.Minutes)))
            .ToList();
        var weeks = period.Weeks()
            .Select(w => new PeriodMinutes(w, byDate.Where(x => x.Date >= w && x.Date < w.AddDays(7)).Sum(x => x.Minutes)))
            .ToList();

        var response = ResponseMinutes(received, reports);

        DateOnly countedTo = period.To < today ? period.To : today;
        int countedDays = Math.Max(0, countedTo.DayNumber - period.From.DayNumber + 1);
        int contractDays = ContractDays(period.From, countedTo, settings);
        decimal compensation = Math.Round(settings.AnnualCompensation * contractDays / DaysPerYear, 0, MidpointRounding.AwayFromZero);
        double capacity = (double)(settings.CapacityHoursPerYear * contractDays / DaysPerYear);
        double hours = minutes / 60.0;
        double weeksCounted = countedDays / 7.0;

        return new StatisticsReport(
            period.From,
            period.To,
            countedTo,
            byClient.Count,
            women,
            men,
            byClient.Count - women - men,
            byClient.Count > 0 && weeksCounted > 0 ? hours / weeksCounted / byClient.Count : 0,
            firstCases.Count,
            Count(firstCases, c => c.Reason.ToString(), c => Messages.Get("Reason_" + c.Reason)),
            closed.Count,
            Count(closed, c => OutcomeKey(c.State), c => Messages.Get("Outcome_" + OutcomeKey(c.State))),
            received.Count,
            Count(received, c => c.Reason.ToString(), c => Messages.Get("Reason_" + c.Reason)),
            Count(received, c => c.State.ToString(), c => Messages.Get("State_" + c.State)),
            response.Count,
            Percentile(response, 0.5),
            Percentile(response, 0.9),
            minutes,
            signedMinutes,
            inPeriod.Count,
            inPeriod.Count(d => !d.Report!.IsSigned),
            months,
            weeks,
            capacity,
            capacity > 0 ? hours / capacity * 100 : 0,
            (double)settings.UtilisationTargetPercent,
            compensation,
            minutes > 0 ? Math.Round(compensation / (minutes / 60m), 0, MidpointRounding.AwayFromZero) : null);
    }

    /// <summary>When the case stopped being active: hand-back for handed-back and closed cases, else its end.</summary>
    public static DateTime? EndOf(Case c) => c.State switch
    {
        CaseState.HandedBack or CaseState.Closed => c.HandedBackUtc ?? c.EndedUtc ?? c.UpdatedUtc,
        CaseState.Declined or CaseState.Withdrawn => c.EndedUtc ?? c.UpdatedUtc,
        _ => null,
    };

    /// <summary>Accepted: the standby organisation took it on.</summary>
    public static bool IsServed(Case c) =>
        c.State is CaseState.Staffing or CaseState.Covered or CaseState.ShortTermPlacement or CaseState.HandedBack or CaseState.Closed;

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

    private static string OutcomeKey(CaseState state) => state is CaseState.Closed ? nameof(CaseState.HandedBack) : state.ToString();

    /// <summary>Minutes from the call to the start of the case's first time report, per case that has one; sorted.</summary>
    private static List<double> ResponseMinutes(List<Case> received, List<Deployment> reports)
    {
        var firstStart = reports
            .GroupBy(d => d.CaseId)
            .ToDictionary(g => g.Key, g => g.Min(d => d.Report!.StartUtc));
        var minutes = new List<double>();
        foreach (Case c in received)
        {
            if (firstStart.TryGetValue(c.Id, out DateTime start) && start >= c.ReceivedUtc)
            {
                minutes.Add((start - c.ReceivedUtc).TotalMinutes);
            }
        }

        minutes.Sort();
        return minutes;
    }

    private static int ContractDays(DateOnly from, DateOnly to, FollowUpSettings settings)
    {
        DateOnly start = settings.ContractStartDate is { } s && s > from ? s : from;
        DateOnly end = settings.ContractEndDate is { } e && e < to ? e : to;
        return Math.Max(0, end.DayNumber - start.DayNumber + 1);
    }

    private static List<CountRow> Count(IEnumerable<Case> cases, Func<Case, string> key, Func<Case, string> label) =>
    [
        .. cases.GroupBy(key)
            .Select(g => new CountRow(g.Key, label(g.First()), g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Label, StringComparer.Create(SwedishCulture.Instance, false)),
    ];
}
