namespace Jour.Core.ShortTermCare;

/// <summary>
/// A unit with short-term places (korttidsplatser), kept by the resurssakkunnig: step 3 of the priority order
/// (seed 000) places a client there when neither the provider nor the standby pool can staff the assistance.
/// </summary>
public sealed class ShortTermUnit
{
    /// <summary>The most places one unit may have: a bound on what is typed, far above any real unit.</summary>
    public const int MaxPlaces = 500;

    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>How many clients the unit can take at once.</summary>
    public int Places { get; set; }

    public string Phone { get; set; } = "";

    public string Note { get; set; } = "";

    /// <summary>A unit no longer used is kept for the bookings that name it, and offered for none.</summary>
    public bool IsClosed { get; set; }

    public int Revision { get; set; }
}

/// <summary>A place held for a case from the day it was booked until the case is handed back.</summary>
public sealed class ShortTermBooking
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public long CaseId { get; set; }

    public DateTime FromUtc { get; set; }

    public long BookedBy { get; set; }

    /// <summary>When the place was freed (the case handed back); null while held.</summary>
    public DateTime? ReleasedUtc { get; set; }

    public long ReleasedBy { get; set; }

    /// <summary>Whether the place is held at some time in [fromUtc, toUtc).</summary>
    public bool Holds(DateTime fromUtc, DateTime toUtc) => FromUtc < toUtc && (ReleasedUtc is not { } released || released > fromUtc);
}
