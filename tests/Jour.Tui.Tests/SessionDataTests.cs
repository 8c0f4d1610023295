using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Jour.Tui.Shell;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Tui.Tests;

public sealed class SessionDataTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 40, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly LocalJourService _service;
    private readonly SessionData _data;

    public SessionDataTests()
    {
        DemoData.Seed(_store, _time);
        var useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _service = new LocalJourService(useCases);
        SessionInfo session = _service.SendAsync(new SignInUser(useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "")).Result;
        _data = new SessionData(_service, session);
        _data.LoadAsync(_time.GetUtcNow().UtcDateTime).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _data.Dispose();
        _service.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Patch_OfOneChangedCase_GivesTheSameBoardAsAFullReload()
    {
        CaseSummary received = _data.Cases.First(c => c.State == CaseState.Received);
        CaseSummary staffing = _data.Cases.First(c => c.State == CaseState.Staffing);

        CaseDetail assessed = await _service.SendAsync(new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision));
        _data.Patch(assessed.Summary);
        CaseDetail handedBack = await _service.SendAsync(new TransitionRequest(staffing.Id, CaseTrigger.HandBack, "", staffing.Revision, ClosingReason.ProviderResumed));
        _data.Patch(handedBack.Summary);
        CaseDetail closed = await _service.SendAsync(new TransitionRequest(staffing.Id, CaseTrigger.Close, "", handedBack.Summary.Revision));
        _data.Patch(closed.Summary);

        IReadOnlyList<CaseSummary> reloaded = await _service.SendAsync(new GetOpenCases());
        Assert.Equal(reloaded.Select(c => (c.Id, c.State, c.Revision)), _data.Cases.Select(c => (c.Id, c.State, c.Revision)));
        Assert.DoesNotContain(_data.Cases, c => c.Id == staffing.Id);
        Assert.Equal(reloaded.Count, _data.Status!.OpenCases);
    }
}
