using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Users;

/// <summary>A user changes their own PIN, through the pipeline as a session does, on the real store.</summary>
public sealed class ChangeOwnPinTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 2, 10, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-own-pin-").FullName;
    private readonly LiteJourStore _store;
    private readonly JourUseCases _useCases;
    private readonly long _eva;

    public ChangeOwnPinTests()
    {
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "test-key", mayCreate: true);
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = 1_000 };
        SessionInfo admin = _useCases.SignIn(_useCases.GetInstallInfo().Users.Single(u => u.Name == "Demo Admin").Id, "");
        _eva = _useCases.AddUser(admin, new NewUserRequest("Eva Ström", "", Role.OnCallOfficer, "2580")).Id;
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheNewPin_SignsIn_AndTheOldOneNoLonger()
    {
        using LocalJourService eva = await SignedInAsync("2580");

        Assert.True(await eva.SendAsync(new ChangeOwnPin("2580", "741963", "741963"), TestContext.Current.CancellationToken));

        Assert.Equal(_eva, _useCases.SignIn(_eva, "741963").UserId);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ErrorCodes.SignInFailed, Assert.Throws<JourException>(() => _useCases.SignIn(_eva, "2580")).Code);
    }

    [Fact]
    public async Task NewPinsThatDiffer_OrAreTooShort_AreRefused_WithoutCostingAnAttempt()
    {
        using LocalJourService eva = await SignedInAsync("2580");

        Assert.Equal(ErrorCodes.NewPinsDiffer, (await Refused(eva, new ChangeOwnPin("2580", "741963", "741964"))).Code);
        Assert.Equal(ErrorCodes.PinTooShort, (await Refused(eva, new ChangeOwnPin("0000", "123", "123"))).Code);

        Assert.Null(_store.FindSignInThrottle(_eva)); // the wrong current PIN above was never compared
        Assert.Equal(_eva, _useCases.SignIn(_eva, "2580").UserId);
    }

    [Fact]
    public async Task AWrongCurrentPin_IsAFailedSignIn_FiveLockTheUser_AndNothingChanges()
    {
        using LocalJourService eva = await SignedInAsync("2580");

        for (int i = 0; i < 5; i++)
        {
            Task<bool> attempt = eva.SendAsync(new ChangeOwnPin("1111", "741963", "741963"), TestContext.Current.CancellationToken);
            while (!attempt.IsCompleted)
            {
                // After a failure the next attempt waits out the delay it earned (1, 2, 4, 8 s), on the clock.
                _time.Advance(TimeSpan.FromSeconds(1));
                await Task.Yield();
            }

            Assert.Equal(ErrorCodes.SignInFailed, (await Assert.ThrowsAsync<JourException>(() => attempt)).Code);
        }

        Assert.Equal(1, _store.FindSignInThrottle(_eva)!.Locks);
        Assert.Equal(ErrorCodes.SignInFailed, Assert.Throws<JourException>(() => _useCases.SignIn(_eva, "741963")).Code);
    }

    [Fact]
    public async Task NobodySignedIn_MayNotChangeAPin()
    {
        using var nobody = new LocalJourService(_useCases);
        Assert.Equal(ErrorCodes.NotSignedIn, (await Refused(nobody, new ChangeOwnPin("2580", "741963", "741963"))).Code);
    }

    private async Task<LocalJourService> SignedInAsync(string pin)
    {
        var service = new LocalJourService(_useCases);
        await service.SendAsync(new SignInUser(_eva, pin), TestContext.Current.CancellationToken);
        return service;
    }

    private static Task<JourException> Refused(LocalJourService service, ChangeOwnPin request) =>
        Assert.ThrowsAsync<JourException>(() => service.SendAsync(request, TestContext.Current.CancellationToken));
}
