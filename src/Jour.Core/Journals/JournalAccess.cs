using Jour.Core.Users;

namespace Jour.Core.Journals;

/// <summary>
/// Who may read (and write) a client's journal. MAS/MAR always; an officer or coordinator who is on an
/// open case of the client; anyone else holding a role only by stating a reason (emergency access);
/// a user without any role never.
/// </summary>
public static class JournalAccess
{
    /// <param name="roles">The user's roles.</param>
    /// <param name="onOpenCase">
    /// Whether the user is on an open case of the client: has recorded anything in its timeline (opened
    /// it, moved it, noted, verified, staffed), or is the officer on call right now, who answers for every open case.
    /// </param>
    public static JournalAccessLevel Decide(Role roles, bool onOpenCase)
    {
        if (roles.HasFlag(Role.MedicalResponsible))
        {
            return JournalAccessLevel.Granted;
        }

        if (onOpenCase && (roles & (Role.OnCallOfficer | Role.Coordinator)) != 0)
        {
            return JournalAccessLevel.Granted;
        }

        return roles == Role.None ? JournalAccessLevel.Refused : JournalAccessLevel.ReasonRequired;
    }
}
