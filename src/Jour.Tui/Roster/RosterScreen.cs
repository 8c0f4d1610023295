using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Tui.Registers;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using Terminal.Gui.Input;

namespace Jour.Tui.Roster;

/// <summary>
/// The on-call roster (F3): who is on call from now to 14 days ahead, overrides marked with who made
/// them, gaps as rows of their own. T takes over the current shift (T, then j), O adds a cover,
/// B swaps two shifts, R edits the rotation, H shows hours per person for a period.
/// </summary>
public sealed class RosterScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly ListModel<RosterRow> _list;
    private RosterRow? _swapFirst;

    public RosterScreen(ShellView shell)
    {
        _shell = shell;
        _list = new ListModel<RosterRow>(r => string.Join(' ', Columns(200).Select(c => c.Value(r))));
        Reload();
    }

    public string Title => UiText.Screen_Roster;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("roster.take-over", "T", UiText.Help_Roster_TakeOver, UiText.Hint_TakeOver, AskTakeOver),
        ScreenCommand.Of("roster.override", "O", UiText.Help_Roster_Override, UiText.Hint_Override, () => _shell.Push(new OverrideFormScreen(_shell, _list.Current))),
        ScreenCommand.Of("roster.swap", "B", UiText.Help_Roster_Swap, UiText.Hint_Swap, Swap),
        ScreenCommand.Of("roster.hours", "H", UiText.Help_Roster_Hours, UiText.Hint_Hours, () => AskForHoursPeriod()),
        ScreenCommand.Of("roster.rotation", "R", UiText.Help_Roster_Rotation, UiText.Hint_Rotation, () =>
            _shell.RunInBackground(() => _shell.Session.Service.SendAsync(new GetRotation()), current => _shell.Push(new RotationFormScreen(_shell, current)))),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    // The note (who made an override, and why) takes what the fixed columns leave.
    private IReadOnlyList<(string Header, int Width, Func<RosterRow, string> Value)> Columns(int width) =>
    [
        (UiText.Col_From, 17, r => SwedishTime.FormatLocal(r.StartUtc)),
        (UiText.Col_To, 17, r => SwedishTime.FormatLocal(r.EndUtc)),
        (UiText.Col_Officer, 20, r => r.Slot?.OfficerName ?? UiText.Roster_Gap),
        (UiText.Col_Note, Math.Max(10, width - 2 - 17 - 17 - 20), r => Note(r)),
    ];

    /// <summary>The slots with a row for each stretch of time nobody covers, so a gap cannot be overlooked.</summary>
    public static IReadOnlyList<RosterRow> Rows(IReadOnlyList<OnCallSlot> slots, DateTime fromUtc, DateTime toUtc)
    {
        var rows = new List<RosterRow>();
        DateTime cursor = fromUtc;
        foreach (OnCallSlot slot in slots)
        {
            if (slot.StartUtc > cursor)
            {
                rows.Add(new RosterRow(null, cursor, slot.StartUtc));
            }

            rows.Add(new RosterRow(slot, slot.StartUtc, slot.EndUtc));
            cursor = slot.EndUtc > cursor ? slot.EndUtc : cursor;
        }

        if (cursor < toUtc)
        {
            rows.Add(new RosterRow(null, cursor, toUtc));
        }

        return rows;
    }

    public void Reload()
    {
        DateTime now = _shell.UtcNow;
        _list.SetRows(Rows(_shell.Session.OnCall, now, now + JourUseCases.GapHorizon), (a, b) => a.StartUtc == b.StartUtc);
    }

    public void Draw(Canvas canvas)
    {
        if (_swapFirst is not null)
        {
            canvas.Line(0, UiText.Swap_First, highlight: true);
        }
        else
        {
            string heading = UiText.Roster_Title;
            if (_list.Filter.Length > 0)
            {
                heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
            }

            canvas.Line(0, heading);
        }

        DateTime now = _shell.UtcNow;
        ListDrawing.Draw(canvas, _list, Columns(canvas.Width), firstRow: 1, r => r.Slot is null || (r.StartUtc <= now && now < r.EndUtc) || r == _swapFirst);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 2))
        {
            return true;
        }

        if (_swapFirst is not null && key == Terminal.Gui.Input.Key.Esc)
        {
            _swapFirst = null;
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    // j (or y) takes over, any other key leaves things as they were.
    private void AskTakeOver()
    {
        StatusInfo? status = _shell.Session.Status;
        string until = status?.OnCallUntilUtc is { } u ? Format.When(u, _shell.UtcNow) : "?";
        _shell.Confirm(
            Format.Text(UiText.Roster_TakeOverQuestion, status?.OnCallName ?? UiText.Roster_Gap, until),
            () => _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new TakeOver()),
                _ => _shell.Session.RefreshInBackground(() => _shell.UtcNow)));
    }

    /// <summary>Asks for the period on the prompt line, this month filled in; a refusal keeps what was typed.</summary>
    private void AskForHoursPeriod(string? typed = null, string error = "")
    {
        LocalDate today = SwedishTime.ToLocal(_shell.UtcNow).Date;
        LocalDate first = today.With(DateAdjusters.StartOfMonth);
        LocalDate last = today.With(DateAdjusters.EndOfMonth);
        string initial = typed ?? $"{Core.Roster.Rotation.FormatDate(first)} – {Core.Roster.Rotation.FormatDate(last)}";
        _shell.Prompt.Open(UiText.Roster_HoursPrompt, text =>
        {
            if (!LocalTimeInput.TryParsePeriod(text, out DateTime fromUtc, out DateTime toUtc))
            {
                _shell.Prompt.Error = Messages.Get(ErrorCodes.PeriodInvalid);
                return;
            }

            _shell.Prompt.Close();
            string title = Format.Text(UiText.Hours_Title, SwedishTime.FormatLocal(fromUtc)[..10], SwedishTime.FormatLocal(toUtc.AddMinutes(-1))[..10]);
            _shell.RunInBackground(
                () => LoadHours(fromUtc, toUtc),
                hours => _shell.Push(new RegisterScreen<PersonHours>(
                    _shell,
                    title,
                    _ => title,
                    _ => hours,
                    [
                        (UiText.Col_Name, 24, h => h.Name),
                        (UiText.Col_Role, 12, h => h.Role),
                        (UiText.Col_OnCallHours, 10, h => Hours(h.OnCall)),
                        (UiText.Col_BookedHours, 10, h => Hours(h.Booked)),
                        (UiText.Col_ReportedHours, 10, h => Hours(h.Reported)),
                    ])),
                refused => AskForHoursPeriod(text, refused));
        }, initial: initial);
        _shell.Prompt.Error = error;
    }

    /// <summary>
    /// B marks the first shift, B on a second asks the reason and swaps them. Each shift is named by an
    /// instant inside what is left of it, so a shift that has begun swaps only from now on.
    /// </summary>
    private void Swap()
    {
        if (_list.Current is not { Slot: not null } row)
        {
            return;
        }

        if (_swapFirst is null)
        {
            _swapFirst = row;
            return;
        }

        if (row == _swapFirst)
        {
            _shell.Prompt.Error = UiText.Swap_Same;
            return;
        }

        RosterRow first = _swapFirst;
        _swapFirst = null;
        _shell.Prompt.Open(UiText.Swap_Reason, reason => _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new SwapRequest(Inside(first), Inside(row), reason)),
            _ =>
            {
                _shell.Prompt.Close();
                _shell.Session.RefreshInBackground(() => _shell.UtcNow);
            },
            refused => _shell.Prompt.Error = refused), limit: TextLimits.Reason);
    }

    private DateTime Inside(RosterRow row)
    {
        DateTime start = row.StartUtc > _shell.UtcNow ? row.StartUtc : _shell.UtcNow;
        return start + ((row.EndUtc - start) / 2);
    }

    /// <summary>Officers' on-call hours, then assistants' deployed hours, in one list: fairness and pay for everyone on call.</summary>
    private async Task<IReadOnlyList<PersonHours>> LoadHours(DateTime fromUtc, DateTime toUtc)
    {
        IReadOnlyList<OfficerHours> officers = await _shell.Session.Service.SendAsync(new GetOnCallHours(fromUtc, toUtc));
        IReadOnlyList<AssistantHours> assistants = await _shell.Session.Service.SendAsync(new GetDeployedHours(fromUtc, toUtc));
        return
        [
            .. officers.Select(o => new PersonHours(o.Name, UiText.Hours_Officer, o.OnCallHours, null, null)),
            .. assistants.Select(a => new PersonHours(a.Name, UiText.Hours_Assistant, null, a.BookedHours, a.ReportedHours)),
        ];
    }

    private static string Hours(double? hours) => hours?.ToString("0.##", SwedishCulture.Instance) ?? "";

    private string Note(RosterRow row)
    {
        if (row.Slot is not { IsOverride: true, Kind: { } kind } slot)
        {
            return "";
        }

        string what = kind == Core.Roster.OverrideKind.TakeOver ? $"{Messages.Get("OverrideKind_" + kind)} ({slot.Reason})" : Messages.Get("OverrideKind_" + kind);
        string when = slot.ChangedUtc is { } at ? Format.When(at, _shell.UtcNow) : "";
        return kind == Core.Roster.OverrideKind.TakeOver
            ? $"{what} – {slot.ChangedByName} {when}"
            : Format.Text(UiText.Roster_OverrideNote, what, slot.Reason, slot.ChangedByName, when);
    }
}

/// <summary>One row of the roster: an on-call slot, or a stretch nobody covers (<see cref="Slot"/> null).</summary>
public sealed record RosterRow(OnCallSlot? Slot, DateTime StartUtc, DateTime EndUtc);

/// <summary>One row of the hours list: an officer's on-call hours or an assistant's booked and reported hours.</summary>
public sealed record PersonHours(string Name, string Role, double? OnCall, double? Booked, double? Reported);
