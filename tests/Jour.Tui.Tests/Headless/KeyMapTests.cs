using System.Diagnostics;
using Jour.Tui.Cases;
using Jour.Tui.Deployments;
using Jour.Tui.Handover;
using Jour.Tui.Intake;
using Jour.Tui.Journals;
using Jour.Tui.Records;
using Jour.Tui.Registers;
using Jour.Tui.Reports;
using Jour.Tui.Roster;
using Jour.Tui.Shell;
using Jour.Tui.Users;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// One key map per screen (issue 18): walked as a user would, every screen's hint line and F1 help fit at
/// 80x24 and at 120x40 without a cut, the help reaches its last line, and no two commands share a key.
/// </summary>
[Collection(nameof(KeyMapCollection))]
public sealed class KeyMapTests
{
    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task EveryScreen_HelpAndHintLine_FitUncut_AndNoTwoCommandsShareAKey(int width, int height)
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(width, height);
        session.WaitFor("Öppna ärenden");
        var checkedScreens = new List<string>();
        void Check() => checkedScreens.Add(CheckScreen(session, width, height));

        Check();
        Open<CaseDetailScreen>(session, Key.Enter);
        session.WaitFor("Tidslinje");
        Check();
        foreach ((Key key, Type screen) in new (Key, Type)[]
        {
            (new Key('b'), typeof(CandidatesScreen)),
            (new Key('d'), typeof(DeploymentsScreen)),
            (new Key('v'), typeof(VerificationScreen)),
            (new Key('j'), typeof(JournalScreen)),
            (new Key('i'), typeof(IncidentFormScreen)),
        })
        {
            Open(session, key, screen);
            Check();
            Back(session);
        }

        Back(session);
        Open<NewCaseScreen>(session, new Key('n'));
        Check();
        Back(session);

        Open<RosterScreen>(session, Key.F3);
        Check();
        Open<OverrideFormScreen>(session, new Key('o'));
        Check();
        Back(session);

        Open<RegisterScreen<Core.Staff.StaffSummary>>(session, Key.F4);
        Check();
        Open<StaffFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Open<PoolWeekScreen>(session, new Key('v'));
        Check();
        Back(session);
        Open<ShortTermCare.ShortTermPlacesScreen>(session, new Key('k'));
        session.WaitFor("Björkgårdens");
        Check();
        Open<ShortTermCare.ShortTermUnitFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Back(session);

        Open<RegisterScreen<Core.Clients.ClientSummary>>(session, Key.F5);
        Check();
        Open<ClientFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Open<RegisterScreen<Core.Providers.ProviderData>>(session, new Key('a'));
        Check();
        Open<ProviderFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Back(session);

        Open<ReportsScreen>(session, Key.F6);
        Check();
        Open<SettingsFormScreen>(session, new Key('s'));
        Check();
        Back(session);

        Open<HandoverScreen>(session, Key.F7);
        session.WaitFor("ÖVERLÄMNING");
        Check();
        Open<HandoverNotesScreen>(session, new Key('n'));
        Check();
        Back(session);
        Open<RegisterScreen<Core.Handover.HandoverRecordData>>(session, new Key('h'));
        Check();
        Back(session);

        Open<UsersScreen>(session, Key.F8);
        Check();
        Open<AccessLogScreen>(session, Key.L.WithAlt);
        Check();
        Open<RecordsScreen>(session, Key.I.WithAlt);
        Check();
        Open<ComplaintFormScreen>(session, new Key('k'));
        Check();
        Back(session);
        session.Press(new Key('/'));
        session.Type("Risk för vårdskada");
        session.Press(Key.Enter);
        Open<IncidentMasScreen>(session, new Key('m'));
        Check();
        var mas = (IncidentMasScreen)session.Shell!.CurrentScreen;
        foreach (IScreen form in new IScreen[] { new MasAssessmentFormScreen(session.Shell, mas.Incident, _ => { }), new MeasureFormScreen(session.Shell, mas.Incident, _ => { }), new IvoInvestigationFormScreen(session.Shell, null) })
        {
            session.Shell.Push(form);
            Check();
            Back(session);
        }

