using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Handover;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

public sealed class HandoverUseCaseTests : IDisposable
{
    // 06:20 UTC is 07:20 in Stockholm: twenty minutes after the 07:00 change, the rota's current officer
    // is already the day officer, while the handover being written is the night's.
    private static readonly DateTime s_justAfterTheChange = new(2026, 11, 23, 6, 20, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_justAfterTheChange));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public HandoverUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void TheIncomingOfficer_CannotHandOverToHerself_TheOutgoingCan_AndSheAcknowledges()
    {
        OnCallAt now = _useCases.GetOnCallAt(s_justAfterTheChange);
        OnCallAt night = _useCases.GetOnCallAt(s_justAfterTheChange.AddHours(-2));
        long incomingId = now.Current!.OfficerId;
        long outgoingId = night.Current!.OfficerId;
        Assert.NotEqual(incomingId, outgoingId);
        SessionInfo incoming = _useCases.SignIn(incomingId, "");
        SessionInfo outgoing = _useCases.SignIn(outgoingId, "");

        int stored = _store.LoadHandovers(1000).Count;

        var refused = Assert.Throws<JourException>(() => _useCases.HandOver(incoming, new HandoverNotesRequest("Natten var lugn")));
        Assert.Equal(ErrorCodes.HandoverToSelf, refused.Code);
        Assert.Equal([outgoing.UserName], refused.Args);
        Assert.Equal(stored, _store.LoadHandovers(1000).Count);

        HandoverRecordData handed = _useCases.HandOver(outgoing, new HandoverNotesRequest("Natten var lugn"));
        HandoverRecordData acknowledged = _useCases.AcknowledgeHandover(incoming, handed.Id);
        Assert.NotNull(acknowledged.AcknowledgedUtc);
    }
}
