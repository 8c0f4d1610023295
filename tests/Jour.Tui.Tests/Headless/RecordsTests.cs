using Jour.Core.Cases;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Journals (one series at a time, nothing deletable), emergency access with a reason, the access log
/// screen and the incidents screen, at 80x24 from the keyboard.
/// </summary>
public sealed class RecordsTests
{
    private const string LssText = "Samtal med god man";
    private const string SolText = "Anhörig informerad";

    [Fact]
    public async Task Journal_FromACase_ShowsOneSeriesAtATime_NeverMixed()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        await OpenJournalOfAStaffingCaseAsync(session);
        string lss = session.WaitFor("Journal LSS för", LssText, "RÄTTELSE av #", "Åtkomst: på ärende");
        Assert.DoesNotContain(SolText, lss, StringComparison.Ordinal);
        Assert.DoesNotContain("Journal SoL för", lss, StringComparison.Ordinal);

        session.Press(Key.Tab);
        string sol = session.WaitFor("Journal SoL för", SolText);
        Assert.DoesNotContain(LssText, sol, StringComparison.Ordinal);
        Assert.DoesNotContain("Nattpasset", sol, StringComparison.Ordinal);
        Assert.DoesNotContain("RÄTTELSE", sol, StringComparison.Ordinal);

        session.Press(Key.Tab);
        string back = session.WaitFor("Journal LSS för", LssText);
        Assert.DoesNotContain(SolText, back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_NoKeyDeletesAnEntry_ACorrectionIsANewEntry()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        CaseSummary staffing = await OpenJournalOfAStaffingCaseAsync(session);
        long clientId = (await session.Service.SendAsync(new GetCase(staffing.Id))).ClientId;
        var before = (await session.Service.SendAsync(new JournalRequest(clientId, JournalSeries.Lss, ""))).Entries;

        // Every key a user might try to delete with, on the selected entry; then Esc leaves and J returns.
        session.Press(Key.Delete, Key.Backspace, new Key('d'), new Key('x'), Key.D.WithCtrl, Key.K.WithCtrl, Key.X.WithCtrl);
        session.Press(Key.Esc);
        session.WaitFor("Tidslinje");
        session.Press(new Key('j'));
        session.WaitFor("Journal LSS för", LssText, "RÄTTELSE av #");
        var after = (await session.Service.SendAsync(new JournalRequest(clientId, JournalSeries.Lss, ""))).Entries;
        Assert.Equal(before.Select(e => (e.Id, e.Text)), after.Select(e => (e.Id, e.Text)));

        session.Press(new Key('n'));
        session.WaitFor("Ny anteckning (LSS):");
        session.Type("Brukaren sover, lugn natt");
        session.Press(Key.Enter);
        session.WaitFor("    Brukaren sover, lugn natt", "Tab Serie  N Ny");
        session.Press(new Key('r'));
        session.WaitFor("Rättelse av #");
        session.Type("Brukaren vaken 03:00, lugn igen");
        session.Press(Key.Enter);
        session.WaitFor("    Brukaren vaken 03:00", "Tab Serie  N Ny", "Brukaren sover, lugn natt");

        var last = (await session.Service.SendAsync(new JournalRequest(clientId, JournalSeries.Lss, ""))).Entries;
        Assert.Equal(before.Count + 2, last.Count);
        Assert.Equal(last[^2].Id, last[^1].CorrectsId);
        Assert.All(before, e => Assert.Contains(last, x => x.Id == e.Id && x.Text == e.Text));
    }

    [Fact]
    public async Task Journal_WithoutACase_AsksForAReason_TheEmergencyReadIsFirstInTheAccessLog()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        SessionInfo me = session.Shell!.Session.Session;

        // A colleague covers now, so the signed-in officer is on no case they have not touched.
        OfficerSummary colleague = (await session.Service.SendAsync(new GetOfficers())).First(o => o.Id != me.UserId);
        DateTime now = session.Time.GetUtcNow().UtcDateTime;
        await session.Service.SendAsync(new OverrideRequest(colleague.Id, now, now.AddHours(2), "läkarbesök"));
        CaseSummary target = (await session.Service.SendAsync(new GetOpenCases()))
            .Where(c => c.State == CaseState.Staffing)
            .First(c => session.Service.SendAsync(new GetCase(c.Id)).Result.Timeline.All(e => e.UserName != me.UserName));

