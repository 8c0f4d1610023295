using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace Jour.Core.Common;

/// <summary>
/// Wall-clock times as officers type them, in Stockholm time: "2026-11-23 22:00", "23/11 22:00",
/// "22:00" (on the reference day, or for an end time the first such time after the start), and
/// "02:30+2", "02:30+02" or "02:30+02:00" to pick one of the two 02:30s of the fall-back night. A time
/// the spring-forward night skips is refused; an ambiguous one is asked about; an offset Stockholm does
/// not have at that time is refused rather than guessed at.
/// </summary>
public static partial class LocalTimeInput
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is a Swedish (or English) message for the field.</summary>
    public static bool TryParse(string text, LocalDate referenceDate, DateTime? afterUtc, out DateTime utc, out string error) =>
        TryParse(text, referenceDate, afterUtc, commandLine: false, out utc, out error);

    /// <summary>
    /// As <see cref="TryParse(string, LocalDate, DateTime?, out DateTime, out string)"/>, for the command line:
    /// "2026-10-25 02:30" or "2026-10-25T02:30", an ambiguous time refused naming both offsets as written
    /// there ("+02:00", "+01:00"), so a script can be corrected by copying one.
    /// </summary>
    public static bool TryParseCommandLine(string text, LocalDate referenceDate, out DateTime utc, out string error) =>
        TryParse(text, referenceDate, null, commandLine: true, out utc, out error);

    /// <summary>
    /// "2026-11-01 – 2026-11-30" (an en dash, a hyphen or "till"/"to" between): the whole local days from the
    /// first to the last, as [fromUtc, toUtc).
    /// </summary>
    public static bool TryParsePeriod(string text, out DateTime fromUtc, out DateTime toUtc)
    {
        fromUtc = toUtc = default;
        Match m = PeriodPattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        try
        {
            var first = new LocalDate(Num(m, "y1"), Num(m, "m1"), Num(m, "d1"));
            var last = new LocalDate(Num(m, "y2"), Num(m, "m2"), Num(m, "d2"));
            if (last < first)
            {
                return false;
            }

            fromUtc = SwedishTime.ToUtcLenient(first.AtMidnight());
            toUtc = SwedishTime.ToUtcLenient(last.PlusDays(1).AtMidnight());
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryParse(string text, LocalDate referenceDate, DateTime? afterUtc, bool commandLine, out DateTime utc, out string error)
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
        int? offsetHours = m.Groups["off"].Success ? int.Parse(m.Groups["off"].Value, CultureInfo.InvariantCulture) : null;
        if (mapping.Count == 2)
        {
            if (offsetHours is null)
            {
                error = commandLine
                    ? Messages.Format("Time_AmbiguousOffsets", [local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)])
                    : Messages.Format("Time_Ambiguous", [clock.ToString("HH:mm", CultureInfo.InvariantCulture)]);
                return false;
            }

            zoned = offsetHours == mapping.First().Offset.Seconds / 3600 ? mapping.First() : mapping.Last();
        }
        else if (offsetHours is { } written && written != zoned.Offset.Seconds / 3600)
        {
            error = Messages.Format("Time_WrongOffset", [
                local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                zoned.Offset.ToString("m", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"+{written:00}:00"),
            ]);
            return false;
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

    [GeneratedRegex(@"^(?:(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:\s+|T)|(?<dd>\d{1,2})/(?<mm>\d{1,2})\s+)?(?<h>\d{1,2})[:.](?<m>\d{2})(?:\s*\+0?(?<off>[12])(?::?00)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<y1>\d{4})-(?<m1>\d{1,2})-(?<d1>\d{1,2})\s*(?:–|—|-|till|to)\s*(?<y2>\d{4})-(?<m2>\d{1,2})-(?<d2>\d{1,2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();
}
