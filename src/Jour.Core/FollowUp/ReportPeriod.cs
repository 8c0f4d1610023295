using System.Globalization;
using Jour.Core.Common;
using NodaTime;

namespace Jour.Core.FollowUp;

/// <summary>
/// A run of whole Stockholm days, first and last inclusive. Its instants are the local midnights, so a
/// period holding a DST change is an hour shorter or longer than its days times 24.
/// </summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTime FromUtc => StartOf(From);

    public DateTime ToUtc => StartOf(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    /// <summary>The calendar quarter holding <paramref name="day"/>, the follow-up meetings' period.</summary>
    public static ReportPeriod QuarterOf(DateOnly day)
    {
        int first = ((day.Month - 1) / 3 * 3) + 1;
        var start = new DateOnly(day.Year, first, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>Parses "2026-11" (a month) for the invoice command.</summary>
    public static bool TryParseMonth(string text, out ReportPeriod period)
    {
        period = default;
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly first))
        {
            return false;
        }

        period = Month(first.Year, first.Month);
        return true;
    }

    /// <summary>The Stockholm date an instant falls on.</summary>
    public static DateOnly LocalDate(DateTime utc) => SwedishTime.Today(utc);

    public static DateTime StartOf(DateOnly day) => SwedishTime.Zone.AtStartOfDay(LocalDateOf(day)).ToDateTimeUtc();

    /// <summary>The first day of every month the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    /// <summary>The Monday of every ISO week the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Weeks()
    {
        var weeks = new List<DateOnly>();
        DateOnly monday = From.AddDays(-(((int)From.DayOfWeek + 6) % 7));
        for (DateOnly w = monday; w <= To; w = w.AddDays(7))
        {
            weeks.Add(w);
        }

        return weeks;
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The calendar quarters this period touches, each cut to the period.</summary>
    public IReadOnlyList<ReportPeriod> Quarters()
    {
        var quarters = new List<ReportPeriod>();
        for (DateOnly start = QuarterOf(From).From; start <= To; start = start.AddMonths(3))
        {
            ReportPeriod q = QuarterOf(start);
            quarters.Add(new ReportPeriod(q.From > From ? q.From : From, q.To < To ? q.To : To));
        }

        return quarters;
    }

    private static LocalDate LocalDateOf(DateOnly d) => new(d.Year, d.Month, d.Day);
}
