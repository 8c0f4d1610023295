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
        InTransaction(w => w.Insert(PgTables.Deployments, deployment));
        return deployment;
    }

    public void UpdateDeployment(Deployment deployment) => Update(PgTables.Deployments, deployment);

    public IReadOnlyList<ShortTermUnit> LoadShortTermUnits() => ReadAll("short_term_units", PgDocuments.ShortTermUnit);

    public ShortTermUnit? FindShortTermUnit(long id) => FindById("short_term_units", id, PgDocuments.ShortTermUnit);

    public ShortTermUnit AddShortTermUnit(ShortTermUnit unit)
    {
        InTransaction(w => w.Insert(PgTables.ShortTermUnits, unit));
        return unit;
    }

    public bool TryUpdateShortTermUnit(ShortTermUnit unit, int expectedRevision) =>
        TryUpdate(PgTables.ShortTermUnits, unit, expectedRevision, u => u.Revision, (u, r) => u.Revision = r);

    public IReadOnlyList<ShortTermBooking> LoadShortTermBookings() => ReadAll("short_term_bookings", PgDocuments.ShortTermBooking);

    public ShortTermBooking AddShortTermBooking(ShortTermBooking booking)
    {
        InTransaction(w => w.Insert(PgTables.ShortTermBookings, booking));
        return booking;
    }

    public void UpdateShortTermBooking(ShortTermBooking booking) => Update(PgTables.ShortTermBookings, booking);
}
