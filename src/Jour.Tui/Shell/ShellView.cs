using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Tui.Cases;
using Jour.Tui.Registers;
using Jour.Tui.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Jour.Tui.Shell;

/// <summary>
/// The whole screen: a title line, the current screen, and the status bar (signed-in user, who
/// is on call, the clock, the keys that work here). Keys go to the prompt line, then the screen,
/// then the global bindings.
/// </summary>
public sealed partial class ShellView : View
{
    private const int TitleRows = 2;
    private const int StatusRows = 3;

    /// <summary>An unacknowledged handover older than this is shown in the status bar.</summary>
    public static readonly TimeSpan UnacknowledgedAfter = TimeSpan.FromMinutes(30);

    private readonly IApplication _app;
    private readonly TuiOptions _options;
    private readonly Dictionary<MainScreen, Stack<IScreen>> _stacks = [];
    private MainScreen _current = MainScreen.Cases;
    private (string Question, Action OnYes)? _question;
    private string _message = "";
    private bool _messageIsDone;
    private string _lastClock = "";

    public ShellView(IApplication app, SessionData data, TuiOptions options)
    {
        _app = app;
        _options = options;
        Session = data;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        foreach (MainScreen screen in Enum.GetValues<MainScreen>())
        {
            _stacks[screen] = new Stack<IScreen>([CreateMain(screen)]);
        }

        data.Updated += () => _app.Invoke(ReloadScreens);
        data.Failed += _ => _app.Invoke(SetNeedsDraw);
        data.Service.Changed += OnServerChanged;
    }

    public SessionData Session { get; }

    /// <summary>Exports to the installation's export directory (the follow-up and access-log screens); null: none.</summary>
    public IPaperExports? Exports => _options.Exports;

    public PromptLine Prompt { get; } = new();

    public DateTime UtcNow => _options.Time.GetUtcNow().UtcDateTime;

    /// <summary>Rows available to a screen at the current terminal size.</summary>
    public int ContentRows => Math.Max(1, Viewport.Height - TitleRows - StatusRows);

    public IScreen CurrentScreen => _stacks[_current].Peek();

    /// <summary>True once the user confirmed quitting.</summary>
    public bool QuitRequested { get; private set; }

    public event Action? QuitConfirmed;

    public void Push(IScreen screen)
    {
        _stacks[_current].Push(screen);
        SetNeedsDraw();
    }

    /// <summary>Leaves the current screen (after a form was saved), as Esc would.</summary>
    public void Pop()
    {
        if (_stacks[_current].Count > 1)
        {
            _stacks[_current].Pop();
        }

        SetNeedsDraw();
    }

    /// <summary>Replaces the current screen, e.g. the intake form with the case it opened.</summary>
    public void Replace(IScreen screen)
    {
        Pop();
        Push(screen);
    }

    /// <summary>Runs <paramref name="action"/> once on the UI thread after <paramref name="delay"/>.</summary>
    public void After(TimeSpan delay, Action action) =>
        _app.AddTimeout(delay, () =>
        {
            action();
            SetNeedsDraw();
            return false;
        });

    public void Show(MainScreen screen)
    {
        if (screen != _current && _stacks[screen].Count == 1 && _stacks[screen].Peek() is CaseBoardScreen board)
        {
            board.Reopened();
        }

        _current = screen;
        Prompt.Leave();
        SetNeedsDraw();
    }

