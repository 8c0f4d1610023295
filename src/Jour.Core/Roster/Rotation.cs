using Jour.Core.Common;
using NodaTime;
using NodaTime.Text;

namespace Jour.Core.Roster;

/// <summary>
/// One version of the officers' on-call rotation: officers in turn, handed off at local Stockholm
/// times, from <see cref="StartDate"/>. A version rules from <see cref="ValidFromUtc"/> until the
/// next version's; an edit stores a new version valid from now, so who was on call before stays.
/// </summary>
public sealed class Rotation
{
    private static readonly LocalDatePattern s_datePattern = LocalDatePattern.Iso;

    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Officers in turn; empty stops the rotation (nobody on call unless an override says so).</summary>
    public List<long> OfficerIds { get; set; } = [];

    public RotationPattern Pattern { get; set; }

    /// <summary>The local date the turn starts counting from, "yyyy-MM-dd" (a string, so no store shifts it by a zone).</summary>
    public string StartDate { get; set; } = "";

    /// <summary>For <see cref="RotationPattern.Weekly"/>: the weekday of the hand-off.</summary>
    public DayOfWeek HandOffDay { get; set; }

    /// <summary>Hand-off times as minutes after local midnight, ascending; a weekly rotation has one.</summary>
    public List<int> HandOffMinutes { get; set; } = [];

    public DateTime ValidFromUtc { get; set; }

    public long ChangedBy { get; set; }

    public DateTime ChangedUtc { get; set; }

    public static string FormatDate(LocalDate date) => s_datePattern.Format(date);

    public LocalDate StartLocalDate() => s_datePattern.Parse(StartDate).GetValueOrThrow();

    /// <summary>
    /// The rotation's intervals overlapping [fromUtc, toUtc), ignoring <see cref="ValidFromUtc"/>. Each
    /// boundary is a local wall-clock time, so a 08:00 hand-off stays 08:00 across a change to or from
    /// summer time and the interval around it is an hour shorter or longer. A hand-off time the
    /// spring-forward night skips is moved forward by the gap; an ambiguous one takes the earlier instant.
    /// </summary>
    public IEnumerable<RotationInterval> Intervals(DateTime fromUtc, DateTime toUtc)
    {
        if (OfficerIds.Count == 0 || HandOffMinutes.Count == 0 || fromUtc >= toUtc)
        {
            yield break;
        }

        bool weekly = Pattern == RotationPattern.Weekly;
        int periodDays = weekly ? 7 : 1;
        int perPeriod = weekly ? 1 : HandOffMinutes.Count;
        LocalDate first = StartLocalDate();
        if (weekly)
        {
            first = first.With(DateAdjusters.NextOrSame(ToIso(HandOffDay)));
        }

        // Start a period early: the interval in progress at fromUtc began before it.
        LocalDate fromDate = SwedishTime.ToLocal(fromUtc).Date.PlusDays(-periodDays - 1);
        long k = Math.Max(0, Period.DaysBetween(first, fromDate) / periodDays * (long)perPeriod);
        DateTime start = Boundary(first, k, periodDays, perPeriod);
        while (start < toUtc)
        {
            DateTime end = Boundary(first, k + 1, periodDays, perPeriod);
            if (end > fromUtc && end > start)
            {
                yield return new RotationInterval(Id, k, OfficerIds[(int)(k % OfficerIds.Count)], start, end);
            }

            k++;
            start = end;
        }
    }

    private DateTime Boundary(LocalDate first, long k, int periodDays, int perPeriod)
    {
        LocalDate date = first.PlusDays((int)(k / perPeriod * periodDays));
        int minutes = HandOffMinutes[(int)(k % perPeriod)];
        return SwedishTime.ToUtcLenient(date + new LocalTime(minutes / 60, minutes % 60));
    }

    private static IsoDayOfWeek ToIso(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;
}

/// <summary>One turn of a rotation version: the <see cref="Turn"/>th hand-off since its start date.</summary>
public sealed record RotationInterval(long RotationId, long Turn, long OfficerId, DateTime StartUtc, DateTime EndUtc);
