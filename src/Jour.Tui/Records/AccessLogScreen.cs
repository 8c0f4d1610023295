using Jour.Core.AccessLog;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using Terminal.Gui.Input;

namespace Jour.Tui.Records;

/// <summary>
/// The access log for MAS/MAR and admins (Alt+L): every read of a journal, a full personnummer or an
/// access note in a period, emergency accesses first (marked NÖDÅTKOMST and !), then the newest. P sets
/// the period, U and C filter by user and client, / by any text; the selected entry's reason is shown
/// in full above the list.
/// </summary>
public sealed class AccessLogScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly ListModel<AccessLogRow> _list = new(r => $"{r.UserName} {r.ClientName} {What(r)} {BasisText(r)} {r.Reason}");
    private IReadOnlyList<AccessLogRow> _rows = [];
    private DateTime _fromUtc;
    private DateTime _toUtc;
    private string _user = "";
    private string _client = "";
    private string _error = "";
    private bool _shown;

    public AccessLogScreen(ShellView shell)
    {
        _shell = shell;
        LocalDate today = SwedishTime.ToLocal(shell.UtcNow).Date;
        _fromUtc = SwedishTime.ToUtcLenient(today.PlusDays(-6).AtMidnight());
        _toUtc = SwedishTime.ToUtcLenient(today.PlusDays(1).AtMidnight());
    }

    public string Title => UiText.Screen_AccessLog;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("access-log.period", "P", UiText.Help_AccessLog_Period, UiText.Hint_Period, AskPeriod),
        ScreenCommand.Of("access-log.user", "U", UiText.Help_AccessLog_User, UiText.Hint_FilterUser, () =>
            _shell.Prompt.Open(UiText.AccessLog_UserFilter, text => Close(() => _user = text.Trim()), initial: _user)),
        ScreenCommand.Of("access-log.client", "C", UiText.Help_AccessLog_Client, UiText.Hint_FilterClient, () =>
            _shell.Prompt.Open(UiText.AccessLog_ClientFilter, text => Close(() => _client = text.Trim()), initial: _client)),
        ScreenCommand.Of("access-log.export", "E", UiText.Help_AccessLog_Export, UiText.Hint_Export, () =>
            _shell.RunInBackground(
                () => _shell.Exports!.AccessLogAsync([.. _list.Visible], _fromUtc, _toUtc, _shell.Session.Session.IsDemo),
                path => _shell.ShowDone(Format.Text(UiText.Export_Written, path))),
            () => _shell.Exports?.Directory is null ? UiText.Export_NotConfigured : _list.Visible.Count == 0 ? UiText.Export_NothingYet : null),
        ScreenCommand.ListFilter(),
        ScreenCommand.Of("access-log.reload", "R", UiText.Help_Case_Reload, null, Reload),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    public IReadOnlyList<AccessLogRow> Visible => _list.Visible;

    /// <summary>Refreshes once the screen has been shown; never for a session that has not opened it.</summary>
    public void Reload()
    {
        if (_shown)
        {
            Load();
        }
    }

    private void Load()
    {
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new AccessLogQuery(_fromUtc, _toUtc, null, null)),
            rows =>
            {
                _error = "";
                _rows = rows;
                Apply();
            },
            error => _error = error);
    }

    public void Draw(Canvas canvas)
    {
        if (!_shown)
        {
            // Loaded when first shown, not when the shell starts: only MAS and admins may read it.
            _shown = true;
            Load();
            canvas.Line(0, UiText.Loading);
            return;
        }

        if (_error.Length > 0)
        {
            canvas.Line(0, "! " + _error);
            return;
        }

        string period = $"{SwedishTime.FormatLocal(_fromUtc)[..10]} – {SwedishTime.FormatLocal(_toUtc.AddMinutes(-1))[..10]}";
        int emergencies = _list.Visible.Count(r => r.IsEmergency);
        string heading = Format.Text(UiText.AccessLog_Heading, period, _list.Visible.Count, emergencies);
        foreach ((string label, string value) in new[] { (UiText.AccessLog_UserFilter, _user), (UiText.AccessLog_ClientFilter, _client), ("/", _list.Filter) })
        {
            if (value.Length > 0)
            {
                heading += $"  {label} {value}";
            }
        }

        canvas.Line(0, heading);
        string detail = _list.Current is { } current
            ? (current.Reason.Length > 0 ? Format.Text(UiText.AccessLog_Reason, current.Reason) : Format.Text(UiText.AccessLog_NoReason, SwedishTime.FormatLocal(current.AtUtc)))
            : UiText.AccessLog_Empty;
        canvas.Line(1, detail, highlight: _list.Current?.IsEmergency == true);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_When, 12, r => Format.When(r.AtUtc, _shell.UtcNow)),
                (UiText.Col_User, 16, r => r.UserName),
                (UiText.Col_Client, 16, r => r.ClientName),
                (UiText.Col_What, 16, What),
                (UiText.Col_Basis, 17, BasisText),
            ],
            firstRow: 2,
            r => r.IsEmergency);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 3))
        {
            return true;
        }

        if (key == Key.Esc && (_user.Length > 0 || _client.Length > 0) && _list.Filter.Length == 0)
        {
            _user = _client = "";
            Apply();
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    private static string What(AccessLogRow r) => Messages.Get("Accessed_" + r.What);

    private static string BasisText(AccessLogRow r) => r.Basis == AccessBasis.OnCase && r.CaseNumber.Length > 0
        ? Format.Text(UiText.AccessLog_OnCase, r.CaseNumber)
        : Messages.Get("AccessBasis_" + r.Basis);

    private void Close(Action set)
    {
        set();
        _shell.Prompt.Close();
        Apply();
    }

    /// <summary>The server sorts emergency accesses first, then the newest; the user and client filters narrow that.</summary>
    private void Apply() => _list.SetRows(
        [.. _rows.Where(r => Contains(r.UserName, _user) && Contains(r.ClientName, _client))],
        (a, b) => a.Id == b.Id);

    private static bool Contains(string text, string part) => part.Length == 0 || text.Contains(part, StringComparison.CurrentCultureIgnoreCase);

    private void AskPeriod()
    {
        string initial = $"{SwedishTime.FormatLocal(_fromUtc)[..10]} – {SwedishTime.FormatLocal(_toUtc.AddMinutes(-1))[..10]}";
        _shell.Prompt.Open(UiText.AccessLog_PeriodPrompt, text =>
        {
            if (!LocalTimeInput.TryParsePeriod(text, out DateTime fromUtc, out DateTime toUtc))
            {
                _shell.Prompt.Error = Messages.Get(ErrorCodes.PeriodInvalid);
                return;
            }

            _shell.Prompt.Close();
            _fromUtc = fromUtc;
            _toUtc = toUtc;
            Reload();
        }, initial: initial);
    }
}
