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
        InTransaction(w => InsertClient(w, client));
        return client;
    }

    public void AddClients(IReadOnlyList<Client> clients) => InTransaction(w =>
    {
        foreach (Client client in clients)
        {
            InsertClient(w, client);
        }
    });

    public bool TryUpdateClient(Client client, int expectedRevision) =>
        TryUpdate(client, expectedRevision, c => c.Revision, (c, r) => c.Revision = r, (w, c) => w.Execute(
            "UPDATE clients SET name = @name, personal_identity_number = @pin, revision = @revision, doc = @doc::jsonb WHERE id = @id AND revision = @expected",
            [.. ClientParameters(c), ("expected", expectedRevision)]));

    private static void InsertClient(Writer w, Client client)
    {
        client.Id = w.NewId("clients", client.Id);
        w.Execute("INSERT INTO clients (id, name, personal_identity_number, revision, doc) VALUES (@id, @name, @pin, @revision, @doc::jsonb)", ClientParameters(client));
    }

    private static (string, object?)[] ClientParameters(Client c) =>
        [("id", c.Id), ("name", c.Name), ("pin", c.PersonalIdentityNumber), ("revision", c.Revision), ("doc", PgDocuments.Write(c, PgDocuments.Client))];

    public IReadOnlyList<Provider> LoadProviders() => ReadAll("providers", PgDocuments.Provider);

    public Provider? FindProvider(long id) => FindById("providers", id, PgDocuments.Provider);

    public Provider AddProvider(Provider provider)
    {
        InTransaction(w => InsertDocument(w, "providers", provider.Id, id => provider.Id = id, provider.Revision, () => PgDocuments.Write(provider, PgDocuments.Provider)));
        return provider;
    }

    public void AddProviders(IReadOnlyList<Provider> providers) => InTransaction(w =>
    {
        foreach (Provider provider in providers)
        {
            InsertDocument(w, "providers", provider.Id, id => provider.Id = id, provider.Revision, () => PgDocuments.Write(provider, PgDocuments.Provider));
        }
    });

    public bool TryUpdateProvider(Provider provider, int expectedRevision) =>
        TryUpdate(provider, expectedRevision, p => p.Revision, (p, r) => p.Revision = r, (w, p) =>
            UpdateDocument(w, "providers", p.Id, p.Revision, PgDocuments.Write(p, PgDocuments.Provider), expectedRevision));

    public IReadOnlyList<StandbyAssistant> LoadStaff() => ReadAll("staff", PgDocuments.Staff);

    public StandbyAssistant? FindStaff(long id) => FindById("staff", id, PgDocuments.Staff);

    public StandbyAssistant AddStaff(StandbyAssistant assistant)
    {
        InTransaction(w => InsertStaff(w, assistant));
        return assistant;
    }

    public void AddStaffMembers(IReadOnlyList<StandbyAssistant> assistants) => InTransaction(w =>
    {
        foreach (StandbyAssistant assistant in assistants)
        {
            InsertStaff(w, assistant);
        }
    });

    public void UpdateStaff(StandbyAssistant assistant) => InTransaction(w =>
        UpdateDocument(w, "staff", assistant.Id, assistant.Revision, PgDocuments.Write(assistant, PgDocuments.Staff), expectedRevision: null));

    public bool TryUpdateStaff(StandbyAssistant assistant, int expectedRevision) =>
        TryUpdate(assistant, expectedRevision, a => a.Revision, (a, r) => a.Revision = r, (w, a) =>
            UpdateDocument(w, "staff", a.Id, a.Revision, PgDocuments.Write(a, PgDocuments.Staff), expectedRevision));

    public PoolSettings? LoadPoolSettings() =>
        ReadOne("SELECT doc::text FROM pool_settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.PoolSettings), ("id", PoolSettings.SingletonId));

    public void SavePoolSettings(PoolSettings settings) => InTransaction(w => w.Execute(
        "INSERT INTO pool_settings (id, doc) VALUES (@id, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
        ("id", settings.Id), ("doc", PgDocuments.Write(settings, PgDocuments.PoolSettings))));

    private static void InsertStaff(Writer w, StandbyAssistant assistant) =>
        InsertDocument(w, "staff", assistant.Id, id => assistant.Id = id, assistant.Revision, () => PgDocuments.Write(assistant, PgDocuments.Staff));

    /// <summary>Inserts a document whose id is assigned first, so the stored document carries it.</summary>
    private static void InsertDocument(Writer w, string table, long givenId, Action<long> setId, int revision, Func<string> document)
    {
        long id = w.NewId(table, givenId);
        setId(id);
        w.Execute($"INSERT INTO {table} (id, revision, doc) VALUES (@id, @revision, @doc::jsonb)", RevisedParameters(id, revision, document()));
    }

    /// <summary>The row of a document whose only columns are its id and revision.</summary>
    private static (string, object?)[] RevisedParameters(long id, int revision, string document) => [("id", id), ("revision", revision), ("doc", document)];

    /// <summary>Replaces a document; with <paramref name="expectedRevision"/> only while the stored one is still at it. Returns the rows changed.</summary>
    private static int UpdateDocument(Writer w, string table, long id, int revision, string document, int? expectedRevision) =>
        expectedRevision is { } expected
            ? w.Execute($"UPDATE {table} SET revision = @revision, doc = @doc::jsonb WHERE id = @id AND revision = @expected", ("id", id), ("revision", revision), ("doc", document), ("expected", expected))
            : w.Execute($"UPDATE {table} SET revision = @revision, doc = @doc::jsonb WHERE id = @id", ("id", id), ("revision", revision), ("doc", document));

    /// <summary>
    /// Saves <paramref name="updated"/> with its revision raised past <paramref name="expectedRevision"/>, in the one
    /// UPDATE that checks the stored revision; on refusal or failure the caller's object keeps the revision it had.
    /// </summary>
    private bool TryUpdate<T>(T updated, int expectedRevision, Func<T, int> revision, Action<T, int> setRevision, Func<Writer, T, int> update)
    {
        int before = revision(updated);
        setRevision(updated, expectedRevision + 1);
        try
        {
            if (InTransaction(w => update(w, updated) == 1))
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
