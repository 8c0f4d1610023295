using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace Jour.Core.Common;

/// <summary>
/// Wall-clock times as officers type them, in Stockholm time: "2026-11-23 22:00", "23/11 22:00",
/// "22:00" (on the reference day, or for an end time the first such time after the start), and
/// "02:30+02" to pick one of the two 02:30s of the fall-back night. A time the spring-forward night
/// skips is refused; an ambiguous one is asked about.
/// </summary>
public static partial class LocalTimeInput
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is a Swedish (or English) message for the field.</summary>
    public static bool TryParse(string text, LocalDate referenceDate, DateTime? afterUtc, out DateTime utc, out string error)
    {
        utc = default;
        error = "";
        Match m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            error = Messages.Get("Time_Format");
            return false;
        }

        int hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59)
        {
            error = Messages.Get("Time_Format");
            return false;
        }

        LocalDate date = referenceDate;
        bool explicitDate = false;
        try
        {
            if (m.Groups["y"].Success)
            {
                date = new LocalDate(Num(m, "y"), Num(m, "mo"), Num(m, "d"));
                explicitDate = true;
            }
            else if (m.Groups["dd"].Success)
            {
                date = new LocalDate(referenceDate.Year, Num(m, "mm"), Num(m, "dd"));
                explicitDate = true;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            error = Messages.Get("Time_NoSuchDate");
            return false;
        }

        var clock = new LocalTime(hour, minute);
        LocalDateTime local = date + clock;
        if (!explicitDate && afterUtc is { } after)
        {
            // "07:00" after a 22:00 start means the next morning.
            LocalDateTime afterLocal = SwedishTime.ToLocal(after);
            local = afterLocal.Date + clock;
            if (local <= afterLocal)
            {
                local = local.PlusDays(1);
            }
        }

        ZoneLocalMapping mapping = SwedishTime.Zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            error = Messages.Format("Time_Skipped", [local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
            return false;
        }

        ZonedDateTime zoned = mapping.First();
        if (mapping.Count == 2)
        {
            if (!m.Groups["off"].Success)
            {
                string clockText = clock.ToString("HH:mm", CultureInfo.InvariantCulture);
                error = Messages.Format("Time_Ambiguous", [clockText]);
                return false;
            }

            int offsetHours = int.Parse(m.Groups["off"].Value, CultureInfo.InvariantCulture);
            zoned = offsetHours == mapping.First().Offset.Seconds / 3600 ? mapping.First() : mapping.Last();
        }

        utc = zoned.ToDateTimeUtc();
        if (afterUtc is { } start && utc <= start)
        {
            error = Messages.Get("Time_NotAfterStart");
            return false;
        }

        return true;
    }

    private static int Num(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})\s+|(?<dd>\d{1,2})/(?<mm>\d{1,2})\s+)?(?<h>\d{1,2})[:.](?<m>\d{2})(?:\s*\+0?(?<off>[12]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
