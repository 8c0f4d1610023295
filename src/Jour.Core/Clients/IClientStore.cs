namespace Jour.Core.Clients;

/// <summary>Where clients are kept.</summary>
public interface IClientStore
{
    /// <summary>
    /// Every client, each the caller's own copy: changing one changes nothing stored and nothing another
    /// caller reads. To change a client, load it with <see cref="FindClient"/>.
    /// </summary>
    IReadOnlyList<Client> LoadClients();

    /// <summary>
    /// Every client's name by id, without reading the rest of each client (the board needs only names);
    /// immutable, so the store may hand the same dictionary to every caller until a client is written.
    /// </summary>
    IReadOnlyDictionary<long, string> LoadClientNames();

    Client? FindClient(long id);

    Client AddClient(Client client);

    /// <summary>Adds all of them in one transaction, or none.</summary>
    void AddClients(IReadOnlyList<Client> clients);

    /// <summary>Saves unless someone else saved since <paramref name="expectedRevision"/>; bumps the revision.</summary>
    bool TryUpdateClient(Client client, int expectedRevision);
}
