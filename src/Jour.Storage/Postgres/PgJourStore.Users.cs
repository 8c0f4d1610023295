using Jour.Core.Drafts;
using Jour.Core.Users;

namespace Jour.Storage.Postgres;

// Users, their sign-in throttles, the one-time set-up code, and drafts.
public sealed partial class PgJourStore
{
    public IReadOnlyList<User> LoadUsers() => ReadAll("users", PgDocuments.User);

    public User? FindUser(long id) => FindById("users", id, PgDocuments.User);

    public User AddUser(User user)
    {
        InTransaction(w => w.Insert(PgTables.Users, user));
        return user;
    }

    public void SaveUser(User user) => Update(PgTables.Users, user);

    public SignInThrottle? FindSignInThrottle(long userId) =>
        ReadOne("SELECT doc::text FROM sign_in_throttles WHERE user_id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SignInThrottle), ("id", userId));

    public void SaveSignInThrottle(SignInThrottle throttle) => Upsert(PgTables.SignInThrottles, throttle);

    public void DeleteSignInThrottle(long userId) => InTransaction(w => w.Execute("DELETE FROM sign_in_throttles WHERE user_id = @id", ("id", userId)));

    public string? LoadSetUpCodeHash() => Read<string?>("SELECT set_up_code_hash FROM meta WHERE id = 'meta'", r => r.IsDBNull(0) ? null : r.GetString(0)).FirstOrDefault();

    public void SaveSetUpCodeHash(string? hash) => InTransaction(w => SetCodeHash(w, hash));

    public User AddFirstAdmin(User admin)
    {
        InTransaction(w =>
        {
            w.Insert(PgTables.Users, admin);
            SetCodeHash(w, null);
        });
        return admin;
    }

    private static void SetCodeHash(Writer w, string? hash) =>
        w.Execute("UPDATE meta SET set_up_code_hash = @hash WHERE id = 'meta'", ("hash", hash));

    public Draft? FindDraft(string id) =>
        ReadOne("SELECT doc::text FROM drafts WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.Draft), ("id", id));

    public void SaveDraft(Draft draft) => Upsert(PgTables.Drafts, draft);

    public void DeleteDraft(string id) => InTransaction(w => w.Execute("DELETE FROM drafts WHERE id = @id", ("id", id)));
}
