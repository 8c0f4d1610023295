using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Cases;

/// <summary>The default screen: open cases by urgency then age, filterable with `/`.</summary>
public sealed class CaseBoardScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private static readonly CaseState?[] s_stateFilters =
    [
        null, CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement, CaseState.HandedBack,
    ];

    private readonly ListModel<CaseSummary> _list;
    private int _stateFilter;

    public CaseBoardScreen(ShellView shell)
    {
        _shell = shell;
        _list = new ListModel<CaseSummary>(SearchText);
        Reload();
    }

    public string Title => UiText.Screen_Cases;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("board.open", "Enter", UiText.Help_Board_Enter, UiText.Hint_Open, Open, () => _list.Current is null ? UiText.Board_NothingToOpen : null),
        ScreenCommand.Of("board.new-case", "N", UiText.Help_Board_New, UiText.Hint_NewCase, () => _shell.Push(new Intake.NewCaseScreen(_shell))),
        ScreenCommand.ListFilter(),
        ScreenCommand.Of("board.next-state", "Tab", UiText.Help_Board_States, UiText.Hint_States, () => StepStateFilter(1)),
        ScreenCommand.Of("board.previous-state", "Shift+Tab", UiText.Help_Board_StatesBack, null, () => StepStateFilter(-1)),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    /// <summary>The board is opened afresh (F2 from elsewhere): every state shows again.</summary>
    public void Reopened()
    {
        if (_stateFilter != 0)
        {
            _stateFilter = 0;
            Reload();
        }
    }

    public CaseState? StateFilter => s_stateFilters[_stateFilter];

    public ListModel<CaseSummary> List => _list;

    public void Reload() =>
        _list.SetRows([.. _shell.Session.Cases.Where(c => StateFilter is not { } s || c.State == s)], (a, b) => a.Id == b.Id);

    public void Draw(Canvas canvas)
    {
        DateTime now = _shell.UtcNow;
        string heading = Format.Text(UiText.Board_Title, _list.Visible.Count);
        if (StateFilter is { } shown)
        {
            heading += "   " + Format.Text(UiText.Board_State, Messages.Get("State_" + shown));
        }

        if (_list.Filter.Length > 0)
        {
            heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
        }

        canvas.Line(0, heading);

        // Fixed columns first; the client's name takes what is left, the provider only on wide terminals.
        // Numbers and states whole ("2026-92513", "Korttidsplats"): they are what an officer reads the row by.
        int mark = 2, prio = 7, number = 11, state = 14, gap = 12, age = 14;
        bool showProvider = canvas.Width >= 110;
        int provider = showProvider ? 26 : 0;
        int client = Math.Max(10, canvas.Width - 2 - mark - prio - number - state - gap - age - provider);
        var columns = new List<(string Header, int Width, Func<CaseSummary, string> Value)>
        {
            // An SMS yes that became a deployment the officer has not opened the case to see (not by colour alone).
            ("", mark, c => _shell.Session.IsUnseenSmsYes(c, now) ? "✉" : ""),
            (UiText.Col_Urgency, prio, c => Messages.Get("Urgency_" + c.Urgency)),
            (UiText.Col_Number, number, c => c.Number),
            (UiText.Col_State, state, c => Messages.Get("State_" + c.State)),
            (UiText.Col_Client, client, c => c.ClientName),
        };
        if (showProvider)
        {
            columns.Add((UiText.Col_Provider, provider, c => c.ProviderName));
        }

        columns.Add((UiText.Col_Gap, gap, c => c.NextGapFromUtc is { } f && c.NextGapToUtc is { } t ? $"{Format.When(f, now)}–{SwedishTime.FormatClock(t)}" : ""));
        columns.Add((UiText.Col_Age, age, c => $"{Format.DayOrClock(c.ReceivedUtc, now)} {Format.Age(c.ReceivedUtc, now)}"));
        ListDrawing.Draw(canvas, _list, columns, firstRow: 1, c => false);
        if (_list.Visible.Count == 0)
        {
            canvas.Line(3, "  " + UiText.Board_Empty);
        }
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 2))
        {
            return true;
        }

        if (_list.HandleFilterKey(key, _shell.Prompt))
        {
            return true;
        }

        // Esc clears the state filter (after the text filter): one key back to every open case.
        if (key == Key.Esc && _stateFilter != 0)
        {
            _stateFilter = 0;
            Reload();
            return true;
        }

        return false;
    }

    private void Open()
    {
        if (_list.Current is { } selected)
        {
            _shell.Push(new CaseDetailScreen(_shell, selected.Id));
        }
    }

    private void StepStateFilter(int step)
    {
        _stateFilter = (_stateFilter + step + s_stateFilters.Length) % s_stateFilters.Length;
        Reload();
    }

    private static string SearchText(CaseSummary c) =>
        string.Join(' ', c.Number, Messages.Get("State_" + c.State), Messages.Get("Urgency_" + c.Urgency), c.ClientName, c.ProviderName);
}
