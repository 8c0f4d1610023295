namespace Jour.Core.Cases;

/// <summary>Why the provider cannot staff the assistance.</summary>
public enum CaseReason
{
    SicknessOrStaffShortage,
    Bankruptcy,
    PermitRevoked,
    ProviderChange,
    Other,
}
