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

    public IReadOnlyList<(string Key, string Text)> Help =>
    [
        ("Enter", UiText.Help_Board_Enter),
        ("N", UiText.Help_Board_New),
        ("Tab Shift+Tab", UiText.Help_Board_States),
        ("/", UiText.Help_Board_Filter),
        ("↑ ↓ PgUp PgDn Home End", UiText.Help_Board_Arrows),
    ];

    public IReadOnlyList<string> KeyHints => [UiText.Key_Open, UiText.Key_NewCase, UiText.Key_Filter, UiText.Key_States];

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
        int prio = 7, number = 10, state = 12, gap = 12, age = 25;
        bool showProvider = canvas.Width >= 110;
        int provider = showProvider ? 26 : 0;
        int client = Math.Max(10, canvas.Width - 2 - prio - number - state - gap - age - provider);
        var columns = new List<(string Header, int Width, Func<CaseSummary, string> Value)>
        {
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
        columns.Add((UiText.Col_Age, age, c => $"{Format.DayOrClock(c.ReceivedUtc, now)} {Format.Ago(c.ReceivedUtc, now)}"));
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

        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            int step = key == Key.Tab ? 1 : -1;
            _stateFilter = (_stateFilter + step + s_stateFilters.Length) % s_stateFilters.Length;
            Reload();
            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && char.ToLowerInvariant((char)key.AsRune.Value) == 'n')
        {
            _shell.Push(new Intake.NewCaseScreen(_shell));
            return true;
        }

        if (key == Key.Enter && _list.Current is { } selected)
        {
            _shell.Push(new CaseDetailScreen(_shell, selected.Id));
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    private static string SearchText(CaseSummary c) =>
        string.Join(' ', c.Number, Messages.Get("State_" + c.State), Messages.Get("Urgency_" + c.Urgency), c.ClientName, c.ProviderName);
}
