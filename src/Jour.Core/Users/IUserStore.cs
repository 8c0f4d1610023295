namespace Jour.Core.Users;

/// <summary>Where users are kept.</summary>
public interface IUserStore
{
    IReadOnlyList<User> LoadUsers();

    User AddUser(User user);

    /// <summary>Replaces a stored user (roles, disabled, PIN hash).</summary>
    void SaveUser(User user);

    /// <summary>The user's failed sign-ins, or null when there are none.</summary>
    SignInThrottle? FindSignInThrottle(long userId);

    void SaveSignInThrottle(SignInThrottle throttle);

    void DeleteSignInThrottle(long userId);
}
