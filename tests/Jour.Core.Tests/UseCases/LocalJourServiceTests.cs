using System.Text.Json;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Handover;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.UseCases;

/// <summary>The one path every request takes: the catalog, who may send what, and what may run where.</summary>
public sealed class LocalJourServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 2, 10, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-pipeline-").FullName;
    private readonly LiteJourStore _store;
    private readonly JourUseCases _useCases;

    public LocalJourServiceTests()
    {
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "test-key", mayCreate: true);
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void EveryUseCase_HasAWireName_AndSourceGeneratedJsonForItsRequestAndAnswer()
    {
        Assert.Equal(UseCaseCatalog.All.Count, UseCaseCatalog.All.Select(u => u.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (UseCase useCase in UseCaseCatalog.All)
        {
            Assert.Same(useCase, UseCaseCatalog.Named(useCase.Name));
            Assert.Same(useCase, UseCaseCatalog.For(useCase.RequestType));
            Assert.Equal(useCase.RequestType, useCase.RequestJson.Type);
            Assert.Equal(useCase.AnswerType, useCase.AnswerJson.Type);
        }

        // The names sessions of earlier versions sent stay what they were.
        Assert.Equal("sign-in", UseCaseCatalog.For(typeof(SignInUser)).Name);
        Assert.Equal("open-cases", UseCaseCatalog.For(typeof(Core.Cases.GetOpenCases)).Name);
        Assert.Equal("hand-over", UseCaseCatalog.For(typeof(HandoverNotesRequest)).Name);
    }

    [Fact]
    public void ARequest_CrossesTheWireAsItsRecord()
    {
        UseCase useCase = UseCaseCatalog.For(typeof(ChangeOwnPin));
        var sent = new ChangeOwnPin("2580", "741963", "741963");
        JsonElement body = JsonSerializer.SerializeToElement(sent, useCase.RequestJson);
        Assert.Equal("741963", body.GetProperty("newPin").GetString());
        Assert.Equal(sent, body.Deserialize(useCase.RequestJson));
    }

    [Fact]
    public async Task StopServer_IsTheServersAccountsWithoutSignIn_OrAnAdminsAsStoredNow_AndNobodyElses()
    {
        var ct = TestContext.Current.CancellationToken;
        using var serverAccount = new LocalJourService(_useCases, isServerAccount: true);
        Assert.True(await serverAccount.SendAsync(new StopServer(), ct));

        using var stranger = new LocalJourService(_useCases);
        Assert.Equal(ErrorCodes.ShutdownNotPermitted, (await Assert.ThrowsAsync<JourException>(() => stranger.SendAsync(new StopServer(), ct))).Code);

        User officer = _store.LoadUsers().First(u => u.Roles == Role.OnCallOfficer);
        stranger.Session.SignedIn(new SessionInfo(officer.Id, officer.Name, officer.Roles, true));
        Assert.Equal(ErrorCodes.ShutdownNotPermitted, (await Assert.ThrowsAsync<JourException>(() => stranger.SendAsync(new StopServer(), ct))).Code);

        // Made an admin since signing in: the roles are read as stored now.
        officer.Roles |= Role.Admin;
        _store.SaveUser(officer);
        Assert.True(await stranger.SendAsync(new StopServer(), ct));
        Assert.True(UseCaseCatalog.For(typeof(StopServer)).Handling.HasFlag(Handling.StopsTheServer));
    }

    [Fact]
    public async Task ResetDemo_IsRefusedByThePipeline_OnADatabaseThatIsNotADemo_AndNothingIsTouched()
    {
        _store.Reset(isDemo: false);
        User admin = _store.AddUser(new User { Name = "Ada Admin", Roles = Role.Admin });
        using var session = new LocalJourService(_useCases);
        session.Session.SignedIn(new SessionInfo(admin.Id, admin.Name, admin.Roles, false));

        var refused = await Assert.ThrowsAsync<JourException>(() => session.SendAsync(new ResetDemo(), TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.NotADemo, refused.Code);
        Assert.False(_store.IsDemo);
        Assert.Equal(["Ada Admin"], _store.LoadUsers().Select(u => u.Name));
        Assert.Empty(_store.LoadOpenCases());
    }

    [Fact]
    public async Task AUserDisabledMidSession_IsRefusedAtTheNextRequest_AndARoleTakenAwayAtOnce()
    {
        User coordinator = _store.LoadUsers().First(u => u.Roles.HasFlag(Role.Coordinator) && !u.Roles.HasFlag(Role.Admin));
        using var service = new LocalJourService(_useCases);
        await service.SendAsync(new SignInUser(coordinator.Id, ""), TestContext.Current.CancellationToken);
        Assert.NotEmpty(await service.SendAsync(new Core.Cases.GetOpenCases(), TestContext.Current.CancellationToken));

        coordinator.Roles = Role.OnCallOfficer;
        _store.SaveUser(coordinator);
        var notAnymore = await Assert.ThrowsAsync<JourException>(() => service.SendAsync(new CheckDatabase(), TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.OperatorOnly, notAnymore.Code);

        coordinator.IsDisabled = true;
        _store.SaveUser(coordinator);
        var gone = await Assert.ThrowsAsync<JourException>(() => service.SendAsync(new Core.Cases.GetOpenCases(), TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.NotSignedIn, gone.Code);
    }

    [Fact]
    public async Task ASetUpCode_IsIssuedToTheServersAccountOnly()
    {
        using var other = new LocalJourService(_useCases);
        var refused = await Assert.ThrowsAsync<JourException>(() => other.SendAsync(new IssueSetUpCode(), TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.SetUpCodeNotPermitted, refused.Code);
    }
}
