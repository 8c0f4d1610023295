namespace Jour.Core.Staff;

/// <summary>
/// An interval an assistant has said they can be called (<see cref="IsAvailable"/>), or cannot
/// (leave, illness, another job). Unavailable rules a candidate out; available ranks them first.
/// </summary>
public sealed class AvailabilityPeriod
{
    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    public bool IsAvailable { get; set; }

    /// <summary>Why, in the coordinator's words ("semester"); shown only in the staff register.</summary>
    public string Note { get; set; } = "";

    public bool Overlaps(DateTime fromUtc, DateTime toUtc) => FromUtc < toUtc && fromUtc < ToUtc;

    public bool Covers(DateTime fromUtc, DateTime toUtc) => FromUtc <= fromUtc && toUtc <= ToUtc;
}