        session.Press(Key.F5);
        session.WaitFor("Brukare");
        session.Press(new Key('/'));
        session.Type(target.ClientName);
        session.Press(Key.Enter);
        session.WaitFor("Filter: " + target.ClientName);
        session.Press(new Key('j'));
        string asked = session.WaitFor("Nödåtkomst – skäl", "Skriv skälet för att läsa");
        Assert.DoesNotContain(LssText, asked, StringComparison.Ordinal);

        session.Press(Key.Enter);
        session.WaitFor("Skriv en anledning.");
        session.Type("Brukaren ringde, ordinarie nås inte");
        session.Press(Key.Enter);
        session.WaitFor("NÖDÅTKOMST, skäl: Brukaren ringde, ordinarie nås inte", LssText);

        // The access log is MAS's and admins': the officer is refused, MAS sees the read first of all.
        session.Press(Key.L.WithAlt);
        session.WaitFor("Bara MAS/MAR och administratörer ser åtkomstloggen.");
        InstallInfo install = await session.Service.SendAsync(new GetInstallInfo());
        await session.Service.SendAsync(new SignInUser(install.Users.First(u => u.Name == "Lena Wikström").Id, ""));
        session.Press(new Key('r'));
        string log = session.WaitFor("Åtkomstlogg", "läsningar, 2 nödåtkomst", "Skäl: Brukaren ringde, ordinarie nås inte");
        string firstRow = log.Split('\n').First(l => l.StartsWith('▶'));
        Assert.Contains(me.UserName[..10], firstRow, StringComparison.Ordinal);
        Assert.Contains("NÖDÅTKOMST", firstRow, StringComparison.Ordinal);
        Assert.Contains("Journal LSS", firstRow, StringComparison.Ordinal);

        // Filter by user: only that officer's reads remain.
        session.Press(new Key('u'));
        session.Type(me.UserName);
        session.Press(Key.Enter);
        string mine = session.WaitFor("Användare: " + me.UserName);
        Assert.All(mine.Split('\n').Where(l => l.StartsWith('▶') || l.StartsWith("! ", StringComparison.Ordinal)), l => Assert.Contains(me.UserName[..10], l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Records_ListIncidentsAndComplaints_ANewIncidentNamingAnAssistantOffersToBlock()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.I.WithAlt);
        session.WaitFor("Avvikelser och klagomål", "2 avvikelser, 2 klagomål", "Risk för vårdskada", "Klagomål", "Synpunkt", "MAS underrättad");

        StaffSummary assistant = (await session.Service.SendAsync(new GetStaff())).First(s => !s.IsBlocked);
        session.Press(new Key('n'));
        session.WaitFor("Ny avvikelse", "Typ");
        session.Press(Key.CursorRight);
        session.WaitFor("Risk för vårdskada (lex Maria)", "till MAS (lex Maria)");
        session.Press(Key.Enter, Key.Enter, Key.Enter, Key.Enter);
        session.Type(assistant.Name);
        session.WaitFor("→ " + assistant.Name);
        session.Press(Key.Enter);
        session.Type("Lämnade brukaren ensam");
        session.Press(Key.S.WithCtrl);
        session.WaitFor("Spärra " + assistant.Name + "? Skäl (Esc: nej):");
        session.Press(Key.Enter);
        session.WaitFor("3 avvikelser", "Lämnade brukaren e", "Enter Öppna  N Avvikelse");

        // The newest is at the top, marked ! until MAS is told, and says so in words when selected.
        session.Press(Key.Home);
        session.WaitFor("INTE underrättad: till MAS (lex Maria)", "! ");
        Assert.True((await session.Service.SendAsync(new GetStaff())).Single(s => s.Id == assistant.Id).IsBlocked);
        IncidentData saved = (await session.Service.SendAsync(new GetIncidents())).First(i => i.Description == "Lämnade brukaren ensam");
        Assert.Equal(Core.Incidents.IncidentKind.CareInjuryRisk, saved.Kind);
        Assert.Equal(assistant.Id, saved.AssistantId);
        Assert.False(saved.MasNotified);
    }

    /// <summary>From the board, the first case in Bemannas, then J: its client's journal (LSS first).</summary>
    private static async Task<CaseSummary> OpenJournalOfAStaffingCaseAsync(HeadlessSession session)
    {
        session.WaitFor("Öppna ärenden");
        CaseSummary staffing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Staffing);
        session.Press(new Key('/'));
        session.Type(staffing.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('j'));
        session.WaitFor("Journal LSS för", LssText);
        return staffing;
    }
}
