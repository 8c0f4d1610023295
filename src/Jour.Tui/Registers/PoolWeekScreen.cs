using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using NodaTime.Calendars;
using Terminal.Gui.Input;

namespace Jour.Tui.Registers;

/// <summary>
/// The standby pool's week at 80 columns: one row per assistant, one column per day, each cell what
/// fills that day (a deployment's hours, several deployments, absent, declared available). ← → move
/// between days (and weeks at the ends), the line below the grid spells out the chosen day in full.
/// </summary>
public sealed class PoolWeekScreen : IScreen, IReloadable
{
    private const int NameWidth = 14;
    private const int HoursWidth = 8;
    private const int DayWidth = 8;

    private readonly ShellView _shell;
    private readonly ListModel<PoolRow> _list = new(r => r.Name);
    private LocalDate _monday;
    private int _day;
    private PoolWeek? _week;

    public PoolWeekScreen(ShellView shell)
    {
        _shell = shell;
        ShowToday();
    }

    public string Title => UiText.Screen_PoolWeek;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("pool-week.previous-day", "Left", UiText.Help_Pool_PreviousDay, null, () => StepDay(-1)),
        ScreenCommand.Of("pool-week.next-day", "Right", UiText.Help_Pool_NextDay, null, () => StepDay(1)),
        ScreenCommand.Of("pool-week.today", "I", UiText.Help_Pool_Today, UiText.Hint_Today, ShowToday),
        ScreenCommand.Of("pool-week.open", "Enter", UiText.Help_Staff_Open, UiText.Hint_Open, () =>
            _shell.RunInBackground(() => _shell.Session.Service.SendAsync(new GetStaffMember(_list.Current!.AssistantId)), data => _shell.Push(new StaffFormScreen(_shell, data))),
            () => _list.Current is null ? UiText.Register_NothingSelected : null),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    private void StepDay(int step)
    {
        int day = _day + step;
        if (day is < 0 or > 6)
        {
            _monday = _monday.PlusWeeks(day < 0 ? -1 : 1);
            _day = day < 0 ? 6 : 0;
            Reload();
        }
        else
        {
            _day = day;
        }
    }

