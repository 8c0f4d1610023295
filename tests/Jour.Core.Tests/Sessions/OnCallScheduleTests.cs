using Jour.Core.Roster;

namespace Jour.Core.Tests.Sessions;

public class OnCallScheduleTests
{
    private static readonly DateTime s_t0 = new(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Current_PrefersTheLaterStartingOverride_NextSkipsTheSameOfficer()
    {
        OnCallShift[] shifts =
        [
            new() { OfficerId = 1, StartUtc = s_t0, EndUtc = s_t0.AddHours(12) },
            new() { OfficerId = 2, StartUtc = s_t0.AddHours(2), EndUtc = s_t0.AddHours(4) },
            new() { OfficerId = 1, StartUtc = s_t0.AddHours(12), EndUtc = s_t0.AddHours(24) },
            new() { OfficerId = 3, StartUtc = s_t0.AddHours(24), EndUtc = s_t0.AddHours(36) },
        ];

        Assert.Equal(2, OnCallSchedule.Current(shifts, s_t0.AddHours(3))!.OfficerId);
        Assert.Equal(1, OnCallSchedule.Current(shifts, s_t0.AddHours(5))!.OfficerId);
        Assert.Equal(3, OnCallSchedule.Next(shifts, s_t0.AddHours(5))!.OfficerId);
        Assert.Null(OnCallSchedule.Current(shifts, s_t0.AddHours(-1)));
    }
}
