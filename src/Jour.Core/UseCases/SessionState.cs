
using Jour.Core.Users;

namespace Jour.Core.UseCases;

/// <summary>One session's side of the pipeline: who is signed in on it, and whether it is the server's own account.</summary>
/// <param name="isServerAccount">True when the kernel says the peer runs as the account the server runs as.</param>
public sealed class SessionState(bool isServerAccount = false)
{
    /// <summary>Null until someone signs in, and again after signing out.</summary>
    public SessionInfo? User { get; private set; }

    public bool IsServerAccount { get; } = isServerAccount;

    /// <summary>Sign-in and set-up handlers call this with the user they signed in; returns it.</summary>
    public SessionInfo SignedIn(SessionInfo user) => User = user;

    public void SignedOut() => User = null;
}
