namespace Jour.Core.Clients;

/// <summary>Where clients are kept.</summary>
public interface IClientStore
{
    IReadOnlyList<Client> LoadClients();

    Client? FindClient(long id);

    Client AddClient(Client client);
}
