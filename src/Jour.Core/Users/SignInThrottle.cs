namespace Jour.Core.Users;

/// <summary>
/// Failed sign-ins of one user, stored so that a restart of the server does not reset them.
/// Removed on a successful sign-in or when an admin resets the PIN.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>The user's id.</summary>
    public long Id { get; set; }

    /// <summary>Failures since the last success or the last lock.</summary>
    public int Failures { get; set; }

    /// <summary>How many times the user was locked since the last success; each lock lasts twice the one before.</summary>
    public int Locks { get; set; }

    public DateTime LockedUntilUtc { get; set; }

    public DateTime LastFailureUtc { get; set; }

    /// <summary>
    /// The earliest moment the next attempt of this user is compared: the 1, 2, 4, 8 s delay belongs to
    /// the user, not to a connection, so opening a new connection does not skip it.
    /// </summary>
    public DateTime NextAttemptUtc { get; set; }
}
