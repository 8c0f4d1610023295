using Jour.Core.Users;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="IUserStore"/> does, whichever database is under it.</summary>
public abstract class UserStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : IUserStore
{
    [Fact]
    public void AUser_ReadsBackAsItWasWritten_SeveralRolesIncluded()
    {
        TStore store = Stores.Open();
        var written = new User { Name = "Karin Ek", Phone = "070-1", Roles = Role.Coordinator | Role.Admin, PinHash = "pbkdf2$1$abc", IsDisabled = false };

        User added = store.AddUser(written);

        Assert.True(added.Id > 0);
        User read = store.FindUser(added.Id)!;
        Assert.Equal(Whole(written), Whole(read));
        Assert.Equal(Role.Coordinator | Role.Admin, read.Roles);
        Assert.Equal(Whole(written), Whole(Assert.Single(store.LoadUsers())));
        Assert.Null(store.FindUser(added.Id + 1000));
    }

    [Fact]
    public void SaveUser_ReplacesTheStoredUser()
    {
        TStore store = Stores.Open();
        User u = store.AddUser(new User { Name = "Johan Berg", Roles = Role.OnCallOfficer });
        store.AddUser(new User { Name = "Annan", Roles = Role.None });

        u.Roles = Role.None;
        u.IsDisabled = true;
        u.PinHash = "ny";
        store.SaveUser(u);

        User read = store.FindUser(u.Id)!;
        Assert.Equal((Role.None, true, "ny"), (read.Roles, read.IsDisabled, read.PinHash));
        Assert.Equal(2, store.LoadUsers().Count);
    }

    [Fact]
    public void SignInThrottles_AreKeptPerUser_UntilDeleted()
    {
        TStore store = Stores.Open();
        Assert.Null(store.FindSignInThrottle(7));

        store.SaveSignInThrottle(new SignInThrottle { Id = 7, Failures = 1, LastFailureUtc = At(2026, 5, 1, 8) });
        store.SaveSignInThrottle(new SignInThrottle { Id = 7, Failures = 5, Locks = 1, LockedUntilUtc = At(2026, 5, 1, 9), LastFailureUtc = At(2026, 5, 1, 8, 30), NextAttemptUtc = At(2026, 5, 1, 8, 31) });
        store.SaveSignInThrottle(new SignInThrottle { Id = 8, Failures = 2 });

        SignInThrottle read = store.FindSignInThrottle(7)!;
        Assert.Equal((5, 1, At(2026, 5, 1, 9), At(2026, 5, 1, 8, 31)), (read.Failures, read.Locks, read.LockedUntilUtc, read.NextAttemptUtc));
        Assert.Equal(DateTimeKind.Utc, read.LockedUntilUtc.Kind);
        store.DeleteSignInThrottle(7);
        Assert.Null(store.FindSignInThrottle(7));
        Assert.Equal(2, store.FindSignInThrottle(8)!.Failures);
        store.DeleteSignInThrottle(7);
    }

    [Fact]
    public void TheSetUpCode_IsKeptUntilReplaced_AndTheFirstAdminForgetsIt()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LoadSetUpCodeHash());

        store.SaveSetUpCodeHash("h1");
        store.SaveSetUpCodeHash("h2");
        Assert.Equal("h2", store.LoadSetUpCodeHash());

        User admin = store.AddFirstAdmin(new User { Name = "Admin", Roles = Role.Admin });

        Assert.Null(store.LoadSetUpCodeHash());
        Assert.Equal(Role.Admin, store.FindUser(admin.Id)!.Roles);
        store.SaveSetUpCodeHash("h3");
        store.SaveSetUpCodeHash(null);
        Assert.Null(store.LoadSetUpCodeHash());
    }
}

public sealed class LiteUserStoreTests() : UserStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgUserStoreTests(PostgresCluster cluster) : UserStoreContract<PgJourStore>(new PgStores(cluster));
