namespace Jour.Core.Users;

/// <summary>Where users are kept.</summary>
public interface IUserStore
{
    IReadOnlyList<User> LoadUsers();

    User AddUser(User user);
}
