using Jour.Core.Deployments;
using Jour.Core.ShortTermCare;

namespace Jour.Storage.Postgres;

// Deployments and short-term places. A deployment's case and times are columns (a case's deployments, the
// deployments overlapping a period), and so is its time report's start, by which the follow-up will read
// reports of a period; a short-term unit's revision is the column its update is checked against.
public sealed partial class PgJourStore
{
    public IReadOnlyList<Deployment> LoadDeploymentsForCase(long caseId) => Read(
        "SELECT doc::text FROM deployments WHERE case_id = @caseId ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.Deployment), ("caseId", caseId));

    public IReadOnlyList<Deployment> LoadDeployments(DateTime fromUtc, DateTime toUtc) => Read(
        "SELECT doc::text FROM deployments WHERE to_utc > @fromUtc AND from_utc < @toUtc ORDER BY id",
        r => PgDocuments.Read(r.GetString(0), PgDocuments.Deployment), ("fromUtc", fromUtc), ("toUtc", toUtc));

    public Deployment? FindDeployment(long id) => FindById("deployments", id, PgDocuments.Deployment);

    public Deployment AddDeployment(Deployment deployment)
    {
        InTransaction(w => InsertDeployment(w, deployment));
        return deployment;
    }

    private static void InsertDeployment(Writer w, Deployment deployment)
    {
        deployment.Id = w.NewId("deployments", deployment.Id);
        w.Execute(
            "INSERT INTO deployments (id, case_id, from_utc, to_utc, report_start_utc, doc) VALUES (@id, @caseId, @fromUtc, @toUtc, @reportStartUtc, @doc::jsonb)",
            DeploymentParameters(deployment));
    }

    public void UpdateDeployment(Deployment deployment) => InTransaction(w => w.Execute(
        "UPDATE deployments SET case_id = @caseId, from_utc = @fromUtc, to_utc = @toUtc, report_start_utc = @reportStartUtc, doc = @doc::jsonb WHERE id = @id",
        DeploymentParameters(deployment)));

    private static (string, object?)[] DeploymentParameters(Deployment d) =>
    [
        ("id", d.Id), ("caseId", d.CaseId), ("fromUtc", d.FromUtc), ("toUtc", d.ToUtc), ("reportStartUtc", d.Report?.StartUtc),
        ("doc", PgDocuments.Write(d, PgDocuments.Deployment)),
    ];

    public IReadOnlyList<ShortTermUnit> LoadShortTermUnits() => ReadAll("short_term_units", PgDocuments.ShortTermUnit);

    public ShortTermUnit? FindShortTermUnit(long id) => FindById("short_term_units", id, PgDocuments.ShortTermUnit);

    public ShortTermUnit AddShortTermUnit(ShortTermUnit unit)
    {
        InTransaction(w => InsertDocument(w, "short_term_units", unit.Id, id => unit.Id = id, unit.Revision, () => PgDocuments.Write(unit, PgDocuments.ShortTermUnit)));
        return unit;
    }

    public bool TryUpdateShortTermUnit(ShortTermUnit unit, int expectedRevision) =>
        TryUpdate(unit, expectedRevision, u => u.Revision, (u, r) => u.Revision = r, (w, u) =>
            UpdateDocument(w, "short_term_units", u.Id, u.Revision, PgDocuments.Write(u, PgDocuments.ShortTermUnit), expectedRevision));

    public IReadOnlyList<ShortTermBooking> LoadShortTermBookings() => ReadAll("short_term_bookings", PgDocuments.ShortTermBooking);

    public ShortTermBooking AddShortTermBooking(ShortTermBooking booking)
    {
        InTransaction(w => InsertPlain(w, "short_term_bookings", booking.Id, id => booking.Id = id, () => PgDocuments.Write(booking, PgDocuments.ShortTermBooking)));
        return booking;
    }

    public void UpdateShortTermBooking(ShortTermBooking booking) => InTransaction(w => w.Execute(
        "UPDATE short_term_bookings SET doc = @doc::jsonb WHERE id = @id", ("id", booking.Id), ("doc", PgDocuments.Write(booking, PgDocuments.ShortTermBooking))));
}
