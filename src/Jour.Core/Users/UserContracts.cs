using Jour.Core.UseCases;

namespace Jour.Core.Users;

/// <summary>Why a PIN is asked for again inside a session.</summary>
public enum PinPurpose
{
    /// <summary>The idle lock: the signed-in user or an admin.</summary>
    Unlock,

    /// <summary>Leaving kiosk mode: an admin.</summary>
    Quit,
}

/// <summary>A PIN typed at the lock screen or to leave kiosk mode.</summary>
public sealed record PinCheck(long UserId, string Pin, PinPurpose Purpose) : IRequest<bool>;

/// <summary>A user as the users screen and `jour users list` show them (never the hash).</summary>
public sealed record UserSummary(long Id, string Name, string Phone, Role Roles, bool IsDisabled, bool HasPin, bool IsLocked);

public sealed record NewUserRequest(string Name, string Phone, Role Roles, string Pin) : IRequest<UserSummary>;

/// <summary>New roles and enabled state of a user; <paramref name="LiftLock"/> ends a sign-in lock.</summary>
public sealed record UserUpdate(long Id, Role Roles, bool IsDisabled, bool LiftLock = false) : IRequest<UserSummary>;

public sealed record PinReset(long UserId, string Pin) : IRequest<UserSummary>;
