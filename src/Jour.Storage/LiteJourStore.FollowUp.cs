using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Core.Generation;
using LiteDB;

namespace Jour.Storage;

// Follow-up: settings, and the fact blocks the invoicing basis and the statistics read (FactBlocks).
public sealed partial class LiteJourStore
{
    private const string ReportStartIndex = "ReportStart";
    private const string ReportStartPath = "$.Report.StartUtc";

    private FactBlocks? _facts;

    private FactBlocks Facts => _facts ??= new FactBlocks(_db);

    public FollowUpSettings? LoadSettings() => _settings.FindById(FollowUpSettings.SingletonId);

    public void SaveSettings(FollowUpSettings settings) => InTransaction(() => _settings.Upsert(settings));

    public IReadOnlyList<TimeReportLine> LoadTimeReportLines(DateTime fromUtc, DateTime toUtc) =>
    [
        .. Facts.ReadDays(TimeReportLineCodec.Instance, 'i', ReportPeriod.LocalDate(fromUtc), LastDay(toUtc))
            .Where(l => l.StartUtc >= fromUtc && l.StartUtc < toUtc),
    ];

    public IReadOnlyList<ReportFact> LoadReportFacts(DateTime fromUtc, DateTime toUtc) =>
    [
        .. Facts.ReadDays(ReportFactCodec.Instance, 'r', ReportPeriod.LocalDate(fromUtc), LastDay(toUtc))
            .Where(r => r.StartUtc >= fromUtc && r.StartUtc < toUtc),
    ];

    public IReadOnlyList<CaseFact> LoadCaseFacts(DateTime fromUtc, DateTime toUtc) =>
    [
        .. Facts.ReadDays(CaseFactCodec.Instance, 'c', ReportPeriod.LocalDate(fromUtc), DateOnly.MaxValue, FactBlocks.CaseKey(null))
            .Where(c => c.ReceivedUtc < toUtc && (c.EndUtc is not { } end || end >= fromUtc)),
    ];

    // From the case facts of the days up to the period's first (by the day each case ended): no case document is
    // read, so a quarter at 100,000 cases costs one pass over the earlier blocks. Open cases are read too.
    public IReadOnlySet<long> ClientsWithCaseBefore(IEnumerable<long> clientIds, DateTime beforeUtc)
    {
        var wanted = clientIds.ToHashSet();
        return Facts.ReadDays(CaseFactCodec.Instance, 'c', DateOnly.MinValue, ReportPeriod.LocalDate(beforeUtc), FactBlocks.CaseKey(null))
            .Where(c => c.ReceivedUtc < beforeUtc && wanted.Contains(c.ClientId))
            .Select(c => c.ClientId)
            .ToHashSet();
    }

    /// <summary>The fact blocks against the cases and deployments they come from, as `jour check` compares them.</summary>
    public FactsComparison CompareFacts()
    {
        var check = new FactsCheck();
        foreach (BsonDocument c in _db.GetCollection("cases").FindAll())
        {
            check.Case(c);
        }

        foreach (BsonDocument d in _db.GetCollection("deployments").FindAll())
        {
            check.Deployment(d);
        }

        return check.Compare(_db);
    }

    private static DateOnly LastDay(DateTime toUtc) => ReportPeriod.LocalDate(toUtc.AddTicks(-1));

    // New indexes on existing collections need no schema version: EnsureIndex builds them once and is
    // a no-op afterwards. Documents without the field are indexed under null.
    private void EnsureFollowUpIndexes()
    {
        _deployments.EnsureIndex(ReportStartIndex, ReportStartPath);
        _cases.EnsureIndex(c => c.EndedUtc);
        _cases.EnsureIndex(c => c.Number);
    }

    /// <summary>Builds the fact blocks from the cases and deployments when they are missing (a file from before them) or of an older layout.</summary>
    private void EnsureFollowUpFacts()
    {
        if (!Facts.IsCurrent)
        {
            RebuildFollowUpFacts();
        }
    }

    /// <summary>Builds every fact block anew from the cases and deployments (`jour check --rebuild-facts`).</summary>
    public void RebuildFollowUpFacts()
    {
        InTransaction(() =>
        {
            Facts.Clear();
            var (cases, reports, lines) = ExpectedFacts();
            Facts.AddAll(CaseFactCodec.Instance, cases);
            Facts.AddAll(ReportFactCodec.Instance, reports);
            Facts.AddAll(TimeReportLineCodec.Instance, lines);
            Facts.MarkCurrent();
        });
    }