        Back(session);

        // Hygiene self-checks are the coordinators'.
        await session.SwitchUserAsync("Karin Ek");
        Open<RegisterScreen<Core.Staff.StaffSummary>>(session, Key.F4);
        Open<HygieneScreen>(session, new Key('h'));
        Check();
        Open<HygieneCheckFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Back(session);

        // The contracts are finance's: read as finance signs in.
        await session.SwitchUserAsync("Per Andersson");
        Open<ReportsScreen>(session, Key.F6);
        Open<ContractsScreen>(session, new Key('a'));
        session.WaitFor("I kraft i dag");
        Check();
        Open<ContractFormScreen>(session, new Key('n'));
        Check();
        Back(session);
        Open<ContractExtendScreen>(session, new Key('f'));
        Check();
        Back(session);

        Assert.True(checkedScreens.Count >= 32, string.Join(", ", checkedScreens));
    }

    [Fact]
    public async Task AKeyFile_RebindsACommand_TheHintAndHelpFollow_AndABadKeyIsReportedNotFatal()
    {
        KeyMap before = KeyMap.Current;
        try
        {
            using HeadlessSession session = await HeadlessSession.StartAsync();
            session.WaitFor("Öppna ärenden");
            KeyMap.Current = KeyMap.Parse("""{ "board.new-case": "Ctrl+N", "board.open": "Hyper+Q" }""", "/tmp/keys.json");
            session.Shell!.Show(MainScreen.Roster);
            session.Shell.Show(MainScreen.Cases);

            // The board was built before the file was read: a new one reads it.
            session.Shell.Push(new CaseBoardScreen(session.Shell));
            string board = session.WaitFor("^N Nytt ärende", "Enter Öppna");
            Assert.DoesNotContain(" N Nytt ärende", board, StringComparison.Ordinal);
            session.Press(new Key('n'));
            Assert.IsNotType<NewCaseScreen>(session.Shell.CurrentScreen);
            session.Press(Key.N.WithCtrl);
            Assert.IsType<NewCaseScreen>(session.Shell.CurrentScreen);
            session.Press(Key.Esc);

            session.Press(Key.F1);
            session.Press(Key.End);
            session.WaitFor("Egna tangenter från /tmp/keys.json", "okänd tangent (Hyper+Q)");
        }
        finally
        {
            KeyMap.Current = before;
        }
    }

    [Fact]
    public void KeyChords_ReadAsWritten_AndALetterMatchesInEitherCase()
    {
        KeyChord n = KeyChord.Parse("N");
        Assert.True(n.Matches(new Key('n')));
        Assert.True(n.Matches(new Key('N')));
        Assert.False(n.Matches(Key.N.WithCtrl));
        Assert.Equal("^S", KeyChord.Parse("Ctrl+S").Label);
        Assert.True(KeyChord.Parse("Ctrl+S").Matches(Key.S.WithCtrl));
        Assert.True(KeyChord.Parse("Shift+Tab").Matches(Key.Tab.WithShift));
        Assert.False(KeyChord.Parse("Tab").Matches(Key.Tab.WithShift));
        Assert.True(KeyChord.Parse("Alt+K").Matches(Key.K.WithAlt));
        Assert.Equal("←", KeyChord.Parse("Left").Label);
        Assert.Null(KeyChord.TryParse("Ctrl+"));
        Assert.Null(KeyChord.TryParse("Hyper+Q"));
        Assert.Null(KeyChord.TryParse("NN"));
    }

    [Fact]
    public void TheHintLine_ShowsWholeHintsInPriorityOrder_AndAlwaysEndsWithHelp()
    {
        string line = HintLine.Fit(["Enter Öppna", "N Nytt ärende", "/ Filter", "Tab Läge", "^Q Avsluta"], "F1 Hjälp", 50);

        Assert.Equal("Enter Öppna  N Nytt ärende  / Filter  F1 Hjälp", line);
        Assert.Equal("Enter Öppna  / Filter  F1 Hjälp", HintLine.Fit(["Enter Öppna", "N Nytt ärende", "/ Filter"], "F1 Hjälp", 35));
        Assert.Equal("F1 Hjälp", HintLine.Fit(["En alldeles för lång ledtråd som aldrig får plats"], "F1 Hjälp", 20));
    }

    // The screen's commands and the global ones; a plain letter is not a command where letters are typed text.
    private static string CheckScreen(HeadlessSession session, int width, int height)
    {
        ShellView shell = session.Shell!;
        IScreen screen = shell.CurrentScreen;
        string name = screen.GetType().Name;
        var keys = screen.Commands.Concat(shell.GlobalCommands)
            .SelectMany(c => c.Keys.Where(k => !(screen.TypesText && k.IsPlain)).Select(k => (Key: k.Spec, c.Name)))
            .GroupBy(k => k.Key)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Name))}")
            .ToList();
        Assert.True(keys.Count == 0, $"{name} at {width}x{height}: keys shared by two commands: {string.Join("; ", keys)}");

        string[] lines = session.Screen.Split('\n');
        string hints = lines[height - 1].TrimEnd();
        Assert.True(hints.EndsWith("F1 Hjälp", StringComparison.Ordinal), $"{name} at {width}x{height}: hint line '{hints}'");
        Assert.DoesNotContain("…", hints, StringComparison.Ordinal);
        var known = screen.KeyHints.Concat(shell.GlobalCommands.Select(c => c.HintText).OfType<string>()).ToHashSet();
        foreach (string hint in hints.Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(known.Contains(hint.Trim()), $"{name} at {width}x{height}: '{hint}' is not a whole hint of the screen");
        }

        // F1: every line fits, and paging reaches the last global command.
        session.Press(Key.F1);
        Assert.IsType<HelpScreen>(shell.CurrentScreen);
        var seen = new List<string>();
        for (int page = 0; page < 20; page++)
        {
            string[] shown = session.Screen.Split('\n')[2..(height - 3)];
            seen.AddRange(shown);
            if (!shown.Any(l => l.Contains("↓ mer", StringComparison.Ordinal)))
            {
                break;
            }

            session.Press(Key.PageDown);
        }

        foreach (string line in seen)
        {
            Assert.False(line.TrimEnd().EndsWith('…'), $"{name} help at {width}x{height}: cut line '{line.TrimEnd()}'");
        }

        Assert.Contains(seen, l => l.Contains("Tillbaka / stäng dialog", StringComparison.Ordinal));
        foreach ((string key, string text) in screen.Help.Where(h => h.Text.Length > 0))
        {
            string start = text.Length > 20 ? text[..20] : text;
            Assert.True(seen.Any(l => l.Contains(start, StringComparison.Ordinal)), $"{name} help at {width}x{height}: '{text}' missing");
        }

        session.Press(Key.Esc);
        Assert.Same(screen, shell.CurrentScreen);
        return name;
    }

    private static void Open<T>(HeadlessSession session, Key key) => Open(session, key, typeof(T));

    private static void Open(HeadlessSession session, Key key, Type type)
    {
        session.Press(key);
        var clock = Stopwatch.StartNew();
        while (session.Shell!.CurrentScreen.GetType() != type && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(10);
            _ = session.Screen;
        }

        Assert.True(session.Shell.CurrentScreen.GetType() == type, $"{key} did not open {type.Name}:\n{session.Screen}");
    }

    private static void Back(HeadlessSession session)
    {
        // A prompt (the journal's reason) closes first.
        if (session.Shell!.Prompt.IsActive)
        {
            session.Press(Key.Esc);
        }

        session.Press(Key.Esc);
    }
}

/// <summary>The key map in force is one per process: the test that sets its own runs alone.</summary>
[CollectionDefinition(nameof(KeyMapCollection), DisableParallelization = true)]
public sealed class KeyMapCollection;
