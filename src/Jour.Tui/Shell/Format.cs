using Humanizer;
using Jour.Core.Common;
using System.Globalization;

namespace Jour.Tui.Shell;

/// <summary>Times as officers read them: Stockholm clock time and Swedish relative words.</summary>
public static class Format
{
    /// <summary>"för 3 timmar sedan" in the UI language.</summary>
    public static string Ago(DateTime utc, DateTime nowUtc) =>
        // Humanizer's Swedish has no word for "now" and falls back to English.
        (nowUtc - utc).Duration() < TimeSpan.FromMinutes(1)
            ? Resources.UiText.Time_JustNow
            : DateTime.SpecifyKind(utc, DateTimeKind.Utc).Humanize(utcDate: true, dateToCompareAgainst: nowUtc, culture: CultureInfo.CurrentUICulture);

    /// <summary>How long ago, in few columns: "nu", "18 min", "3 tim", "2 dygn" (the UI language's units).</summary>
    public static string Age(DateTime utc, DateTime nowUtc)
    {
        TimeSpan age = nowUtc - utc;
        return age.TotalMinutes switch
        {
            < 1 => Resources.UiText.Age_Now,
            < 60 => Text(Resources.UiText.Age_Minutes, (int)age.TotalMinutes),
            < 48 * 60 => Text(Resources.UiText.Age_Hours, (int)age.TotalHours),
            _ => Text(Resources.UiText.Age_Days, (int)age.TotalDays),
        };
    }

    /// <summary>"09:41" today, "23/11 09:41" another day (Stockholm time).</summary>
    public static string When(DateTime utc, DateTime nowUtc)
    {
        var local = SwedishTime.ToLocal(utc);
        var today = SwedishTime.ToLocal(nowUtc).Date;
        return local.Date == today
            ? local.ToString("HH:mm", SwedishCulture.Instance)
            : local.ToString("d'/'M HH:mm", SwedishCulture.Instance);
    }

    /// <summary>"09:41" today, "21/11" another day: the exact point beside a relative age, in few columns.</summary>
    public static string DayOrClock(DateTime utc, DateTime nowUtc)
    {
        var local = SwedishTime.ToLocal(utc);
        return local.Date == SwedishTime.ToLocal(nowUtc).Date
            ? local.ToString("HH:mm", SwedishCulture.Instance)
            : local.ToString("d'/'M", SwedishCulture.Instance);
    }

    public static string Text(string template, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);

    /// <summary>Lines of at most <paramref name="width"/> columns, broken between words where there is one.</summary>
    public static IEnumerable<string> Wrap(string text, int width) => TextWrap.Lines(text, width);
}
