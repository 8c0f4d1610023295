using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>Sign-in throttling and locking, the PIN asked again, and managing users, on the real store.</summary>
public sealed class SecurityUseCaseTests : IDisposable
{
    private const int TestIterations = 1_000;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-security-").FullName;
    private LiteJourStore _store;
    private JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public SecurityUseCaseTests()
    {
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "test-key", mayCreate: true);
        DemoData.Seed(_store, _time);
        _useCases = NewUseCases();
        _admin = SignInAs("Demo Admin");
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void FiveWrongPins_Lock_TheRightPinIsThenRefusedToo_UntilTheLockEnds()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "0000")));
        }

        Assert.Equal(eva.Id, _useCases.SignIn(eva.Id, "2580").UserId); // four failures do not lock

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "9999")));
        }

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
        Assert.True(_useCases.GetUsers(_admin).Single(u => u.Id == eva.Id).IsLocked);

        _time.Advance(SignInPolicy.FirstLock - TimeSpan.FromSeconds(1));
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(eva.Id, _useCases.SignIn(eva.Id, "2580").UserId);
        Assert.False(_useCases.GetUsers(_admin).Single(u => u.Id == eva.Id).IsLocked);
    }

    [Fact]
    public void TheLock_SurvivesARestartOfTheServer()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.SignIn(eva.Id, "1111"));
        }

        _store.Dispose();
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "test-key", mayCreate: true);
        _useCases = NewUseCases();

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
    }

    [Fact]
    public void FailuresBeforeARestart_StillCount_AfterIt()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        for (int i = 0; i < 3; i++)
        {
            Refused(() => _useCases.SignIn(eva.Id, "1111"));
        }

        _store.Dispose();
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "test-key", mayCreate: true);
        _useCases = NewUseCases();
        Refused(() => _useCases.SignIn(eva.Id, "1111"));
        Refused(() => _useCases.SignIn(eva.Id, "1111"));

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
    }

    [Fact]
    public void UnknownDisabledLockedAndWrong_AreRefusedAlike()
    {
        UserSummary locked = AddUser("Eva Ström", "2580");
        UserSummary disabled = AddUser("Olle Dahl", "2580");
        UserSummary wrong = AddUser("Pia Sund", "2580");
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.SignIn(locked.Id, "1111"));
        }

        _useCases.UpdateUser(_admin, new UserUpdate(disabled.Id, disabled.Roles, IsDisabled: true));

        var refusals = new[]
        {
            Assert.Throws<JourException>(() => _useCases.SignIn(99_999, "2580")),
            Assert.Throws<JourException>(() => _useCases.SignIn(disabled.Id, "2580")),
            Assert.Throws<JourException>(() => _useCases.SignIn(locked.Id, "2580")),
            Assert.Throws<JourException>(() => _useCases.SignIn(wrong.Id, "1111")),
        };

        Assert.All(refusals, ex =>
        {
            Assert.Equal(ErrorCodes.SignInFailed, ex.Code);
            Assert.Empty(ex.Args);
        });
        Assert.DoesNotContain(disabled.Id, _useCases.GetInstallInfo().Users.Select(u => u.Id));
    }

    [Fact]
    public void TheAnswerToAFailure_WaitsLongerEachTime_OnTheServersClock()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        using var service = new LocalJourService(_useCases);
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 4; i++)
        {
            Task<SessionInfo> attempt = service.SendAsync(new SignInUser(eva.Id, "0000"), TestContext.Current.CancellationToken);
            Assert.False(attempt.IsCompleted);
            TimeSpan waited = TimeSpan.Zero;
            while (!attempt.IsCompleted && waited < TimeSpan.FromSeconds(30))
            {
                _time.Advance(TimeSpan.FromMilliseconds(500));
                waited += TimeSpan.FromMilliseconds(500);
                Thread.Sleep(5);
            }

            Assert.Equal(ErrorCodes.SignInFailed, Assert.Throws<JourException>(() => attempt.GetAwaiter().GetResult()).Code);
            waits.Add(waited);
        }

        Assert.Equal([1, 2, 4, 8], waits.Select(w => (int)Math.Round(w.TotalSeconds)));
    }

    [Fact]
    public async Task TwelveWrongPinsAtOnce_GetExactlyFiveTries_ThenTheUserIsLocked()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        DateTime start = _time.GetUtcNow().UtcDateTime;
        using var ready = new Barrier(12);

        // Twelve connections, each on its own thread, all sending a wrong PIN at the same moment.
        Task<Task<SessionInfo>>[] sending =
        [
            .. Enumerable.Range(0, 12).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    var service = new LocalJourService(_useCases);
                    ready.SignalAndWait(TestContext.Current.CancellationToken);
                    return service.SendAsync(new SignInUser(eva.Id, "0000"), TestContext.Current.CancellationToken);
                },
                TestContext.Current.CancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)),
        ];
        Task<SessionInfo>[] attempts = await Task.WhenAll(sending);

        // Five tries were counted, the fifth (at 0 + 1 + 2 + 4 + 8 s) locking; the other seven found the lock.
        SignInThrottle throttle = _store.FindSignInThrottle(eva.Id)!;
        Assert.Equal(1, throttle.Locks);
        Assert.Equal(0, throttle.Failures);
        Assert.Equal(start + TimeSpan.FromSeconds(15) + SignInPolicy.FirstLock, throttle.LockedUntilUtc);

        for (int i = 0; i < 200 && !attempts.All(a => a.IsCompleted); i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.All(attempts, a => Assert.Equal(ErrorCodes.SignInFailed, Assert.Throws<JourException>(() => a.GetAwaiter().GetResult()).Code));
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
        Assert.True(_useCases.GetUsers(_admin).Single(u => u.Id == eva.Id).IsLocked);
    }

    [Fact]
    public async Task TheDelayBelongsToTheUser_ANewConnectionWaitsItOutToo()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        using var first = new LocalJourService(_useCases);
        using var second = new LocalJourService(_useCases);

        Task<SessionInfo> failed = first.SendAsync(new SignInUser(eva.Id, "0000"), TestContext.Current.CancellationToken);
        Task<SessionInfo> next = second.SendAsync(new SignInUser(eva.Id, "2580"), TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted); // the right PIN on a fresh connection still waits for the user's turn

        _time.Advance(TimeSpan.FromMilliseconds(900));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(eva.Id, (await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).UserId);
        await Assert.ThrowsAsync<JourException>(() => failed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Null(_store.FindSignInThrottle(eva.Id)); // the success cleared the count
    }

    [Fact]
    public void EachFurtherLock_LastsTwiceAsLong()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.SignIn(eva.Id, "1111"));
        }

        _time.Advance(SignInPolicy.FirstLock);
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.SignIn(eva.Id, "1111"));
        }

        _time.Advance(SignInPolicy.FirstLock);
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
        _time.Advance(SignInPolicy.FirstLock);
        Assert.Equal(eva.Id, _useCases.SignIn(eva.Id, "2580").UserId);
    }

    [Fact]
    public void ResetPin_LiftsTheLock_AndTheOldPinNoLongerWorks()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.SignIn(eva.Id, "1111"));
        }

        _useCases.ResetPin(_admin, new PinReset(eva.Id, "369258"));

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(eva.Id, "2580")));
        Assert.Equal(eva.Id, _useCases.SignIn(eva.Id, "369258").UserId);
    }

    [Fact]
    public void OnlyAnAdmin_ManagesUsers()
    {
        SessionInfo officer = SignInAs("Anna Lindqvist");

        Assert.Equal(ErrorCodes.UsersNotPermitted, Refused(() => _useCases.Send(officer, new GetUsers())));
        Assert.Equal(ErrorCodes.UsersNotPermitted, Refused(() => _useCases.Send(officer, new NewUserRequest("Ny", "", Role.Admin, "1234"))));
        Assert.Equal(ErrorCodes.UsersNotPermitted, Refused(() => _useCases.Send(officer, new PinReset(officer.UserId, "1234"))));
        Assert.Equal(ErrorCodes.UsersNotPermitted, Refused(() => _useCases.Send(officer, new UserUpdate(officer.UserId, Role.Admin, false))));
    }

    [Fact]
    public void AddUser_ChecksName_Roles_AndPin()
    {
        AddUser("Eva Ström", "2580");

        Assert.Equal(ErrorCodes.UserNameTaken, Refused(() => _useCases.AddUser(_admin, new NewUserRequest("eva ström", "", Role.OnCallOfficer, "2580"))));
        Assert.Equal(ErrorCodes.NameRequired, Refused(() => _useCases.AddUser(_admin, new NewUserRequest("  ", "", Role.OnCallOfficer, "2580"))));
        Assert.Equal(ErrorCodes.RolesRequired, Refused(() => _useCases.AddUser(_admin, new NewUserRequest("Olle", "", Role.None, "2580"))));
        Assert.Equal(ErrorCodes.PinTooShort, Refused(() => _useCases.AddUser(_admin, new NewUserRequest("Olle", "", Role.OnCallOfficer, "123"))));
        Assert.Equal(ErrorCodes.PinTooShort, Refused(() => _useCases.AddUser(_admin, new NewUserRequest("Olle", "", Role.OnCallOfficer, "abc123"))));
        UserSummary olle = _useCases.AddUser(_admin, new NewUserRequest("Olle Dahl", "070-1", Role.OnCallOfficer | Role.Coordinator, "lösenord1"));

        Assert.True(olle.HasPin);
        Assert.Equal(Role.OnCallOfficer | Role.Coordinator, olle.Roles);
        Assert.Equal(olle.Id, _useCases.SignIn(olle.Id, "lösenord1").UserId);
        Assert.StartsWith($"pbkdf2-sha256${TestIterations}$", _store.LoadUsers().Single(u => u.Id == olle.Id).PinHash, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLastAdmin_CannotBeRemoved_NorCanAnAdminDisableThemself()
    {
        long adminId = _admin.UserId;

        Assert.Equal(ErrorCodes.DisableSelf, Refused(() => _useCases.UpdateUser(_admin, new UserUpdate(adminId, Role.Admin, IsDisabled: true))));
        Assert.Equal(ErrorCodes.LastAdmin, Refused(() => _useCases.UpdateUser(_admin, new UserUpdate(adminId, Role.OnCallOfficer, false))));

        UserSummary second = AddUser("Eva Ström", "2580", Role.Admin);
        UserSummary changed = _useCases.UpdateUser(_admin, new UserUpdate(adminId, Role.OnCallOfficer, false));
        Assert.Equal(Role.OnCallOfficer, changed.Roles);

        // The first admin lost the role at once, whatever the session was signed in with.
        Assert.Equal(ErrorCodes.UsersNotPermitted, Refused(() => _useCases.Send(_admin, new GetUsers())));
        SessionInfo eva = _useCases.SignIn(second.Id, "2580");
        Assert.Equal(ErrorCodes.DisableSelf, Refused(() => _useCases.UpdateUser(eva, new UserUpdate(second.Id, Role.Admin, true))));
    }

    [Fact]
    public void ConfirmPin_UnlocksForTheSameUserOrAnAdmin_QuitsOnlyForAnAdmin()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        UserSummary boss = AddUser("Bo Chef", "7410", Role.Admin);
        UserSummary other = AddUser("Olle Dahl", "3690");
        SessionInfo session = _useCases.SignIn(eva.Id, "2580");

        Assert.True(_useCases.ConfirmPin(session, new PinCheck(eva.Id, "2580", PinPurpose.Unlock)));
        Assert.True(_useCases.ConfirmPin(session, new PinCheck(boss.Id, "7410", PinPurpose.Unlock)));
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.ConfirmPin(session, new PinCheck(other.Id, "3690", PinPurpose.Unlock))));
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.ConfirmPin(session, new PinCheck(eva.Id, "0000", PinPurpose.Unlock))));

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.ConfirmPin(session, new PinCheck(eva.Id, "2580", PinPurpose.Quit))));
        Assert.True(_useCases.ConfirmPin(session, new PinCheck(boss.Id, "7410", PinPurpose.Quit)));
        Assert.True(_useCases.ConfirmPin(null, new PinCheck(boss.Id, "7410", PinPurpose.Quit)));
        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.ConfirmPin(null, new PinCheck(eva.Id, "2580", PinPurpose.Unlock))));
    }

    [Fact]
    public void WrongPinsAtTheLockScreen_CountTowardsTheLock()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        SessionInfo session = _useCases.SignIn(eva.Id, "2580");
        for (int i = 0; i < 5; i++)
        {
            Refused(() => _useCases.ConfirmPin(session, new PinCheck(eva.Id, "1111", PinPurpose.Unlock)));
        }

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.ConfirmPin(session, new PinCheck(eva.Id, "2580", PinPurpose.Unlock))));
    }

    [Fact]
    public void AHashWithFewerIterations_IsUpgradedAtTheNextSignIn()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        var stronger = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = TestIterations * 2 };

        stronger.SignIn(eva.Id, "2580");

        string hash = _store.LoadUsers().Single(u => u.Id == eva.Id).PinHash;
        Assert.Equal(TestIterations * 2, PinHasher.IterationsOf(hash));
        Assert.True(PinHasher.Verify("2580", hash));
    }

    [Fact]
    public void Production_HashesWithOwaspIterations()
    {
        var production = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);

        Assert.Equal(600_000, production.PinIterations);
    }

    [Fact]
    public void TheDemosPinUser_SignsInWithTheDocumentedPin_AndNotWithout()
    {
        long id = _useCases.GetInstallInfo().Users.Single(u => u.Name == DemoData.PinUserName).Id;
        Assert.True(_useCases.GetInstallInfo().Users.Single(u => u.Id == id).HasPin);

        Assert.Equal(ErrorCodes.SignInFailed, Refused(() => _useCases.SignIn(id, "")));
        Assert.Equal(id, _useCases.SignIn(id, DemoData.PinUserPin).UserId);
    }

    [Fact]
    public void GetUsers_ShowsRolesAndStates_NeverAHash()
    {
        UserSummary eva = AddUser("Eva Ström", "2580");
        _useCases.UpdateUser(_admin, new UserUpdate(eva.Id, Role.MedicalResponsible, IsDisabled: true));

        var users = _useCases.GetUsers(_admin);

        Assert.Equal(eva.Id, users[^1].Id); // disabled last
        Assert.True(users[^1].IsDisabled);
        Assert.Equal(Role.MedicalResponsible, users[^1].Roles);
        Assert.DoesNotContain(users, u => u.ToString().Contains("pbkdf2", StringComparison.Ordinal));
    }

    private JourUseCases NewUseCases() =>
        new(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = TestIterations };

    private UserSummary AddUser(string name, string pin, Role roles = Role.OnCallOfficer) =>
        _useCases.AddUser(_admin, new NewUserRequest(name, "", roles, pin));

    private SessionInfo SignInAs(string name) =>
        _useCases.SignIn(_useCases.GetInstallInfo().Users.Single(u => u.Name == name).Id, "");

    private static string Refused(Action call) => Assert.Throws<JourException>(call).Code;

    private static string Refused<T>(Func<T> call) => Assert.Throws<JourException>(() => call()).Code;
}
