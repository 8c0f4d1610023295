namespace Jour.Core.Providers;

/// <summary>Where providers are kept.</summary>
public interface IProviderStore
{
    IReadOnlyList<Provider> LoadProviders();

    Provider AddProvider(Provider provider);

    Provider? FindProvider(long id);

    /// <summary>Adds all of them in one transaction, or none.</summary>
    void AddProviders(IReadOnlyList<Provider> providers);

    /// <summary>Saves unless someone else saved since <paramref name="expectedRevision"/>; bumps the revision.</summary>
    bool TryUpdateProvider(Provider provider, int expectedRevision);
}
