using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using LiteDB;

namespace Jour.Storage;

// Follow-up: settings, and the indexed ranges the invoicing basis and the statistics read.
public sealed partial class LiteJourStore
{
    private const string ReportStartIndex = "ReportStart";
    private const string ReportStartPath = "$.Report.StartUtc";

    public FollowUpSettings? LoadSettings() => _settings.FindById(FollowUpSettings.SingletonId);

    public void SaveSettings(FollowUpSettings settings) => _settings.Upsert(settings);

    public IReadOnlyList<Deployment> LoadTimeReported(DateTime fromUtc, DateTime toUtc) =>
    [
        .. _deployments.Find(Query.Between(ReportStartPath, fromUtc, toUtc))
            .Where(d => d.Report is { } r && r.StartUtc >= fromUtc && r.StartUtc < toUtc),
    ];

    public IReadOnlyList<Case> LoadCasesActiveIn(DateTime fromUtc, DateTime toUtc)
    {
        // Ended on or after the start (by the EndedUtc index), plus every case without an end: the open
        // ones, and ended ones stored before EndedUtc existed.
        var found = new Dictionary<long, Case>();
        foreach (Case c in _cases.Find(Query.GTE(nameof(Case.EndedUtc), fromUtc)).Concat(_cases.Find(Query.EQ(nameof(Case.EndedUtc), BsonValue.Null))))
        {
            if (c.ReceivedUtc < toUtc)
            {
                found[c.Id] = c;
            }
        }

        return [.. found.Values];
    }

    public IReadOnlyList<Case> LoadCasesById(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? [] : [.. _cases.Find(Query.In("_id", ids.Select(id => new BsonValue(id))))];

    // New indexes on existing collections need no schema version: EnsureIndex builds them once and is
    // a no-op afterwards. Documents without the field are indexed under null.
    private void EnsureFollowUpIndexes()
    {
        _deployments.EnsureIndex(ReportStartIndex, ReportStartPath);
        _cases.EnsureIndex(c => c.EndedUtc);
    }
}
