namespace Jour.Core.Providers;

public enum ProviderStatus
{
    Active,
    Bankrupt,
    PermitRevoked,
}
