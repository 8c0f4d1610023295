namespace Jour.Core.Users;

/// <summary>
/// What repeated failed sign-ins cost: an answer that waits longer after each failure (1, 2, 4, 8 s),
/// and after five failures in a row a lock of 15 minutes, doubling with each further lock up to a day.
/// A locked user is refused whatever PIN is typed, with the same message as a wrong PIN.
/// </summary>
public static class SignInPolicy
{
    public const int FailuresBeforeLock = 5;

    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(24);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(8);

    /// <summary>True while the user may not sign in at all.</summary>
    public static bool IsLocked(SignInThrottle? throttle, DateTime nowUtc) =>
        throttle is not null && throttle.LockedUntilUtc > nowUtc;

    /// <summary>Counts one failure; the fifth in a row locks.</summary>
    public static void Fail(SignInThrottle throttle, DateTime nowUtc)
    {
        throttle.Failures++;
        throttle.LastFailureUtc = nowUtc;
        if (throttle.Failures >= FailuresBeforeLock)
        {
            throttle.Locks++;
            throttle.Failures = 0;
            throttle.LockedUntilUtc = nowUtc + LockLength(throttle.Locks);
        }
    }

    /// <summary>15 minutes for the first lock, doubling, at most <see cref="LongestLock"/>.</summary>
    public static TimeSpan LockLength(int locks)
    {
        double minutes = FirstLock.TotalMinutes * Math.Pow(2, Math.Clamp(locks - 1, 0, 16));
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestLock.TotalMinutes));
    }

    /// <summary>
    /// Takes one attempt of the user before its PIN is compared: the attempt counts as a failure at once
    /// (a success clears the record afterwards), and its turn is the user's next allowed moment. Counting
    /// first is what makes parallel attempts unable to get past the fifth; see <see cref="SignInThrottle.NextAttemptUtc"/>.
    /// </summary>
    /// <param name="throttle">The user's record, changed in place; the caller saves it.</param>
    /// <param name="nowUtc">The current time.</param>
    /// <param name="waitForTurn">False for a caller that compares at once (in-process): the attempt counts at <paramref name="nowUtc"/>.</param>
    /// <returns>When the attempt may be compared (at or after <paramref name="nowUtc"/>).</returns>
    public static DateTime Reserve(SignInThrottle throttle, DateTime nowUtc, bool waitForTurn = true)
    {
        DateTime turn = waitForTurn && throttle.NextAttemptUtc > nowUtc ? throttle.NextAttemptUtc : nowUtc;
        Fail(throttle, turn);
        throttle.NextAttemptUtc = IsLocked(throttle, turn) ? throttle.LockedUntilUtc : turn + DelayAfterFailure(throttle, turn);
        return turn;
    }

    /// <summary>How long the answer to a failed attempt waits: 1, 2, 4, 8 s after the 1st–4th failure, 8 s when locked.</summary>
    public static TimeSpan DelayAfterFailure(SignInThrottle? throttle, DateTime nowUtc)
    {
        if (throttle is null)
        {
            return TimeSpan.FromSeconds(1);
        }

        if (IsLocked(throttle, nowUtc))
        {
            return LongestDelay;
        }

        double seconds = Math.Pow(2, Math.Clamp(throttle.Failures - 1, 0, 3));
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestDelay.TotalSeconds));
    }
}
