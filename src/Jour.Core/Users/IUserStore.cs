namespace Jour.Core.Users;

/// <summary>Where users are kept.</summary>
public interface IUserStore
{
    IReadOnlyList<User> LoadUsers();

    /// <summary>One user by id (the pipeline asks for the signed-in user's roles on every request), or null.</summary>
    User? FindUser(long id);

    User AddUser(User user);

    /// <summary>Replaces a stored user (roles, disabled, PIN hash).</summary>
    void SaveUser(User user);

    /// <summary>The user's failed sign-ins, or null when there are none.</summary>
    SignInThrottle? FindSignInThrottle(long userId);

    void SaveSignInThrottle(SignInThrottle throttle);

    void DeleteSignInThrottle(long userId);

    /// <summary>The hash of the one-time set-up code (<see cref="SetUpCode"/>), or null when none is waiting.</summary>
    string? LoadSetUpCodeHash();

    /// <summary>Stores the hash of a new set-up code in place of any earlier one (null: none).</summary>
    void SaveSetUpCodeHash(string? hash);

    /// <summary>Adds the first admin and forgets the set-up code, in one transaction: the code works once.</summary>
    User AddFirstAdmin(User admin);
}