    private (List<(string, CaseFact)> Cases, List<(string, ReportFact)> Reports, List<(string, TimeReportLine)> Lines) ExpectedFacts()
    {
        var cases = new List<(string, CaseFact)>();
        var byId = new Dictionary<long, Case>();
        foreach (Case c in _cases.FindAll())
        {
            CaseFact fact = CaseFact.Of(c);
            cases.Add((FactBlocks.CaseKey(fact.EndUtc), fact));
            byId[c.Id] = new Case { Id = c.Id, Number = c.Number, ClientId = c.ClientId, ProviderId = c.ProviderId };
        }

        var reports = new List<(string, ReportFact)>();
        var lines = new List<(string, TimeReportLine)>();
        foreach (Deployment d in _deployments.Find(Query.Not(ReportStartPath, BsonValue.Null)))
        {
            if (d.Report is { } r && byId.TryGetValue(d.CaseId, out Case? c))
            {
                reports.Add((FactBlocks.ReportKey(r.StartUtc), ReportFact.Of(d)!.Value));
                lines.Add((FactBlocks.LineKey(r.StartUtc), TimeReportLine.Of(d, c)!));
            }
        }

        return (cases, reports, lines);
    }

    /// <summary>Keeps the case's fact in step; called inside the transaction that writes the case.</summary>
    private void CaseWritten(Case? before, Case after)
    {
        CaseFact fact = CaseFact.Of(after);
        Facts.Move(CaseFactCodec.Instance, after.Id, before is null ? null : FactBlocks.CaseKey(CaseFact.EndOf(before)), FactBlocks.CaseKey(fact.EndUtc), fact);
    }

    /// <summary>Keeps the deployment's report fact and invoice line in step; called inside the transaction that writes it.</summary>
    private void DeploymentWritten(Deployment? before, Deployment after)
    {
        // Most updates change the deployment's state, not its report: then neither block need be rewritten.
        // The case's number and client never change, so a stand-in case is enough to compare the lines.
        var same = new Case { Id = after.CaseId };
        if (ReportFact.Of(before ?? new Deployment()) == ReportFact.Of(after) && TimeReportLine.Of(before ?? new Deployment(), same) == TimeReportLine.Of(after, same))
        {
            return;
        }

        string? oldReport = before?.Report is { } b ? FactBlocks.ReportKey(b.StartUtc) : null;
        string? newReport = after.Report is { } a ? FactBlocks.ReportKey(a.StartUtc) : null;
        Facts.Move(ReportFactCodec.Instance, after.Id, oldReport, newReport, ReportFact.Of(after) ?? default);

        string? oldLine = before?.Report is { } bl ? FactBlocks.LineKey(bl.StartUtc) : null;
        string? newLine = after.Report is { } al ? FactBlocks.LineKey(al.StartUtc) : null;
        TimeReportLine? line = _cases.FindById(after.CaseId) is { } c ? TimeReportLine.Of(after, c) : null;
        Facts.Move(TimeReportLineCodec.Instance, after.Id, oldLine, line is null ? null : newLine, line!);
    }

    /// <summary>The generator's batch: one read and write per touched block.</summary>
    private void CaseHistoriesWritten(IReadOnlyList<CaseHistory> histories)
    {
        Facts.AddAll(CaseFactCodec.Instance, histories.Select(h => CaseFact.Of(h.Case)).Select(f => (FactBlocks.CaseKey(f.EndUtc), f)));
        var reported = histories.SelectMany(h => h.Deployments.Where(d => d.Report is not null).Select(d => (h.Case, Deployment: d))).ToList();
        Facts.AddAll(ReportFactCodec.Instance, reported.Select(x => (FactBlocks.ReportKey(x.Deployment.Report!.StartUtc), ReportFact.Of(x.Deployment)!.Value)));
        Facts.AddAll(TimeReportLineCodec.Instance, reported.Select(x => (FactBlocks.LineKey(x.Deployment.Report!.StartUtc), TimeReportLine.Of(x.Deployment, x.Case)!)));
    }
}
