using NodaTime;

namespace Jour.Core.Common;

/// <summary>Europe/Stockholm: every rule and every displayed time, whatever the machine's zone.</summary>
public static class SwedishTime
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static LocalDateTime ToLocal(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone).LocalDateTime;

    /// <summary>The calendar date in Stockholm at the instant.</summary>
    public static DateOnly Today(DateTime utc) => ToLocal(utc).Date.ToDateOnly();

    /// <summary>"2026-11-23 09:41", the form officers read and type.</summary>
    public static string FormatLocal(DateTime utc) =>
        ToLocal(utc).ToString("yyyy-MM-dd HH:mm", SwedishCulture.Instance);

    /// <summary>"09:41" in Stockholm time.</summary>
    public static string FormatClock(DateTime utc) =>
        ToLocal(utc).ToString("HH:mm", SwedishCulture.Instance);

    /// <summary>UTC instant of a Stockholm wall-clock time, resolving gaps forward and ambiguity to the earlier instant.</summary>
    public static DateTime ToUtcLenient(LocalDateTime local) =>
        Zone.AtLeniently(local).ToDateTimeUtc();
}
