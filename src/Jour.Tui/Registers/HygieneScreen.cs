using Jour.Core.Common;
using Jour.Core.Hygiene;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Registers;

/// <summary>
/// H on an assistant in the staff register: their hygiene self-checks (seed 000: egenkontroller of the basic
/// hygiene routines), newest first, with whether a new one is due; N records one, K marks the chosen check's
/// follow-up done today. Coordinators, MAS/MAR and admins.
/// </summary>
public sealed class HygieneScreen : IScreen, IReloadable
{
    private const int DetailRows = 3;

    private readonly ShellView _shell;
    private readonly long _assistantId;
    private readonly string _name;
    private readonly ListModel<HygieneCheckData> _list = new(c => IsoDate.Format(c.CheckedOn) + " " + c.CheckedBy);
    private HygieneChecksData? _data;

    public HygieneScreen(ShellView shell, long assistantId, string name)
    {
        _shell = shell;
        _assistantId = assistantId;
        _name = name;
        Reload();
    }

    public string Title => Format.Text(UiText.Hygiene_Title, _name);

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("hygiene.new", "N", UiText.Help_Hygiene_New, UiText.Hint_New, () => _shell.Push(new HygieneCheckFormScreen(_shell, _assistantId, _name))),
        ScreenCommand.Of("hygiene.follow-up-done", "K", UiText.Help_Hygiene_FollowUpDone, UiText.Hint_FollowUpDone, MarkDone, () =>
            _data is null ? UiText.Loading
            : _list.Current is not { } c ? UiText.Register_NothingSelected
            : c.FollowUp is not { DoneOn: null } ? UiText.Hygiene_NoOpenFollowUp
            : null),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    /// <summary>Who may open the screen: the employer's self-check is not the officer's at night.</summary>
    public static string? WhyNot(ShellView shell) =>
        (shell.Session.Session.Roles & (Role.Coordinator | Role.MedicalResponsible | Role.Admin)) == 0 ? Messages.Format(ErrorCodes.HygieneNotPermitted, []) : null;

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetHygieneChecks(_assistantId)),
            data =>
            {
                _data = data;
                _list.SetRows([.. data.Checks], (a, b) => a.Id == b.Id);
            });

    public bool HandleKey(Key key) => _list.Navigate(key, _shell.ContentRows - DetailRows - 2);

    public void Draw(Canvas canvas)
    {
        if (_data is not { } data)
        {
            canvas.Line(0, UiText.Loading);
            return;
        }

        HygieneStatus s = data.Status;
        canvas.Line(0, s.LastCheckedOn is not { } last
            ? UiText.Hygiene_NeverChecked
            : Format.Text(s.IsDue ? UiText.Hygiene_Due : UiText.Hygiene_Valid, IsoDate.Format(last), s.ValidUntil is { } until ? IsoDate.Format(until) : ""));
        ListDrawing.Draw(
            canvas.Top(canvas.Height - DetailRows),
            _list,
            [
                (UiText.Col_When, 11, c => IsoDate.Format(c.CheckedOn)),
                (UiText.Hygiene_Col_CheckedBy, 20, c => c.CheckedBy),
                (UiText.Hygiene_Col_NotFollowed, 28, NotFollowed),
                (UiText.Hygiene_Col_FollowUp, 17, FollowUp),
            ],
            firstRow: 1,
            c => c.FollowUp is { DoneOn: null });

        if (_list.Current is { } current)
        {
            int row = canvas.Height - DetailRows;
            canvas.Line(row++, canvas.Rule);
            canvas.Line(row++, current.FollowUp is { } f ? Format.Text(UiText.Hygiene_FollowUpLine, f.Action, f.DueOn) : UiText.Hygiene_NoFollowUp);
            canvas.Line(row, current.Note.Length > 0 ? Format.Text(UiText.Hygiene_NoteLine, current.Note) : "");
        }
    }

    /// <summary>The routine's words on screen; the key is what is stored.</summary>
    public static string Routine(string key) => UiText.ResourceManager.GetString("Hygiene_Item_" + key, UiText.Culture) ?? key;

    private static string NotFollowed(HygieneCheckData c)
    {
        var missed = c.Items.Where(i => !i.Followed).ToList();
        return missed.Count == 0 ? UiText.Hygiene_AllFollowed : string.Join(", ", missed.Select(i => ShortRoutine(i.Item)));
    }

    public static string ShortRoutine(string key) => UiText.ResourceManager.GetString("Hygiene_Short_" + key, UiText.Culture) ?? key;

    private static string FollowUp(HygieneCheckData c) => c.FollowUp switch
    {
        null => "",
        { DoneOn: { } done } => Format.Text(UiText.Hygiene_FollowUpDoneOn, done),
        { } f => Format.Text(UiText.Hygiene_FollowUpDueOn, f.DueOn),
    };

    private void MarkDone()
    {
        HygieneCheckData check = _list.Current!;
        string today = IsoDate.Format(SwedishTime.Today(_shell.UtcNow));
        _shell.Confirm(
            Format.Text(UiText.Hygiene_FollowUpDoneConfirm, check.FollowUp!.Action, today),
            () => _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new MarkHygieneFollowUpDone(check.Id, today)),
                _ =>
                {
                    _shell.ShowDone(UiText.Hygiene_FollowUpMarkedDone);
                    Reload();
                }));
    }
}

/// <summary>
/// A hygiene self-check: the day, each basic routine followed or not, a note, and (when any is not followed)
/// what is to be done and by when.
/// </summary>
public sealed class HygieneCheckFormScreen : FormScreen
{
    private readonly long _assistantId;
    private readonly string _name;

    public HygieneCheckFormScreen(ShellView shell, long assistantId, string name)
        : base(shell, $"hygiene-check-{assistantId}")
    {
        _assistantId = assistantId;
        _name = name;
        Add(new FormField("checked-on", UiText.Hygiene_CheckedOn)
        {
            Value = IsoDate.Format(SwedishTime.Today(shell.UtcNow)),
            Validate = DateField.Required,
        });
        foreach (string item in HygieneRoutines.Items)
        {
            Add(new FormField("item-" + item, HygieneScreen.ShortRoutine(item))
            {
                Choices = [("yes", UiText.Hygiene_Followed), ("no", UiText.Hygiene_NotFollowed)],
                Value = "yes",
                Hint = _ => HygieneScreen.Routine(item),
            });
        }

        Add(new FormField("note", UiText.Hygiene_Note) { Limit = TextLimits.Note });
        Add(new FormField("action", UiText.Hygiene_Action) { Limit = TextLimits.Note, Validate = v => AnyMissed() && v.Trim().Length == 0 ? UiText.Hygiene_ActionRequired : null });
        Add(new FormField("due-on", UiText.Hygiene_DueOn) { Validate = v => AnyMissed() ? DateField.Required(v) : null });
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.Hygiene_NewTitle, _name);

    protected override async Task<string> SubmitAsync()
    {
        var items = HygieneRoutines.Items.Select(i => new HygieneItemData(i, Field("item-" + i).Value == "yes")).ToList();
        HygieneFollowUpData? followUp = AnyMissed() ? new HygieneFollowUpData(Field("action").Value.Trim(), Field("due-on").Value.Trim()) : null;
        await Shell.Session.Service.SendAsync(new RecordHygieneCheck(_assistantId, Field("checked-on").Value.Trim(), items, Field("note").Value.Trim(), followUp));
        return Format.Text(UiText.Hygiene_Saved, _name);
    }

    protected override void Submitted(string result) => BackToList(result);

    private bool AnyMissed() => HygieneRoutines.Items.Any(i => Field("item-" + i).Value == "no");
}
