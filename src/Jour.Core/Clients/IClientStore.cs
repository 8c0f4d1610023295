namespace Jour.Core.Clients;

/// <summary>Where clients are kept.</summary>
public interface IClientStore
{
    IReadOnlyList<Client> LoadClients();

    Client? FindClient(long id);

    Client AddClient(Client client);

    /// <summary>Adds all of them in one transaction, or none.</summary>
    void AddClients(IReadOnlyList<Client> clients);

    /// <summary>Saves unless someone else saved since <paramref name="expectedRevision"/>; bumps the revision.</summary>
    bool TryUpdateClient(Client client, int expectedRevision);
}
