using Jour.Core.Handover;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The handover screen (F7) at 80x24: the summary, writing notes and handing over, the status bar warning.</summary>
public sealed class HandoverTests
{
    [Fact]
    public async Task F7_ShowsTheSummary_NotesHandOver_AndAnUnacknowledgedHandoverReachesTheStatusBarAfter30Minutes()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F7);
        session.WaitFor("ÖVERLÄMNING", "1. ÄRENDEN SOM KRÄVER ÅTGÄRD NU", "N Lämna över");

        // Scrolling reaches the later sections.
        session.Press(Key.End);
        session.WaitFor("KVITTENS");

        session.Press(new Key('n'));
        session.WaitFor("Anteckningar", "^S Lämna över");
        session.Type("Ring Nils god man före 09");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Du lämnade över");

        IReadOnlyList<HandoverRecordData> stored = await session.Service.SendAsync(new GetHandovers());
        // The demo's previous shift change (acknowledged) and this one.
        Assert.Equal(2, stored.Count);
        Assert.NotNull(stored[1].AcknowledgedUtc);
        HandoverRecordData handover = stored[0];
        Assert.Equal("Ring Nils god man före 09", handover.Notes);
        Assert.Contains("Ring Nils god man före 09", handover.Text, StringComparison.Ordinal);
        Assert.Null(handover.AcknowledgedUtc);

        // K first shows what is acknowledged (the notes as handed over), then K there asks. The one who
        // handed over cannot acknowledge it.
        session.Press(new Key('k'));
        session.WaitFor("Ring Nils god man före 09", "K Kvittera");
        session.Press(new Key('k'));
        session.WaitFor("Kvittera överlämningen");
        session.Press(new Key('j'));
        session.WaitFor("den som tar över kvitterar");
        session.Press(Key.Esc);

        session.Press(Key.Home);
        Assert.DoesNotContain("inte kvitterad (F7)", session.Screen, StringComparison.Ordinal);
        session.Time.Advance(TimeSpan.FromMinutes(31));
        session.Shell!.Tick();
        // 31 minutes without a key lock the screen first (idle lock, 5 minutes); the demo user unlocks with an empty PIN.
        session.WaitFor("Skärmen är låst");
        session.Press(Key.Enter);
        session.WaitFor("inte kvitterad (F7)");

        // Past handovers are listed and readable.
        session.Press(new Key('h'));
        session.WaitFor("Tidigare överlämningar (2)", "EJ KVITTERAD");
        session.Press(Key.Enter);
        session.WaitFor("ÖVERLÄMNING", "EJ KVITTERAD");
    }
}
