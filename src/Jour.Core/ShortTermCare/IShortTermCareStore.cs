namespace Jour.Core.ShortTermCare;

/// <summary>Where the register of short-term places and their bookings is kept.</summary>
public interface IShortTermCareStore
{
    IReadOnlyList<ShortTermUnit> LoadShortTermUnits();

    ShortTermUnit? FindShortTermUnit(long id);

    ShortTermUnit AddShortTermUnit(ShortTermUnit unit);

    /// <summary>Saves with the revision raised by one, unless the stored one is no longer at <paramref name="expectedRevision"/>.</summary>
    bool TryUpdateShortTermUnit(ShortTermUnit unit, int expectedRevision);

    /// <summary>Every booking, held or freed (a few a month).</summary>
    IReadOnlyList<ShortTermBooking> LoadShortTermBookings();

    ShortTermBooking AddShortTermBooking(ShortTermBooking booking);

    void UpdateShortTermBooking(ShortTermBooking booking);
}
