using System.Text.Json.Serialization.Metadata;
using Jour.Core.Clients;
using Jour.Core.Providers;
using Jour.Core.Staff;

namespace Jour.Storage.Postgres;

// The registers: clients, providers and the standby pool. Each is a document with its id and revision as columns
// (the revision is what an update is checked against); clients also keep name and personal identity number as
// columns, which the board's names and the register's look-ups read without the rest of the document.
public sealed partial class PgJourStore
{
    public IReadOnlyList<Client> LoadClients() => ReadAll("clients", PgDocuments.Client);

    public IReadOnlyDictionary<long, string> LoadClientNames() =>
        Read("SELECT id, name FROM clients", r => (Id: r.GetInt64(0), Name: r.GetString(1))).ToDictionary(c => c.Id, c => c.Name);

    public Client? FindClient(long id) => FindById("clients", id, PgDocuments.Client);

    public Client AddClient(Client client)
    {
        InTransaction(w => w.Insert(PgTables.Clients, client));
        return client;
    }

    public void AddClients(IReadOnlyList<Client> clients) => InTransaction(w =>
    {
        foreach (Client client in clients)
        {
            w.Insert(PgTables.Clients, client);
        }
    });

    public bool TryUpdateClient(Client client, int expectedRevision) =>
        TryUpdate(PgTables.Clients, client, expectedRevision, c => c.Revision, (c, r) => c.Revision = r);

    public IReadOnlyList<Provider> LoadProviders() => ReadAll("providers", PgDocuments.Provider);

    public Provider? FindProvider(long id) => FindById("providers", id, PgDocuments.Provider);

    public Provider AddProvider(Provider provider)
    {
        InTransaction(w => w.Insert(PgTables.Providers, provider));
        return provider;
    }

    public void AddProviders(IReadOnlyList<Provider> providers) => InTransaction(w =>
    {
        foreach (Provider provider in providers)
        {
            w.Insert(PgTables.Providers, provider);
        }
    });

    public bool TryUpdateProvider(Provider provider, int expectedRevision) =>
        TryUpdate(PgTables.Providers, provider, expectedRevision, p => p.Revision, (p, r) => p.Revision = r);

    public IReadOnlyList<StandbyAssistant> LoadStaff() => ReadAll("staff", PgDocuments.Staff);

    public StandbyAssistant? FindStaff(long id) => FindById("staff", id, PgDocuments.Staff);

    public StandbyAssistant AddStaff(StandbyAssistant assistant)
    {
        InTransaction(w => w.Insert(PgTables.Staff, assistant));
        return assistant;
    }

    public void AddStaffMembers(IReadOnlyList<StandbyAssistant> assistants) => InTransaction(w =>
    {
        foreach (StandbyAssistant assistant in assistants)
        {
            w.Insert(PgTables.Staff, assistant);
        }
    });

    public void UpdateStaff(StandbyAssistant assistant) => Update(PgTables.Staff, assistant);

    public bool TryUpdateStaff(StandbyAssistant assistant, int expectedRevision) =>
        TryUpdate(PgTables.Staff, assistant, expectedRevision, a => a.Revision, (a, r) => a.Revision = r);

    public PoolSettings? LoadPoolSettings() =>
        ReadOne("SELECT doc::text FROM pool_settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.PoolSettings), ("id", PoolSettings.SingletonId));

    public void SavePoolSettings(PoolSettings settings) => Upsert(PgTables.PoolSettings, settings);

    /// <summary>
    /// Saves <paramref name="updated"/> with its revision raised past <paramref name="expectedRevision"/>, in the one
    /// UPDATE that checks the stored revision; on refusal or failure the caller's object keeps the revision it had.
    /// </summary>
    private bool TryUpdate<T>(PgTable<T> table, T updated, int expectedRevision, Func<T, int> revision, Action<T, int> setRevision)
    {
        int before = revision(updated);
        setRevision(updated, expectedRevision + 1);
        try
        {
            if (InTransaction(w => w.UpdateAtRevision(table, updated, expectedRevision) == 1))
            {
                return true;
            }
        }
        catch
        {
            setRevision(updated, before);
            throw;
        }

        setRevision(updated, before);
        return false;
    }

    private List<T> ReadAll<T>(string table, JsonTypeInfo<T> info) =>
        Read($"SELECT doc::text FROM {table} ORDER BY id", r => PgDocuments.Read(r.GetString(0), info));

    private T? FindById<T>(string table, long id, JsonTypeInfo<T> info)
        where T : class =>
        ReadOne($"SELECT doc::text FROM {table} WHERE id = @id", r => PgDocuments.Read(r.GetString(0), info), ("id", id));
}
