namespace Jour.Core.Users;

/// <summary>What a user may do; a user may hold several.</summary>
[Flags]
public enum Role
{
    None = 0,
    OnCallOfficer = 1,
    Coordinator = 2,
    MedicalResponsible = 4,
    Finance = 8,
    Admin = 16,
}