    public void Reload()
    {
        DateTime from = DayStart(_monday);
        DateTime to = DayStart(_monday.PlusDays(7));
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetPoolWeek(from, to)),
            week =>
            {
                _week = week;
                _list.SetRows(week.Rows, (a, b) => a.AssistantId == b.AssistantId);
            });
    }

    public void Draw(Canvas canvas)
    {
        int isoWeek = WeekYearRules.Iso.GetWeekOfWeekYear(_monday);
        LocalDate sunday = _monday.PlusDays(6);
        string heading = Format.Text(UiText.Pool_Title, isoWeek, Day(_monday, "d MMM"), Day(sunday, "d MMM yyyy"));
        LocalDate today = SwedishTime.ToLocal(_shell.UtcNow).Date;
        if (today < _monday || today > sunday)
        {
            heading += "  " + UiText.Pool_NotThisWeek;
        }

        if (_list.Filter.Length > 0)
        {
            heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
        }

        canvas.Line(0, heading);
        string header = "  " + canvas.Fit(UiText.Col_Name, NameWidth) + canvas.Fit(UiText.Pool_HoursColumn, HoursWidth)
            + string.Concat(Enumerable.Range(0, 7).Select(i => canvas.Fit(Day(_monday.PlusDays(i), "ddd d"), DayWidth)));
        canvas.Line(1, header);
        canvas.Text(2 + NameWidth + HoursWidth + (_day * DayWidth), 1, canvas.Fit(Day(_monday.PlusDays(_day), "ddd d"), DayWidth - 1), highlight: true);

        // Two rows stay for the chosen day spelled out and the legend.
        int rows = Math.Max(1, canvas.Height - 4);
        int top = _list.Scroll(rows);
        for (int i = 0; i < rows; i++)
        {
            int index = top + i;
            if (index >= _list.Visible.Count)
            {
                canvas.Line(2 + i, "");
                continue;
            }

            PoolRow row = _list.Visible[index];
            bool selected = index == _list.Selected;
            string marker = selected ? canvas.Marker + " " : row.IsBlocked ? "! " : "  ";
            string hours = $"{row.BookedHours.ToString("0.#", SwedishCulture.Instance)}/{row.WeeklyHourLimit.ToString("0.#", SwedishCulture.Instance)}";
            string line = marker + canvas.Fit(row.Name, NameWidth - 1) + " " + canvas.Fit(hours, HoursWidth - 1) + " "
                + string.Concat(Enumerable.Range(0, 7).Select(d => canvas.Fit(Cell(row, _monday.PlusDays(d)), DayWidth - 1) + " "));
            canvas.Line(2 + i, line);
            if (selected)
            {
                int col = 2 + NameWidth + HoursWidth + (_day * DayWidth);
                canvas.Text(col, 2 + i, canvas.Fit(Cell(row, _monday.PlusDays(_day)), DayWidth - 1), highlight: true);
            }
        }

        if (_week is null)
        {
            canvas.Line(2, "  " + UiText.Pool_Loading);
        }

        canvas.Line(canvas.Height - 2, _list.Current is { } current ? Detail(current, _monday.PlusDays(_day)) : "");
        canvas.Line(canvas.Height - 1, UiText.Pool_Legend);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 4))
        {
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    /// <summary>What a day's cell says: one deployment's hours ("…" where it runs over midnight), "2 ins", absent or available.</summary>
    public static string Cell(PoolRow row, LocalDate day)
    {
        DateTime from = DayStart(day);
        DateTime to = DayStart(day.PlusDays(1));
        var inDay = row.Entries.Where(e => e.FromUtc < to && from < e.ToUtc).ToList();
        var deployments = inDay.Where(e => e.Kind == PoolEntryKind.Deployment).ToList();
        if (deployments.Count > 1)
        {
            return Format.Text(UiText.Pool_Several, deployments.Count);
        }

        if (deployments.Count == 1)
        {
            PoolEntry d = deployments[0];
            string start = d.FromUtc < from ? "…" : SwedishTime.ToLocal(d.FromUtc).Hour.ToString("00", CultureInfo.InvariantCulture);
            // A night shows its real end on the day it starts ("22–07"); the morning after shows "…–07".
            string end = d.ToUtc - d.FromUtc > TimeSpan.FromHours(24) && d.ToUtc > to ? "…" : SwedishTime.ToLocal(d.ToUtc).Hour.ToString("00", CultureInfo.InvariantCulture);
            string mark = d.Note.Length > 0 ? "!" : d.State is DeploymentState.Proposed or DeploymentState.Contacted ? "?" : "";
            return $"{start}–{end}{mark}";
        }

        if (inDay.Any(e => e.Kind == PoolEntryKind.Unavailable))
        {
            return UiText.Pool_Absent;
        }

        return inDay.Any(e => e.Kind == PoolEntryKind.Available) ? UiText.Pool_Available : "";
    }

    /// <summary>The chosen day of the chosen assistant in full: each deployment with client and state, each period with its note.</summary>
    private static string Detail(PoolRow row, LocalDate day)
    {
        DateTime from = DayStart(day);
        DateTime to = DayStart(day.PlusDays(1));
        var parts = row.Entries.Where(e => e.FromUtc < to && from < e.ToUtc).Select(e =>
        {
            string span = $"{SwedishTime.FormatLocal(e.FromUtc)[5..]}–{SwedishTime.FormatLocal(e.ToUtc)[5..]}";
            return e.Kind switch
            {
                PoolEntryKind.Deployment => $"{span} {e.ClientName} ({Messages.Get("Deployment_" + e.State)}{(e.Note.Length > 0 ? ", " + e.Note : "")})",
                PoolEntryKind.Unavailable => $"{span} {UiText.Staff_Unavailable.ToLowerInvariant()} {e.Note}".TrimEnd(),
                _ => $"{span} {UiText.Staff_Available.ToLowerInvariant()} {e.Note}".TrimEnd(),
            };
        }).ToList();
        string what = parts.Count == 0 ? UiText.Pool_Free : string.Join("; ", parts);
        return $"{row.Name}, {Day(day, "dddd d MMM")}: {what}";
    }

    private void ShowToday()
    {
        LocalDate today = SwedishTime.ToLocal(_shell.UtcNow).Date;
        _monday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        _day = Period.Between(_monday, today, PeriodUnits.Days).Days;
        Reload();
    }

    private static DateTime DayStart(LocalDate day) => SwedishTime.ToUtcLenient(day.AtMidnight());

    private static string Day(LocalDate date, string pattern) => date.ToString(pattern, SwedishCulture.Instance);
}
