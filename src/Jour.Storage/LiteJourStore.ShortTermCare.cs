using Jour.Core.ShortTermCare;
using LiteDB;

namespace Jour.Storage;

// Short-term places (issue 20): a handful of units and a few bookings a month, read whole.
public sealed partial class LiteJourStore
{
    private ILiteCollection<ShortTermUnit> ShortTermUnits => _db.GetCollection<ShortTermUnit>("short_term_units");

    private ILiteCollection<ShortTermBooking> ShortTermBookings => _db.GetCollection<ShortTermBooking>("short_term_bookings");

    public IReadOnlyList<ShortTermUnit> LoadShortTermUnits() => [.. ShortTermUnits.FindAll()];

    public ShortTermUnit? FindShortTermUnit(long id) => ShortTermUnits.FindById(id);

    public ShortTermUnit AddShortTermUnit(ShortTermUnit unit)
    {
        InTransaction(() => ShortTermUnits.Insert(unit));
        return unit;
    }

    public bool TryUpdateShortTermUnit(ShortTermUnit unit, int expectedRevision) =>
        TryUpdate(ShortTermUnits, unit, unit.Id, expectedRevision, u => u.Revision, (u, r) => u.Revision = r);

    public IReadOnlyList<ShortTermBooking> LoadShortTermBookings() => [.. ShortTermBookings.FindAll()];

    public ShortTermBooking AddShortTermBooking(ShortTermBooking booking)
    {
        InTransaction(() => ShortTermBookings.Insert(booking));
        return booking;
    }

    public void UpdateShortTermBooking(ShortTermBooking booking) => InTransaction(() => ShortTermBookings.Update(booking));
}
