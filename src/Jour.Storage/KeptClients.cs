using System.Collections.Immutable;
using Jour.Core.Clients;

namespace Jour.Storage;

/// <summary>Every client as the store keeps them between reads; no reader gets them, each gets its own copy.</summary>
internal sealed class KeptClients(IReadOnlyList<Client> clients)
{
    private readonly ImmutableArray<Client> _clients = [.. clients];

    /// <summary>A copy of every kept client, the caller's own.</summary>
    public List<Client> Copies()
    {
        var copies = new List<Client>(_clients.Length);
        foreach (Client c in _clients)
        {
            copies.Add(c.Copy());
        }

        return copies;
    }
}
