using Jour.Core.Common;
using Jour.Core.Identity;
using NodaTime;

namespace Jour.Core.Retention;

/// <summary>
/// Which files, entries and drafts each rule finds due on a day. A file is due from the day its last entry is
/// the rule's period old (its anniversary: last entry 2020-06-10, SoL, due from 2025-06-10), and must be
/// thinned by the date the rule's deadline counts from that day (SoL: 2026-12-31). Jour thins what is due
/// whenever it is run, so a yearly run in January meets every deadline.
/// </summary>
public static class RetentionPlanner
{
    public static RetentionPlan Plan(
        RetentionSettingsData settings,
        DateOnly today,
        IReadOnlyList<ClientRecordDates> files,
        IReadOnlyList<DateTime> draftsSavedUtc,
        Func<DateTime, long> accessLogEntriesBefore)
    {
        var outcomes = new List<RuleOutcome>();
        var dueClients = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        foreach (RetentionRule rule in RetentionRules.For(settings))
        {
            DateOnly? before = rule.LastEntryDueOnOrBefore(today)?.AddDays(1);
            switch (rule.Subject)
            {
                case RetentionSubject.SolFile:
                    outcomes.Add(Files(rule, settings, today, [.. files.Where(f => f.SolEntries > 0)], f => f.LastSolUtc, f => (f.SolEntries, 0), blockedByOpenCase: false, out List<long> sol));
                    dueClients[rule.Name] = sol;
                    break;
                case RetentionSubject.LssFile:
                    outcomes.Add(Files(rule, settings, today, [.. files.Where(f => f.LssEntries + f.CaseEvents > 0)], f => f.LastLssUtc, f => (f.LssEntries, f.CaseEvents), blockedByOpenCase: true, out List<long> lss));
                    dueClients[rule.Name] = lss;
                    break;
                case RetentionSubject.Draft:
                    int drafts = before is { } d ? draftsSavedUtc.Count(s => SwedishTime.Today(s) < d) : 0;
                    outcomes.Add(new RuleOutcome(rule, drafts, 0, draftsSavedUtc.Count - drafts, 0, 0, 0, before));
                    break;
                case RetentionSubject.AccessLog:
                    int entries = before is { } a ? (int)accessLogEntriesBefore(StartUtc(a)) : 0;
                    outcomes.Add(new RuleOutcome(rule, entries, 0, 0, 0, 0, 0, before));
                    break;
            }
        }

        return new RetentionPlan(today, outcomes, dueClients);
    }

    /// <summary>The instant a Swedish day begins.</summary>
    public static DateTime StartUtc(DateOnly day) => SwedishTime.ToUtcLenient(LocalDate.FromDateOnly(day).AtMidnight());

    /// <summary>Whether the research exception keeps this person's file under <paramref name="rule"/>.</summary>
    public static bool KeptForResearch(RetentionRule rule, RetentionSettingsData settings, string personalIdentityNumber, DateOnly today) =>
        rule.ResearchSample && settings.KeepResearchSample
        && PersonalIdentityNumber.TryParse(personalIdentityNumber, today, out PersonalIdentityNumber number, out _)
        && RetentionRules.InResearchSample(number.BirthDate);

    private static RuleOutcome Files(
        RetentionRule rule,
        RetentionSettingsData settings,
        DateOnly today,
        IReadOnlyList<ClientRecordDates> files,
        Func<ClientRecordDates, DateTime?> last,
        Func<ClientRecordDates, (int Journal, int Events)> held,
        bool blockedByOpenCase,
        out List<long> due)
    {
        due = [];
        if (rule.Keeps)
        {
            return new RuleOutcome(rule, 0, 0, files.Count, 0, 0, 0, null);
        }

        int overdue = 0, research = 0;
        long journal = 0, events = 0;
        foreach (ClientRecordDates f in files)
        {
            if (last(f) is not { } lastUtc || (blockedByOpenCase && f.HasOpenCase))
            {
                continue;
            }

            DateOnly lastDay = SwedishTime.Today(lastUtc);
            if (!rule.IsDue(lastDay, today))
            {
                continue;
            }

            if (KeptForResearch(rule, settings, f.PersonalIdentityNumber, today))
            {
                research++;
                continue;
            }

            due.Add(f.ClientId);
            (int j, int e) = held(f);
            journal += j;
            events += e;
            if (rule.CompleteBy(rule.DueFrom(lastDay)!.Value) < today)
            {
                overdue++;
            }
        }

        return new RuleOutcome(rule, due.Count, overdue, files.Count - due.Count - research, research, journal, events, rule.LastEntryDueOnOrBefore(today)?.AddDays(1));
    }
}
