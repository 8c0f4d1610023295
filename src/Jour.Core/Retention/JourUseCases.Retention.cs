using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Journals;
using Jour.Core.Retention;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>Retention (issue 20): the rules applied to the journals, case timelines, drafts and the access log.</summary>
public sealed partial class JourUseCases
{
    /// <summary>Clients per thinning transaction: small enough that sessions wait a moment, not minutes, for the gate.</summary>
    public const int ThinningBatchSize = 500;

    /// <summary>Access-log entries per thinning transaction.</summary>
    public const int AccessLogBatchSize = 20_000;

    public RetentionSettingsData GetRetentionSettings() => RetentionSettingsData.Of(_store.LoadRetentionSettings());

    public RetentionSettingsData SaveRetentionSettings(SessionInfo actor, SaveRetentionSettings request)
    {
        if (request.AccessLogYears is { } years && (years < 1 || years > RetentionSettings.MaxAccessLogYears))
        {
            throw new JourException(
                ErrorCodes.AccessLogYearsInvalid,
                RetentionSettings.MaxAccessLogYears.ToString(CultureInfo.InvariantCulture),
                years.ToString(CultureInfo.InvariantCulture));
        }

        lock (_gate.Lock)
        {
            RetentionSettings s = _store.LoadRetentionSettings() ?? new RetentionSettings();
            s.OperatorKind = request.OperatorKind ?? s.OperatorKind;
            s.KeepResearchSample = request.KeepResearchSample ?? s.KeepResearchSample;
            s.AccessLogYears = request.AccessLogYears ?? s.AccessLogYears;
            s.UpdatedBy = actor.UserId;
            s.UpdatedUtc = UtcNow;
            _store.SaveRetentionSettings(s);
        }

        Published(new ChangeNotice(ChangeKind.Settings, 0));
        return GetRetentionSettings();
    }

    public RetentionReport PlanRetention()
    {
        (RetentionSettingsData settings, RetentionPlan plan) = CurrentPlan();
        return Report(settings, plan, plan.Outcomes, false, []);
    }

    /// <summary>
    /// Thins what the rules find due now, batch by batch, each batch one transaction with its record. The plan is
    /// made once; each batch is checked again by the store, so a note written meanwhile keeps its file.
    /// </summary>
    public RetentionReport ThinDueRecords(SessionInfo actor)
    {
        (RetentionSettingsData settings, RetentionPlan plan) = CurrentPlan();
        var records = new List<Thinning>();
        foreach (RuleOutcome outcome in plan.Outcomes.Where(o => o.Due > 0 && o.LastEntryBefore is not null))
        {
            RetentionRule rule = outcome.Rule;
            DateTime beforeUtc = RetentionPlanner.StartUtc(outcome.LastEntryBefore!.Value);
            switch (rule.Subject)
            {
                case RetentionSubject.SolFile or RetentionSubject.LssFile:
                    bool lss = rule.Subject == RetentionSubject.LssFile;
                    foreach (long[] chunk in plan.DueClients[rule.Name].Chunk(ThinningBatchSize))
                    {
                        var batch = new FileThinning(rule.Name, lss ? JournalSeries.Lss : JournalSeries.Sol, lss, beforeUtc, chunk);
                        records.Add(Thin(() => _store.ThinClientRecords(batch, NewThinning(actor, rule, beforeUtc))));
                    }

                    break;
                case RetentionSubject.AccessLog:
                    Thinning last;
                    do
                    {
                        last = Thin(() => _store.ThinAccessLog(beforeUtc, AccessLogBatchSize, NewThinning(actor, rule, beforeUtc)));
                        records.Add(last);
                    }
                    while (last.AccessLogEntries == AccessLogBatchSize);
                    break;
                case RetentionSubject.Draft:
                    records.Add(Thin(() => _store.ThinDrafts(beforeUtc, NewThinning(actor, rule, beforeUtc))));
                    break;
            }
        }

        records.RemoveAll(r => r.Id == 0);
        foreach (Thinning r in records)
        {
            LogThinned(actor.UserId, r.Id, r.Rule, r.ClientIds.Count, r.JournalEntries, r.CaseEvents, r.AccessLogEntries, r.Drafts);
        }

        if (records.Count > 0)
        {
            Published(new ChangeNotice(ChangeKind.Everything, 0));
        }

        IReadOnlyList<RuleOutcome> thinned = [.. plan.Outcomes.Select(o => Done(o, records.Where(r => r.Rule == o.Rule.Name).ToList()))];
        return Report(settings, plan, thinned, true, [.. records.Select(r => r.Id)]);
    }

    private Thinning Thin(Func<Thinning> batch)
    {
        Thinning record;
        lock (_gate.Lock)
        {
            record = batch();
        }

        Wrote();
        return record;
    }

    private Thinning NewThinning(SessionInfo actor, RetentionRule rule, DateTime beforeUtc) =>
        new() { AtUtc = UtcNow, UserId = actor.UserId, Rule = rule.Name, LastEntryBeforeUtc = beforeUtc };

    private static RuleOutcome Done(RuleOutcome planned, List<Thinning> records) => planned.Rule.Subject switch
    {
        RetentionSubject.AccessLog => planned with { Due = records.Sum(r => r.AccessLogEntries), Overdue = 0 },
        RetentionSubject.Draft => planned with { Due = records.Sum(r => r.Drafts), Overdue = 0 },
        _ when planned.Rule.Keeps => planned,
        _ => planned with
        {
            Due = records.Sum(r => r.ClientIds.Count),
            Overdue = 0,
            JournalEntries = records.Sum(r => r.JournalEntries),
            CaseEvents = records.Sum(r => r.CaseEvents),
        },
    };

    private (RetentionSettingsData Settings, RetentionPlan Plan) CurrentPlan()
    {
        lock (_gate.Lock)
        {
            RetentionSettingsData settings = GetRetentionSettings();
            DateOnly today = SwedishTime.Today(UtcNow);
            RetentionPlan plan = RetentionPlanner.Plan(settings, today, _store.LoadClientRecordDates(), _store.LoadDraftSaveTimes(), _store.CountAccessLogBefore);
            return (settings, plan);
        }
    }

    /// <summary>
    /// A backup made before this day holds only material at least as old as the shortest record rule, all of it due
    /// by now wherever it was the last entry: the operator deletes such backups (drafts, working copies, do not count).
    /// </summary>
    private static RetentionReport Report(RetentionSettingsData settings, RetentionPlan plan, IReadOnlyList<RuleOutcome> outcomes, bool thinned, IReadOnlyList<long> ids)
    {
        int shortest = RetentionRules.For(settings).Where(r => r.Subject != RetentionSubject.Draft && r.Months is not null).Min(r => r.Months!.Value);
        return new RetentionReport(plan.Today, settings, thinned, outcomes, ids, plan.Today.AddMonths(-shortest));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Thinning {ThinningId} by user {UserId} under rule {Rule}: {Clients} clients, {JournalEntries} journal entries, {CaseEvents} case events, {AccessLogEntries} access-log entries, {Drafts} drafts")]
    private partial void LogThinned(long userId, long thinningId, string rule, int clients, int journalEntries, int caseEvents, int accessLogEntries, int drafts);
}
