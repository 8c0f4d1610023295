using Jour.Core.Common;
using Jour.Core.Roster;
using NodaTime;

namespace Jour.Core.Tests.Roster;

public class RotationTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static Rotation Weekly(DateTime validFrom, params long[] officers) => new()
    {
        Id = 1,
        OfficerIds = [.. officers],
        Pattern = RotationPattern.Weekly,
        StartDate = "2026-01-05",
        HandOffDay = DayOfWeek.Monday,
        HandOffMinutes = [8 * 60],
        ValidFromUtc = validFrom,
    };

    // Day 07–15, evening 15–22, night 22–07, officers in turn.
    private static Rotation DayEveningNight(DateTime validFrom, params long[] officers) => new()
    {
        Id = 2,
        OfficerIds = [.. officers],
        Pattern = RotationPattern.Daily,
        StartDate = "2026-01-01",
        HandOffMinutes = [7 * 60, 15 * 60, 22 * 60],
        ValidFromUtc = validFrom,
    };

    [Fact]
    public void WeeklyHandOff_Stays0800Local_AcrossBothChangesOfSummerTime()
    {
        Rotation rotation = Weekly(Utc(2026, 1, 1, 0), 1, 2, 3);

        var spring = rotation.Intervals(Utc(2026, 3, 25, 12), Utc(2026, 3, 25, 13)).Single();
        var autumn = rotation.Intervals(Utc(2026, 10, 21, 12), Utc(2026, 10, 21, 13)).Single();

        // Monday 23 March 08:00 CET (07:00 UTC) to Monday 30 March 08:00 CEST (06:00 UTC): an hour short.
        Assert.Equal((Utc(2026, 3, 23, 7), Utc(2026, 3, 30, 6)), (spring.StartUtc, spring.EndUtc));
        Assert.Equal(167, (spring.EndUtc - spring.StartUtc).TotalHours);
        Assert.Equal(new LocalTime(8, 0), SwedishTime.ToLocal(spring.EndUtc).TimeOfDay);

        // Monday 19 October 08:00 CEST to Monday 26 October 08:00 CET: an hour long.
        Assert.Equal((Utc(2026, 10, 19, 6), Utc(2026, 10, 26, 7)), (autumn.StartUtc, autumn.EndUtc));
        Assert.Equal(169, (autumn.EndUtc - autumn.StartUtc).TotalHours);
        Assert.Equal(new LocalTime(8, 0), SwedishTime.ToLocal(autumn.StartUtc).TimeOfDay);
    }

    [Fact]
    public void WeeklyTurns_GoToTheOfficersInOrder_CountedFromTheStartDate()
    {
        Rotation rotation = Weekly(Utc(2026, 1, 1, 0), 1, 2, 3);

        var turns = rotation.Intervals(Utc(2026, 1, 5, 7), Utc(2026, 1, 26, 7)).ToList();

        Assert.Equal([1L, 2L, 3L], turns.Select(t => t.OfficerId));
        // 46 weeks after Monday 5 January: turn 46, the second officer.
        RotationInterval now = rotation.Intervals(Utc(2026, 11, 23, 12), Utc(2026, 11, 23, 13)).Single();
        Assert.Equal((46L, 2L), (now.Turn, now.OfficerId));
    }

    [Fact]
    public void NightShift_Lasts8HoursOnTheSpringNight_And10OnTheAutumnNight()
    {
        Rotation rotation = DayEveningNight(Utc(2026, 1, 1, 0), 1, 2, 3, 4);

        RotationInterval spring = rotation.Intervals(Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 0, 1)).Single();
        RotationInterval autumn = rotation.Intervals(Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 0, 1)).Single();

        Assert.Equal(8, (spring.EndUtc - spring.StartUtc).TotalHours);
        Assert.Equal(10, (autumn.EndUtc - autumn.StartUtc).TotalHours);
        Assert.Equal(new LocalTime(22, 0), SwedishTime.ToLocal(autumn.StartUtc).TimeOfDay);
        Assert.Equal(new LocalTime(7, 0), SwedishTime.ToLocal(autumn.EndUtc).TimeOfDay);
        var day = rotation.Intervals(Utc(2026, 10, 25, 7), Utc(2026, 10, 25, 20)).ToList();
        Assert.Equal([8.0, 7.0], day.Select(t => (t.EndUtc - t.StartUtc).TotalHours));
    }

    [Fact]
    public void Hours_OverTheAutumnNight_CountTheExtraHour()
    {
        Rotation rotation = DayEveningNight(Utc(2026, 1, 1, 0), 1, 2, 3);
        var (from, to) = (Utc(2026, 10, 23, 22), Utc(2026, 10, 26, 23));
        var pieces = OnCallTimeline.Effective([rotation], [], from, to);

        Dictionary<long, double> hours = OnCallTimeline.Hours(pieces, from, to);

        Assert.Equal((to - from).TotalHours, hours.Values.Sum());
        Assert.Equal(3, hours.Count);
    }

    [Fact]
    public void Override_LatestCreatedWins_AndSplitsTheTurnItCovers()
    {
        Rotation rotation = DayEveningNight(Utc(2026, 1, 1, 0), 1, 2);
        DateTime day = Utc(2026, 11, 23, 6); // 07:00 local, a day shift starts
        OnCallOverride first = new() { Id = 1, OfficerId = 7, FromUtc = day.AddHours(2), ToUtc = day.AddHours(5), CreatedUtc = day };
        OnCallOverride later = new() { Id = 2, OfficerId = 8, FromUtc = day.AddHours(3), ToUtc = day.AddHours(4), CreatedUtc = day.AddMinutes(1) };

        var pieces = OnCallTimeline.Effective([rotation], [first, later], day, day.AddHours(8));

        long dayOfficer = pieces[0].OfficerId;
        Assert.Equal(
            [(dayOfficer, 0), (7L, 2), (8L, 3), (7L, 4), (dayOfficer, 5)],
            pieces.Select(p => (p.OfficerId, (int)(p.StartUtc - day).TotalHours)));
        Assert.Equal(2, OnCallTimeline.At(pieces, day.AddHours(3.5))!.Override!.Id);
        Assert.Equal(day.AddHours(8), pieces[^1].EndUtc);
    }

    [Fact]
    public void HandOff_IsTheEndOfTheUnbrokenRun_AndNextIsAnotherOfficer()
    {
        Rotation rotation = DayEveningNight(Utc(2026, 1, 1, 0), 1, 2);
        DateTime day = Utc(2026, 11, 23, 6);
        var pieces = OnCallTimeline.Effective([rotation], [], day, day.AddDays(1));
        long dayOfficer = OnCallTimeline.At(pieces, day)!.OfficerId;
        // The evening officer covers the day too: one run from 07 to 22 local.
        OnCallOverride cover = new() { Id = 1, OfficerId = 3 - dayOfficer, FromUtc = day, ToUtc = day.AddHours(8), CreatedUtc = day };
        pieces = OnCallTimeline.Effective([rotation], [cover], day, day.AddDays(1));

        (DateTime? until, OnCallPiece? next) = OnCallTimeline.HandOff(pieces, day.AddHours(1));

        Assert.Equal(day.AddHours(15), until);
        Assert.Equal(dayOfficer, next!.OfficerId);
    }

    [Fact]
    public void NewVersion_RulesFromItsValidFrom_TheOldOneBefore()
    {
        DateTime edit = Utc(2026, 11, 23, 9, 30);
        Rotation old = DayEveningNight(Utc(2026, 1, 1, 0), 1, 2);
        Rotation stopped = new() { Id = 9, Pattern = RotationPattern.Daily, StartDate = "2026-11-23", HandOffMinutes = [420], ValidFromUtc = edit };

        var pieces = OnCallTimeline.Effective([old, stopped], [], edit.AddDays(-1), edit.AddDays(1));

        Assert.Equal(edit, pieces[^1].EndUtc);
        Assert.Equal(edit, OnCallTimeline.FirstGap(pieces, edit.AddDays(-1), edit.AddDays(1)));
        Assert.Null(OnCallTimeline.FirstGap(pieces, edit.AddDays(-1), edit));
    }
}
