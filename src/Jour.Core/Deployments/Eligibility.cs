using Jour.Core.Common;
using Jour.Core.Staff;
using NodaTime;

namespace Jour.Core.Deployments;

/// <summary>Why an assistant may not (or should not) be sent to a window.</summary>
public enum Ineligibility
{
    Blocked,
    Excluded,
    Unavailable,
    Busy,
    MissingCompetence,
    MissingDelegation,
    DailyRest,
    WeeklyRest,
    HourLimit,

    /// <summary>The client is a child on the window's date and the assistant has shown no register extract still valid then.</summary>
    NoRegisterCheck,
}

/// <summary>One assistant measured against one window: eligible, or every reason why not.</summary>
public sealed record Candidate(StandbyAssistant Assistant, IReadOnlyList<Ineligibility> Reasons, bool KnowsClient, double HoursThisWeek, IReadOnlyList<string> Missing)
{
    /// <summary>The assistant has said they can be called for the whole window.</summary>
    public bool DeclaredAvailable => Assistant.Availability.Any(p => p.IsAvailable && p.Covers(Window.From, Window.To));

    internal (DateTime From, DateTime To) Window { get; init; }

    public bool IsEligible => Reasons.Count == 0;

    /// <summary>Only rest rules or the hour limit are in the way: an assignment is possible with a logged override.</summary>
    public bool NeedsOverride => Reasons.Count > 0 && Reasons.All(IsOverridable);

    public static bool IsOverridable(Ineligibility reason) => reason is Ineligibility.DailyRest or Ineligibility.WeeklyRest or Ineligibility.HourLimit;
}

/// <summary>
/// The rules for who can go (issue 5): free, rested (Arbetstidslagen: 11 h daily rest in every
/// 24 h, 36 h weekly rest in every 7 days), under the weekly hour limit, every competence, a
/// delegation valid for the whole window for every delegated task, not blocked, not excluded, not
/// marked unavailable, and for a child client a register extract shown within its validity (lag 2010:479).
/// Durations are instants apart, so DST nights count what they last.
/// </summary>
public static class Eligibility
{
    public static readonly TimeSpan DailyRest = TimeSpan.FromHours(11);
    public static readonly TimeSpan WeeklyRest = TimeSpan.FromHours(36);

    /// <summary>Every assistant against the window, eligible first, then those who know the client, then the least worked.</summary>
    public static IReadOnlyList<Candidate> Rank(
        DateTime fromUtc,
        DateTime toUtc,
        long clientId,
        IReadOnlyCollection<string> competences,
        IReadOnlyCollection<string> delegatedTasks,
        IEnumerable<StandbyAssistant> assistants,
        IEnumerable<Deployment> deployments,
        RegisterCheckDemand? registerCheck = null)
    {
        var byAssistant = deployments.Where(d => d.IsActive).ToLookup(d => d.AssistantId);
        return
        [
            .. assistants
                .Select(a => Assess(a, fromUtc, toUtc, clientId, competences, delegatedTasks, [.. byAssistant[a.Id]], registerCheck))
                .OrderBy(c => c.IsEligible ? 0 : c.NeedsOverride ? 1 : 2)
                .ThenByDescending(c => c.KnowsClient)
                .ThenByDescending(c => c.DeclaredAvailable)
                .ThenBy(c => c.HoursThisWeek)
                .ThenBy(c => c.Assistant.Name, StringComparer.Create(SwedishCulture.Instance, false)),
        ];
    }

