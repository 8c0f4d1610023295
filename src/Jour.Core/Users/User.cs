namespace Jour.Core.Users;

/// <summary>Someone who signs in to Jour.</summary>
public sealed class User
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    public Role Roles { get; set; }

    /// <summary>PBKDF2 hash in <see cref="PinHasher"/>'s format; empty for demo users who sign in without one.</summary>
    public string PinHash { get; set; } = "";

    public bool IsDisabled { get; set; }
}
