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
}
