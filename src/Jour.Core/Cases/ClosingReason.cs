namespace Jour.Core.Cases;

/// <summary>
/// Why the standby support ended when a case is handed back: the "avslutsorsak" the follow-up statistics
/// report for closed persons (seed 003).
/// </summary>
public enum ClosingReason
{
    ProviderResumed,
    NewProvider,
    OtherSupport,
    Hospital,
    Deceased,
    ClientDeclined,
    Other,
}
