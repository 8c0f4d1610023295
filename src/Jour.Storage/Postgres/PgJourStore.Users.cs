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
        InTransaction(w => InsertUser(w, user));
        return user;
    }

    public void SaveUser(User user) => InTransaction(w =>
        w.Execute("UPDATE users SET doc = @doc::jsonb WHERE id = @id", ("id", user.Id), ("doc", PgDocuments.Write(user, PgDocuments.User))));

    public SignInThrottle? FindSignInThrottle(long userId) =>
        ReadOne("SELECT doc::text FROM sign_in_throttles WHERE user_id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SignInThrottle), ("id", userId));

    public void SaveSignInThrottle(SignInThrottle throttle) => InTransaction(w => w.Execute(
        "INSERT INTO sign_in_throttles (user_id, doc) VALUES (@id, @doc::jsonb) ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc",
        ("id", throttle.Id), ("doc", PgDocuments.Write(throttle, PgDocuments.SignInThrottle))));

    public void DeleteSignInThrottle(long userId) => InTransaction(w => w.Execute("DELETE FROM sign_in_throttles WHERE user_id = @id", ("id", userId)));

    public string? LoadSetUpCodeHash() => Read<string?>("SELECT set_up_code_hash FROM meta WHERE id = 'meta'", r => r.IsDBNull(0) ? null : r.GetString(0)).FirstOrDefault();

    public void SaveSetUpCodeHash(string? hash) => InTransaction(w => SetCodeHash(w, hash));

    public User AddFirstAdmin(User admin)
    {
        InTransaction(w =>
        {
            InsertUser(w, admin);
            SetCodeHash(w, null);
        });
        return admin;
    }

    private static void InsertUser(Writer w, User user)
    {
        user.Id = w.NewId("users", user.Id);
        w.Execute("INSERT INTO users (id, doc) VALUES (@id, @doc::jsonb)", ("id", user.Id), ("doc", PgDocuments.Write(user, PgDocuments.User)));
    }

    private static void SetCodeHash(Writer w, string? hash) =>
        w.Execute("UPDATE meta SET set_up_code_hash = @hash WHERE id = 'meta'", ("hash", hash));

    public Draft? FindDraft(string id) =>
        ReadOne("SELECT doc::text FROM drafts WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.Draft), ("id", id));

    public void SaveDraft(Draft draft) => InTransaction(w => w.Execute(
        "INSERT INTO drafts (id, user_id, saved_utc, doc) VALUES (@id, @userId, @savedUtc, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, saved_utc = excluded.saved_utc, doc = excluded.doc",
        DraftParameters(draft)));

    private static (string, object?)[] DraftParameters(Draft d) =>
        [("id", d.Id), ("userId", d.UserId), ("savedUtc", d.SavedUtc), ("doc", PgDocuments.Write(d, PgDocuments.Draft))];

    public void DeleteDraft(string id) => InTransaction(w => w.Execute("DELETE FROM drafts WHERE id = @id", ("id", id)));
}
