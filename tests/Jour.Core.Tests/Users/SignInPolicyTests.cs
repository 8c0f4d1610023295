using Jour.Core.Users;

namespace Jour.Core.Tests.Users;

public class SignInPolicyTests
{
    private static readonly DateTime s_now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheFifthFailureInARow_Locks_For15Minutes()
    {
        var throttle = new SignInThrottle { Id = 1 };
        for (int i = 0; i < 4; i++)
        {
            SignInPolicy.Fail(throttle, s_now);
            Assert.False(SignInPolicy.IsLocked(throttle, s_now));
        }

        SignInPolicy.Fail(throttle, s_now);

        Assert.True(SignInPolicy.IsLocked(throttle, s_now));
        Assert.Equal(s_now.AddMinutes(15), throttle.LockedUntilUtc);
        Assert.False(SignInPolicy.IsLocked(throttle, s_now.AddMinutes(15)));
    }

    [Fact]
    public void Delays_Double_From1To8Seconds()
    {
        var throttle = new SignInThrottle { Id = 1 };
        var delays = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            SignInPolicy.Fail(throttle, s_now);
            delays.Add(SignInPolicy.DelayAfterFailure(throttle, s_now).TotalSeconds);
        }

        Assert.Equal([1, 2, 4, 8, 8], delays);
        Assert.Equal(1, SignInPolicy.DelayAfterFailure(null, s_now).TotalSeconds);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(7, 960)]
    [InlineData(8, 1440)]
    [InlineData(40, 1440)]
    public void Locks_Double_UpToADay(int locks, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInPolicy.LockLength(locks));

    [Theory]
    [InlineData("jourhavande", Role.OnCallOfficer)]
    [InlineData("jourhavande,admin", Role.OnCallOfficer | Role.Admin)]
    [InlineData("Samordnare, MAR", Role.Coordinator | Role.MedicalResponsible)]
    [InlineData("ekonomi", Role.Finance)]
    public void RoleNames_Parse(string text, Role expected) => Assert.Equal(expected, RoleNames.Parse(text));

    [Fact]
    public void RoleNames_UnknownWord_IsNull_AndFormatRoundTrips()
    {
        Assert.Null(RoleNames.Parse("chef"));
        Assert.Equal("jourhavande,mas,admin", RoleNames.Format(Role.OnCallOfficer | Role.MedicalResponsible | Role.Admin));
    }
}
