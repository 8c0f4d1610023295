using Jour.Core.Cases;
using Jour.Core.UseCases;
using Jour.Tui.Cases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The points an officer at 03:00 hit (issue 18), each as it was met at 80x24.</summary>
public sealed class OfficerAtNightTests
{
    [Fact]
    public async Task ANoteLeftWithEsc_IsThereAgainAtN_AndGoneOnceSaved()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.Enter);
        session.WaitFor("Tidslinje");

        session.Press(new Key('n'));
        session.Type("Ringde god man, svarar inte");
        session.Press(Key.Esc);
        Assert.DoesNotContain("Ringde god man", session.Screen, StringComparison.Ordinal);

        session.Press(new Key('n'));
        session.WaitFor("Anteckning till tidslinjen: Ringde god man, svarar inte_");
        session.Press(Key.Enter);
        session.WaitUntilGone("Anteckning till tidslinjen:");
        session.Press(new Key('n'));
        string empty = session.WaitFor("Anteckning till tidslinjen: _");
        Assert.DoesNotContain("Ringde god man, svarar inte_", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBoard_StateFilterIsClearedByEscAndByReopening_AndAgesAreCompact()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        string board = session.WaitFor("Öppna ärenden");
        Assert.DoesNotContain("sedan", board, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}:\d{2} \d+ (min|tim)|\d+/\d+ \d+ dygn", board);

        session.Press(Key.Tab);
        session.WaitFor("Läge: Mottaget");
        session.Press(Key.Esc);
        Assert.DoesNotContain("Läge:", session.Screen, StringComparison.Ordinal);

        session.Press(Key.Tab, Key.Tab);
        session.WaitFor("Läge: Utreds");
        session.Press(Key.F3);
        session.Press(Key.F2);
        string again = session.WaitFor("Öppna ärenden");
        Assert.DoesNotContain("Läge:", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimelineEntry_IsSelected_AndReadInFull()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary first = (await session.Service.SendAsync(new GetOpenCases()))[0];
        string longNote = "Ringde Kalle Nattsson: Gustav och Ali kan båda ta natten, men Ali måste gå 05:30 för att hinna till sitt dagpass; Gustav tar då över ensam";
        await session.Service.SendAsync(new NoteRequest(first.Id, longNote));

        session.Press(Key.Home, Key.Enter);
        string detail = session.WaitFor("Tidslinje", "Ringde Kalle Nattsson");
        Assert.DoesNotContain("tar då över ensam", detail, StringComparison.Ordinal); // cut on the line at 80 columns

        session.Press(Key.Enter); // the newest entry is selected
        Assert.IsType<TimelineEntryScreen>(session.Shell!.CurrentScreen);
        string entry = session.WaitFor("Vem:", "tar då över ensam");
        Assert.Contains("Gustav och Ali", entry, StringComparison.Ordinal);
        session.Press(Key.Esc);

        session.Press(Key.CursorDown, Key.Enter);
        string older = session.WaitFor("Vem:");
        Assert.DoesNotContain("Ringde Kalle Nattsson", older, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListLongerThanTheScreen_SaysWhereItIs_WithoutWritingOverAHeader()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F4);
        string staff = session.WaitFor("Beredskapspersonal");
        string[] lines = staff.Split('\n');
        string header = lines.First(l => l.Contains("Namn", StringComparison.Ordinal) && l.Contains("Telefon", StringComparison.Ordinal));
        Assert.Contains("Kompetenser", header, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+/\d+", header);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l.TrimEnd(), @"↓ 1/\d+$"));
    }

    [Fact]
    public async Task HandoverNotes_TakeSeveralLines_AndTheIncomingOfficerIsToldAtSignIn()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F7);
        session.WaitFor("ÖVERLÄMNING");
        session.Press(new Key('n'));
        session.WaitFor("Enter ny rad");
        session.Type("Ring god man före 09.");
        session.Press(Key.Enter);
        session.Type("Andra raden här.");
        string typing = session.WaitFor("Andra raden här._");
        Assert.DoesNotContain("09.Andra", typing, StringComparison.Ordinal);
        session.Press(Key.S.WithCtrl);
        session.WaitFor("kvitterar efter inloggning");

        Core.Handover.HandoverRecordData handover = (await session.Service.SendAsync(new Core.Handover.GetHandovers()))[0];
        Assert.Equal("Ring god man före 09.\nAndra raden här.", handover.Notes);

        // The incoming officer signs in: the status bar says at once that a handover waits, with whose.
        await session.SwitchUserAsync(handover.IncomingName!);
        session.WaitFor("Inloggad: " + handover.IncomingName, $"Överlämning från {handover.OutgoingName}", "väntar på din kvittens");
    }
}