    /// <summary>Runs a call off the UI thread and applies its result on it; a refusal is shown, never thrown.</summary>
    public void RunInBackground<T>(Func<Task<T>> call, Action<T> apply, Action<string>? onError = null)
    {
        int callNumber = Interlocked.Increment(ref _backgroundCalls);
        string screen = CurrentScreen.GetType().Name;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        LogBackgroundStarted(callNumber, screen);
        _ = Task.Run(async () =>
        {
            try
            {
                T result = await call();
                LogBackgroundAnswered(callNumber, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _app.Invoke(() =>
                {
                    if (Environment.CurrentManagedThreadId != _uiThread)
                    {
                        // Beside the loop, a screen's state and its redraw race with drawing (JourApp.OnUiThreadAsync).
                        LogAppliedOffTheUiThread(callNumber, screen);
                    }

                    apply(result);
                    SetNeedsDraw();
                    LogBackgroundApplied(callNumber, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                });
            }
            catch (JourException ex)
            {
                ShowError(ex.Localized, onError, databaseAway: ex.Code == ErrorCodes.StorageUnreachable);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ErrorReported?.Invoke(ex);
                ShowError(Messages.Format(ErrorCodes.Unexpected, []), onError, databaseAway: false);
            }
        });
    }

    private int _backgroundCalls;

    // The shell is made on the loop's thread; every answer is applied there.
    private readonly int _uiThread = Environment.CurrentManagedThreadId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background call {Call} from {Screen} was applied off the UI thread")]
    private partial void LogAppliedOffTheUiThread(int call, string screen);

    /// <summary>The session's log, for tracing background calls at Debug (screen type names and times only).</summary>
    public ILogger Log { get => _log; init => _log = value; }

    private readonly ILogger _log = NullLogger.Instance;

    /// <summary>A screen's own trace line at Debug: what happened, in ids and counts, never names or text.</summary>
    public void Trace(string what) => LogTrace(what);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{What}")]
    private partial void LogTrace(string what);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Background call {Call} from {Screen} started")]
    private partial void LogBackgroundStarted(int call, string screen);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Background call {Call} answered after {Milliseconds:0.0} ms")]
    private partial void LogBackgroundAnswered(int call, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Background call {Call} applied on the UI thread after {Milliseconds:0.0} ms")]
    private partial void LogBackgroundApplied(int call, double milliseconds);

    /// <summary>Unexpected errors, for the session's log (type and stack only).</summary>
    public event Action<Exception>? ErrorReported;

    /// <summary>Handles a key from the application; true when it was used.</summary>
    public bool HandleKey(Key key)
    {
        // The idle lock, Ctrl+L, Alt+X and kiosk quitting come first (ShellView.Security.cs).
        if (HandleSecurityKey(key))
        {
            SetNeedsDraw();
            return true;
        }

        _message = "";
        if (_question is { } asked)
        {
            // A question takes the next key, whatever it is: only j (or y) answers yes.
            char answer = char.ToLowerInvariant((char)key.AsRune.Value);
            _question = null;
            if (answer is 'j' or 'y')
            {
                asked.OnYes();
            }

            SetNeedsDraw();
            return true;
        }

        if (Prompt.HandleKey(key))
        {
            SetNeedsDraw();
            return true;
        }

        // One table for the whole screen: the screen's commands, then the global ones (GlobalCommands). On a
        // screen where letters are typed text, only keys with Ctrl, Alt or a function key are commands.
        bool typing = CurrentScreen.TypesText;
        if (CurrentScreen.Commands.Concat(GlobalCommands).FirstOrDefault(c => c.Run is not null && c.Keys.Any(k => k.Matches(key) && !(typing && k.IsPlain))) is { } command)
        {
            if (command.WhyNot?.Invoke() is { } why)
            {
                ShowMessage(why);
            }
            else
            {
                command.Run!();
            }

            SetNeedsDraw();
            return true;
        }

        if (CurrentScreen.HandleKey(key))
        {
            SetNeedsDraw();
            return true;
        }

        if (key == Key.Esc)
        {
            // Back one level; at the bottom of a stack Esc does nothing, and never quits.
            if (_stacks[_current].Count > 1)
            {
                _stacks[_current].Pop();
            }

            SetNeedsDraw();
            return true;
        }

        // Ctrl+C and everything else unbound are swallowed rather than reaching the terminal.
        return key.IsCtrl;
    }

    /// <summary>Redraws when the minute changes, not every second: every byte counts over a slow SSH link.</summary>
    public void Tick()
    {
        LockWhenIdle();
        string clock = SwedishTime.FormatClock(UtcNow);
        if (clock != _lastClock)
        {
            _lastClock = clock;
            SetNeedsDraw();
        }
    }

    // Every cell is drawn through a canvas, which blanks what a screen leaves empty (Canvas.BlankUnwritten):
    // clearing the whole view first as well would write every cell twice per frame.
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var canvas = new Canvas(this, _options.Ascii, Viewport.Width, Viewport.Height);
        if (IsLocked)
        {
            // Nothing of the session is drawn: no screen, no message, no prompt text.
            DrawLocked(canvas);
            canvas.BlankUnwritten();
            return true;
        }

        DrawTitle(canvas);
        StartupTrace.Mark("draw");
        var content = new Canvas(this, _options.Ascii, Viewport.Width, ContentRows, originRow: TitleRows);
        CurrentScreen.Draw(content);
        content.BlankUnwritten();
        DrawStatus(canvas);
        canvas.BlankUnwritten(0, TitleRows);
        canvas.BlankUnwritten(TitleRows + ContentRows);
        return true;
    }

    private void DrawTitle(Canvas canvas)
    {
        string left = $" {UiText.App_Title} {canvas.Bar} {CurrentScreen.Title}";
        string demo = Session.Session.IsDemo ? $"*** {UiText.Demo_Banner} ***" : "";
        canvas.Line(0, left);
        if (demo.Length > 0)
        {
            int room = canvas.Width - left.Length - 1;
            string shown = room >= demo.Length ? demo : $"*** {UiText.Demo_Marker} ***";
            canvas.Text(Math.Max(left.Length + 1, canvas.Width - shown.Length), 0, shown);
        }

        canvas.Line(1, canvas.Rule);
    }

    private void DrawStatus(Canvas canvas)
    {
        int row = canvas.Height - StatusRows;
        if (_message.Length > 0)
        {
            DrawMessage(canvas, row, (_messageIsDone ? canvas.Done : "!") + " " + _message, highlight: false);
        }
        else if (Prompt.IsActive && Prompt.Error.Length > 0)
        {
            // The whole refusal above the prompt row, which keeps what was typed.
            DrawMessage(canvas, row, "! " + Prompt.Error, highlight: true);
        }
        else if (Session.IsOffline)
        {
            canvas.Line(row, "! " + UiText.Status_Offline);
        }
        else if (Session.Status?.DiskLow == true)
        {
            // Before the reserve is reached and writes are refused: someone can still free space in time.
            canvas.Line(row, "! " + UiText.Status_DiskLow, highlight: true);
        }
        else if (Session.Status?.GapFromUtc is { } gap)
        {
            // In words, not only in colour: nobody will answer the on-call line then.
            canvas.Line(row, "! " + Format.Text(UiText.Status_Gap, Format.When(gap, UtcNow)), highlight: true);
        }
        else if (Session.Session.Roles.HasFlag(Jour.Core.Users.Role.OnCallOfficer) && Session.UnseenSmsYes(UtcNow) is { Count: > 0 } yeses)
        {
            // A yes by SMS is a deployment now: the officer sees it at once, on every screen, until the case is opened.
            canvas.Line(row, "✉ " + Format.Text(UiText.Status_SmsYes, string.Join(", ", yeses.Select(c => c.Number))), highlight: true);
        }
        else if (Session.Status is { UnacknowledgedHandoverUtc: { } waiting, HandoverWaitsFor: { } incoming } mine && incoming == Session.Session.UserId)
        {
            // The incoming officer is told at once, from the first frame after signing in.
            canvas.Line(row, "! " + Format.Text(UiText.Status_HandoverForYou, mine.HandoverFrom ?? "?", Format.When(waiting, UtcNow)), highlight: true);
        }
        else if (Session.Status?.UnacknowledgedHandoverUtc is { } handover && UtcNow - handover >= UnacknowledgedAfter)
        {
            // Nobody has confirmed taking over: what the last shift knew may not have reached anyone.
            canvas.Line(row, "! " + Format.Text(UiText.Status_HandoverUnacknowledged, Format.When(handover, UtcNow)), highlight: true);
        }
        else if ((Session.Session.Roles & (Jour.Core.Users.Role.MedicalResponsible | Jour.Core.Users.Role.Coordinator)) != 0 && Session.Status?.OverdueMeasureIncidents is > 0 and int overdue)
        {
            // Seed 000: the operator must take the measures MAS points out; one past its day is MAS's and the coordinators' to chase.
            canvas.Line(row, Format.Text(UiText.Status_OverdueMeasures, overdue), highlight: true);
        }
        else if (Session.Status?.ContractExtensionDue is { } end)
        {
            // From two weeks before the contract's last day until a new end is entered (issue 8).
            string day = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            bool ended = end < Jour.Core.FollowUp.ReportPeriod.LocalDate(UtcNow);
            canvas.Line(row, Format.Text(ended ? UiText.Status_ContractEnded : UiText.Status_ContractExtension, day), highlight: true);
        }
        else if (Session.Status?.YearReportDue is { } year && (Session.Session.Roles & (Jour.Core.Users.Role.Finance | Jour.Core.Users.Role.Coordinator)) != 0)
        {
            // Seed 003: the year's verksamhetsberättelse with its statistics goes to the committee by 31 March.
            canvas.Line(row, Format.Text(UiText.Status_YearReport, year, IsoDate.Format(Jour.Core.FollowUp.YearReport.Deadline(year))), highlight: true);
        }
        else
        {
            canvas.Line(row, canvas.Rule);
        }

        DateTime now = UtcNow;
        StatusInfo? status = Session.Status;
        string onCall = status?.OnCallName is { } name
            ? (status.OnCallUntilUtc is { } until ? Format.Text(UiText.Status_OnCallUntil, name, Format.When(until, now)) : Format.Text(UiText.Status_OnCall, name))
            : UiText.Status_NoOnCall;
        if (status?.NextOnCallName is { } next && status.NextOnCallStartUtc is { } start && canvas.Width >= 100)
        {
            onCall += ", " + Format.Text(UiText.Status_Next, next, Format.When(start, now));
        }

        string clock = SwedishTime.FormatClock(now);
        string demo = Session.Session.IsDemo ? $"{canvas.Bar} {UiText.Demo_Marker} " : "";
        string left = $" {Format.Text(UiText.Status_User, Session.Session.UserName)} {canvas.Bar} {onCall} ";
        string right = $"{demo}{canvas.Bar} {clock} ";
        canvas.Line(row + 1, canvas.Fit(left, canvas.Width - right.Length) + right);

        if (_question is { } asked)
        {
            string line = $" {asked.Question} {UiText.Confirm_YesNo}";
            canvas.Line(row + 2, line.Length <= canvas.Width ? line : "…" + line[^(canvas.Width - 1)..], highlight: true);
        }
        else if (_lockPrompt.IsActive)
        {
            // The kiosk quit question (an admin's name and PIN).
            string error = _lockPrompt.Error.Length > 0 ? $"   ! {_lockPrompt.Error}" : "";
            canvas.Line(row + 2, $" {_lockPrompt.Label} {_lockPrompt.Shown}_{error}", highlight: true);
        }
        else if (Prompt.IsActive)
        {
            // While typing, the end of the line (the text and the cursor) must stay in view.
            string line = $" {Prompt.Label} {Prompt.Shown}_";
            canvas.Line(row + 2, line.Length <= canvas.Width ? line : "…" + line[^(canvas.Width - 1)..], highlight: true);
        }
        else
        {
            // Back only where there is somewhere to go back to; quitting after what the screen offers.
            IEnumerable<string> hints = CurrentScreen.KeyHints
                .Concat(_stacks[_current].Count > 1 ? [Global("global.back").HintText!] : [])
                .Append(Global("global.quit").HintText!);
            canvas.Line(row + 2, " " + HintLine.Fit(hints, Global("global.help").HintText!, canvas.Width - 1));
        }
    }

    /// <summary>A message on the row above the status line; a long one also takes the last content row.</summary>
    private static void DrawMessage(Canvas canvas, int row, string text, bool highlight)
    {
        if (text.Length <= canvas.Width)
        {
            canvas.Line(row, text, highlight);
            return;
        }

        int cut = text.LastIndexOf(' ', Math.Min(text.Length - 1, canvas.Width - 1));
        cut = cut <= 0 ? canvas.Width : cut;
        canvas.Line(row - 1, text[..cut], highlight);
        canvas.Line(row, "  " + text[cut..].TrimStart(), highlight);
    }

    private void ShowError(string message, Action<string>? onError, bool databaseAway) =>
        _app.Invoke(() =>
        {
            if (onError is not null)
            {
                onError(message);
            }
            else
            {
                _message = message;
                _messageIsDone = false;
                _databaseAwayMessage = databaseAway ? message : null;
            }

            SetNeedsDraw();
        });

    // "Databasen svarar inte – försöker igen" stands until the server says it reaches the database again: it tells
    // every session to reload everything then, and the sentence would be false from that moment.
    private string? _databaseAwayMessage;

    private void OnServerChanged(ChangeNotice notice)
    {
        Session.ApplyInBackground(notice, () => UtcNow);
        _app.Invoke(() =>
        {
            if (notice.Kind == ChangeKind.Everything && _databaseAwayMessage is { } away && ReferenceEquals(_message, away))
            {
                _message = "";
                _databaseAwayMessage = null;
                SetNeedsDraw();
            }

            foreach (Stack<IScreen> stack in _stacks.Values)
            {
                foreach (IScreen screen in stack)
                {
                    if (screen is CaseDetailScreen detail)
                    {
                        detail.OnChanged(notice);
                    }
                    else if (screen is Deployments.CandidatesScreen candidates)
                    {
                        candidates.OnChanged(notice);
                    }
                }
            }
        });
    }

    /// <summary>Every open screen shows the session's data afresh (after a refresh, or once the registers arrived).</summary>
    public void ReloadScreens()
    {
        foreach (Stack<IScreen> stack in _stacks.Values)
        {
            foreach (IScreen screen in stack)
            {
                if (screen is IReloadable reloadable)
                {
                    reloadable.Reload();
                }
            }
        }

        SetNeedsDraw();
    }

    /// <summary>The commands that work on every screen, in the order the help lists them.</summary>
    public IReadOnlyList<ScreenCommand> GlobalCommands => _globals ??=
    [
        ScreenCommand.Of("global.help", "F1,?", UiText.Help_F1_Text, UiText.Hint_Help, OpenHelp),
        ScreenCommand.Of("global.cases", "F2,Alt+A", UiText.Screen_Cases, null, () => Show(MainScreen.Cases)),
        ScreenCommand.Of("global.roster", "F3,Alt+S", UiText.Screen_Roster, null, () => Show(MainScreen.Roster)),
        ScreenCommand.Of("global.staff", "F4,Alt+P", UiText.Screen_Staff, null, () => Show(MainScreen.Staff)),
        ScreenCommand.Of("global.clients", "F5,Alt+B", UiText.Screen_Clients, null, () => Show(MainScreen.Clients)),
        ScreenCommand.Of("global.reports", "F6,Alt+R", UiText.Screen_Reports, null, () => Show(MainScreen.Reports)),
        ScreenCommand.Of("global.handover", "F7,Alt+O", UiText.Screen_Handover, null, () => Show(MainScreen.Handover)),
        ScreenCommand.Of("global.users", "F8,Alt+U", UiText.Help_Users_Text, null, () => Show(MainScreen.Users)),
        ScreenCommand.Of("global.access-log", "Alt+L", UiText.Screen_AccessLog, null, () => Show(MainScreen.AccessLog)),
        ScreenCommand.Of("global.records", "Alt+I", UiText.Screen_Records, null, () => Show(MainScreen.Records)),
        ScreenCommand.Of("global.own-pin", "Alt+K", UiText.Help_OwnPin_Text, null, () => Users.OwnPinPrompt.Open(this)),
        ScreenCommand.Handled("global.lock", "Ctrl+L", UiText.Help_Lock_Text),
        ScreenCommand.Handled("global.switch-user", "Alt+X", UiText.Help_Switch_Text),
        ScreenCommand.Of("global.quit", "Ctrl+Q,F10", UiText.Help_Quit_Text, UiText.Hint_Quit, AskQuit),
        ScreenCommand.Handled("global.back", "Esc", UiText.Help_Esc_Text, hint: UiText.Hint_Back),
    ];

    private IReadOnlyList<ScreenCommand>? _globals;

    private ScreenCommand Global(string name) => GlobalCommands.First(c => c.Name == name);

    private void OpenHelp()
    {
        if (CurrentScreen is not HelpScreen)
        {
            Push(new HelpScreen(CurrentScreen, GlobalCommands));
        }
    }

    private void AskQuit()
    {
        if (_options.Kiosk)
        {
            AskKioskQuit();
            return;
        }

        Confirm(UiText.Quit_Question, () =>
        {
            QuitRequested = true;
            QuitConfirmed?.Invoke();
        });
    }

    /// <summary>
    /// Asks a yes/no question on the prompt row (j/n); the next key answers it, and only j or y is yes. For what
    /// cannot be taken back (declining, withdrawing, blocking, cancelling): the question names what it applies to.
    /// </summary>
    public void Confirm(string question, Action onYes)
    {
        _question = (question, onYes);
        SetNeedsDraw();
    }

    private IScreen CreateMain(MainScreen screen) => screen switch
    {
        MainScreen.Cases => new CaseBoardScreen(this),
        MainScreen.Roster => new Roster.RosterScreen(this),
        MainScreen.Staff => RegisterScreens.Staff(this),
        MainScreen.Clients => RegisterScreens.Clients(this),
        MainScreen.Reports => new Reports.ReportsScreen(this),
        MainScreen.Users => new Users.UsersScreen(this),
        MainScreen.AccessLog => new Records.AccessLogScreen(this),
        MainScreen.Records => new Records.RecordsScreen(this),
        _ => new Handover.HandoverScreen(this),
    };
}
