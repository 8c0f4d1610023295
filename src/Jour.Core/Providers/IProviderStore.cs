namespace Jour.Core.Providers;

/// <summary>Where providers are kept.</summary>
public interface IProviderStore
{
    IReadOnlyList<Provider> LoadProviders();

    Provider AddProvider(Provider provider);
}