    public static Candidate Assess(
        StandbyAssistant a,
        DateTime fromUtc,
        DateTime toUtc,
        long clientId,
        IReadOnlyCollection<string> competences,
        IReadOnlyCollection<string> delegatedTasks,
        IReadOnlyList<Deployment> own,
        RegisterCheckDemand? registerCheck = null)
    {
        var reasons = new List<Ineligibility>();
        var missing = new List<string>();
        if (a.IsBlocked)
        {
            reasons.Add(Ineligibility.Blocked);
        }

        if (a.ExcludedClientIds.Contains(clientId))
        {
            reasons.Add(Ineligibility.Excluded);
        }

        if (a.Availability.Any(p => !p.IsAvailable && p.Overlaps(fromUtc, toUtc)))
        {
            reasons.Add(Ineligibility.Unavailable);
        }

        if (own.Any(d => d.Overlaps(fromUtc, toUtc)))
        {
            reasons.Add(Ineligibility.Busy);
        }

        if (registerCheck is not null && !registerCheck.IsMetBy(a.RegisterChecks))
        {
            reasons.Add(Ineligibility.NoRegisterCheck);
        }

        var lacking = competences.Where(c => !a.Competences.Contains(c, StringComparer.CurrentCultureIgnoreCase)).ToList();
        if (lacking.Count > 0)
        {
            reasons.Add(Ineligibility.MissingCompetence);
            missing.AddRange(lacking);
        }

        var undelegated = delegatedTasks
            .Where(task => !a.Delegations.Any(d => string.Equals(d.Task, task, StringComparison.CurrentCultureIgnoreCase) && d.Covers(fromUtc, toUtc)))
            .ToList();
        if (undelegated.Count > 0)
        {
            reasons.Add(Ineligibility.MissingDelegation);
            missing.AddRange(undelegated);
        }

        var work = own.Where(d => !d.Overlaps(fromUtc, toUtc)).Select(d => (d.FromUtc, d.ToUtc)).Append((fromUtc, toUtc)).ToList();
        if (!HasRest(work, fromUtc, toUtc, TimeSpan.FromHours(24), DailyRest))
        {
            reasons.Add(Ineligibility.DailyRest);
        }

        if (!HasRest(work, fromUtc, toUtc, TimeSpan.FromDays(7), WeeklyRest))
        {
            reasons.Add(Ineligibility.WeeklyRest);
        }

        double week = HoursInWeekOf(own, fromUtc);
        if (week + (toUtc - fromUtc).TotalHours > (double)a.WeeklyHourLimit)
        {
            reasons.Add(Ineligibility.HourLimit);
        }

        return new Candidate(a, reasons, a.KnownClientIds.Contains(clientId), week, missing) { Window = (fromUtc, toUtc) };
    }

    /// <summary>
    /// Whether every period of length <paramref name="period"/> that contains any part of the new
    /// window also contains an unbroken rest of at least <paramref name="rest"/>.
    /// </summary>
    public static bool HasRest(IReadOnlyList<(DateTime From, DateTime To)> work, DateTime fromUtc, DateTime toUtc, TimeSpan period, TimeSpan rest)
    {
        var merged = Merge(work.Where(w => w.To > fromUtc - period - period && w.From < toUtc + period + period));

        // The worst periods start at the end of some work, or end at the start of some work; checking
        // periods anchored there (and at the window's own edges) finds any violation.
        var starts = merged.SelectMany(w => new[] { w.To, w.From - period, w.From, w.To - period })
            .Append(fromUtc - period).Append(toUtc)
            .Where(s => s < toUtc && s + period > fromUtc)
            .Distinct();
        foreach (DateTime start in starts)
        {
            DateTime end = start + period;
            DateTime cursor = start;
            TimeSpan longest = TimeSpan.Zero;
            foreach (var (from, to) in merged)
            {
                if (to <= start || from >= end)
                {
                    continue;
                }

                longest = Max(longest, Max(from, start) - cursor);
                cursor = Max(cursor, Min(to, end));
            }

            longest = Max(longest, end - cursor);
            if (longest < rest)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hours already deployed in the Stockholm ISO week (Monday–Sunday) of <paramref name="instantUtc"/>.</summary>
    public static double HoursInWeekOf(IEnumerable<Deployment> own, DateTime instantUtc)
    {
        LocalDate day = SwedishTime.ToLocal(instantUtc).Date;
        LocalDate monday = day.PlusDays(-((int)day.DayOfWeek - 1));
        DateTime weekStart = SwedishTime.Zone.AtStartOfDay(monday).ToDateTimeUtc();
        DateTime weekEnd = SwedishTime.Zone.AtStartOfDay(monday.PlusWeeks(1)).ToDateTimeUtc();
        return own.Where(d => d.Overlaps(weekStart, weekEnd))
            .Sum(d => (Min(d.ToUtc, weekEnd) - Max(d.FromUtc, weekStart)).TotalHours);
    }

    private static List<(DateTime From, DateTime To)> Merge(IEnumerable<(DateTime From, DateTime To)> intervals)
    {
        var merged = new List<(DateTime From, DateTime To)>();
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
