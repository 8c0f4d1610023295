using Jour.Core.Common;
using Jour.Core.Users;

namespace Jour.Core.UseCases;

/// <summary>
/// Who may send a request: checked once, by <see cref="LocalJourService"/>, against the user as stored now
/// (so a removed role or a disabled user loses it at once), never inside a handler.
/// </summary>
/// <param name="SignInRequired">A signed-in, enabled user is needed.</param>
/// <param name="Roles">Any one of these roles is needed; <see cref="Role.None"/> for any signed-in user.</param>
/// <param name="Refusal">The error code a user without the roles, or a caller that is not the server's account, is refused with.</param>
/// <param name="ForServerAccount">What the account the server runs as may do that others may not.</param>
public sealed record Access(bool SignInRequired, Role Roles, string Refusal, ServerAccountRule ForServerAccount = ServerAccountRule.NotConsidered)
{
    private const Role AllRoles = Role.OnCallOfficer | Role.Coordinator | Role.MedicalResponsible | Role.Finance | Role.Admin;

    /// <summary>Before sign-in: what the sign-in screen shows, sign-in itself.</summary>
    public static Access Anyone { get; } = new(false, Role.None, ErrorCodes.NotSignedIn);

    public static Access SignedIn { get; } = new(true, Role.None, ErrorCodes.NotSignedIn);

    public static Access ServerAccount { get; } = new(false, Role.None, ErrorCodes.SetUpCodeNotPermitted, ServerAccountRule.Required);

    /// <summary>A signed-in user with any one of <paramref name="roles"/>; others are refused with <paramref name="refusal"/>.</summary>
    public static Access AnyOf(Role roles, string refusal) => new(true, roles, refusal);

    /// <summary>The server's own account without signing in, or a signed-in user with any one of <paramref name="roles"/>.</summary>
    public static Access ServerAccountOrAnyOf(Role roles, string refusal) => new(true, roles, refusal, ServerAccountRule.Suffices);

    /// <summary>A signed-in user holding some role (a user whose roles were all taken away reads nothing of the records).</summary>
    public static Access AnyRole(string refusal) => new(true, AllRoles, refusal);
}
