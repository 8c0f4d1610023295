using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;

namespace Jour.Storage.Postgres;

// Follow-up: the settings, and the facts the invoicing basis and the statistics read. LiteDB keeps the facts in
// blocks written beside every case and deployment; here they are range queries over the columns those writes set
// (a case's received time and end, a deployment's report start), built with the domain's own CaseFact.Of,
// ReportFact.Of and TimeReportLine.Of, so there is no second copy to keep in step.
public sealed partial class PgJourStore
{
    public FollowUpSettings? LoadSettings() =>
        ReadOne("SELECT doc::text FROM settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.FollowUpSettings), ("id", FollowUpSettings.SingletonId));

    public void SaveSettings(FollowUpSettings settings) => Upsert(PgTables.FollowUpSettings, settings);

    public IReadOnlyList<TimeReportLine> LoadTimeReportLines(DateTime fromUtc, DateTime toUtc) => Read(
        "SELECT d.doc::text, c.doc::text FROM deployments d JOIN cases c ON c.id = d.case_id WHERE d.report_start_utc >= @fromUtc AND d.report_start_utc < @toUtc ORDER BY d.report_start_utc, d.id",
        r => TimeReportLine.Of(PgDocuments.Read(r.GetString(0), PgDocuments.Deployment), PgDocuments.Read(r.GetString(1), PgDocuments.Case))!,
        ("fromUtc", fromUtc), ("toUtc", toUtc));

    public IReadOnlyList<ReportFact> LoadReportFacts(DateTime fromUtc, DateTime toUtc) => Read(
        "SELECT doc::text FROM deployments WHERE report_start_utc >= @fromUtc AND report_start_utc < @toUtc ORDER BY report_start_utc, id",
        r => ReportFact.Of(PgDocuments.Read(r.GetString(0), PgDocuments.Deployment))!.Value,
        ("fromUtc", fromUtc), ("toUtc", toUtc));

    public IReadOnlyList<CaseFact> LoadCaseFacts(DateTime fromUtc, DateTime toUtc) =>
        [.. ReadCases("WHERE received_utc < @toUtc AND (end_utc IS NULL OR end_utc >= @fromUtc)", ("fromUtc", fromUtc), ("toUtc", toUtc)).Select(CaseFact.Of)];

    // As LiteDB's fact blocks answer it: cases received before the moment that are open, or ended on its Swedish
    // day or earlier (a whole day's block is read there, so an end later that same day counts too).
    public IReadOnlySet<long> ClientsWithCaseBefore(IEnumerable<long> clientIds, DateTime beforeUtc)
    {
        var wanted = clientIds.ToHashSet();
        DateTime nextDay = ReportPeriod.StartOf(ReportPeriod.LocalDate(beforeUtc).AddDays(1));
        return Read(
                "SELECT DISTINCT client_id FROM cases WHERE received_utc < @beforeUtc AND (end_utc IS NULL OR end_utc < @nextDay)",
                r => r.GetInt64(0), ("beforeUtc", beforeUtc), ("nextDay", nextDay))
            .Where(wanted.Contains)
            .ToHashSet();
    }
}
