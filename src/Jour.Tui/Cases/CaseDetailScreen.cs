using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Tui.Deployments;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Cases;

/// <summary>
/// One case: who, why, verification, the next gap, its actions and the timeline. Each action has a letter
/// of its own whatever the state (G is always Godta), shown with why not when the machine does not permit
/// it now. Reasons and notes are typed on the prompt line and kept there if refused or left with Esc.
/// </summary>
public sealed class CaseDetailScreen : IScreen
{
    private readonly ShellView _shell;
    private readonly long _caseId;
    private CaseDetail? _detail;
    private int _timelineTop;
    private int _selectedEntry;
    private int _timelineRows = 1;
    private int _promptRevision;

    public CaseDetailScreen(ShellView shell, long caseId)
    {
        _shell = shell;
        _caseId = caseId;
        _shell.Session.SeenSmsYes(caseId, _shell.Session.Cases.FirstOrDefault(c => c.Id == caseId)?.SmsYesUtc);
        Reload();
    }

    public long CaseId => _caseId;

    public string Title => _detail is null
        ? UiText.Loading
        : Format.Text(UiText.Case_Title, _detail.Summary.Number, _detail.Summary.ClientName);

    /// <summary>Each action's letter, by meaning, the same in every state (and every language).</summary>
    public static IReadOnlyList<(CaseTrigger Trigger, string Key)> ActionKeys { get; } =
    [
        (CaseTrigger.StartAssessment, "U"),
        (CaseTrigger.Accept, "G"),
        (CaseTrigger.Decline, "A"),
        (CaseTrigger.MarkCovered, "M"),
        (CaseTrigger.GapAppeared, "L"),
        (CaseTrigger.MoveToShortTermPlacement, "K"),
        (CaseTrigger.HandBack, "T"),
        (CaseTrigger.Close, "S"),
        (CaseTrigger.Withdraw, "X"),
        (CaseTrigger.Reopen, "O"),
    ];

    // The case's commands, and then one per action: in the hint line only the actions possible now.
    public IReadOnlyList<ScreenCommand> Commands =>
    [
        ScreenCommand.Of("case.note", "N", UiText.Help_Case_Note, UiText.Hint_Note, OpenNote, Loaded),
        ScreenCommand.Of("case.verify", "V", UiText.Help_Case_Verify, UiText.Hint_Verify, () => _shell.Push(new VerificationScreen(_shell, _detail!, recorded => _detail = recorded)), Loaded),
        ScreenCommand.Of("case.staff", "B", UiText.Help_Case_Staff, UiText.Hint_Staff, () => _shell.Push(new CandidatesScreen(_shell, _detail!, changed => _detail = changed)), () => Loaded() ?? (_detail!.Needs.Count == 0 ? UiText.Case_NoNeeds : null)),
        ScreenCommand.Of("case.deployments", "D", UiText.Help_Case_Deployments, UiText.Hint_Deployments, () => _shell.Push(new DeploymentsScreen(_shell, _detail!, changed => _detail = changed)), Loaded),
        .. ActionKeys.Select(a => ScreenCommand.Of(
            "case." + ActionName(a.Trigger),
            a.Key,
            Format.Text(UiText.Help_Case_Action, Messages.Get("Trigger_" + a.Trigger)),
            _detail?.PermittedTriggers.Contains(a.Trigger) == true ? Messages.Get("Trigger_" + a.Trigger) : null,
            () => AskAndFire(_detail!, a.Trigger),
            () => WhyNot(a.Trigger))),
        ScreenCommand.Of("case.journal", "J", UiText.Help_Case_Journal, null, () => _shell.Push(new Journals.JournalScreen(_shell, _detail!.ClientId, _detail.Summary.ClientName)), Loaded),
        ScreenCommand.Of("case.incident", "I", UiText.Help_Case_Incident, null, () => _shell.Push(new Records.IncidentFormScreen(_shell, null, _detail!.ClientId, _detail.Summary.Id)), Loaded),
        ScreenCommand.Of("case.reload", "R", UiText.Help_Case_Reload, null, Reload),
        ScreenCommand.Of("case.read-entry", "Enter", UiText.Help_Case_ReadEntry, UiText.Hint_ReadEntry, () =>
            _shell.Push(new TimelineEntryScreen(_shell, _detail!.Summary, _detail.Timeline[_detail.Timeline.Count - 1 - _selectedEntry])),
            () => Loaded() ?? (_detail!.Timeline.Count == 0 ? UiText.Case_NoEntries : null)),
        ScreenCommand.Handled("case.scroll", "Up,Down,PgUp,PgDn", UiText.Help_Case_Scroll),
    ];

    /// <summary>The stable name of an action's command, for the key file: <c>case.accept</c>, <c>case.hand-back</c>.</summary>
    public static string ActionName(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.StartAssessment => "start-assessment",
        CaseTrigger.MarkCovered => "mark-covered",
        CaseTrigger.GapAppeared => "gap-appeared",
        CaseTrigger.MoveToShortTermPlacement => "short-term-placement",
        CaseTrigger.HandBack => "hand-back",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    private string? Loaded() => _detail is null ? UiText.Loading : null;

    private string? WhyNot(CaseTrigger trigger)
    {
        if (_detail is not { } d)
        {
            return UiText.Loading;
        }

        if (d.PermittedTriggers.Contains(trigger))
        {
            return null;
        }

        string action = Messages.Get("Trigger_" + trigger);
        return d.Blocked.FirstOrDefault(b => b.Trigger == trigger) is { } blocked
            ? Format.Text(UiText.Case_Blocked, action, blocked.Missing)
            : Format.Text(UiText.Case_ActionNotNow, action, Messages.Get("State_" + d.Summary.State));
    }

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetCase(_caseId)),
            detail =>
            {
                _detail = detail;

                // Open, the case's SMS yes is seen: a yes that arrives while it is open is on this screen.
                _shell.Session.SeenSmsYes(_caseId, detail.Summary.SmsYesUtc);
            });

    public void Draw(Canvas canvas)
    {
        if (_detail is not { } d)
        {
            canvas.Line(0, UiText.Loading);
            return;
        }

        DateTime now = _shell.UtcNow;
        CaseSummary s = d.Summary;
        int row = 0;
        canvas.Line(row++, Format.Text(UiText.Case_State, Messages.Get("State_" + s.State)) + "   " + Messages.Get("Urgency_" + s.Urgency)
            + "   " + Format.Text(UiText.Case_Reason, Messages.Get("Reason_" + d.Reason)));
        canvas.Line(row++, Format.Text(UiText.Case_Client, s.ClientName) + "   " + Format.Text(UiText.Case_Provider, s.ProviderName));
        canvas.Line(row++, Format.Text(UiText.Case_Caller, d.CallerName, d.CallerPhone));
        canvas.Line(row++, d.Description);
        string gap = s.NextGapFromUtc is { } f && s.NextGapToUtc is { } t
            ? Format.Text(UiText.Case_Gap, Format.When(f, now), SwedishTime.FormatClock(t))
            : UiText.Case_NoGap;
        canvas.Line(row++, (d.IsVerified ? UiText.Case_Verified : UiText.Case_NotVerified) + "   " + gap);
        foreach (VerificationData v in d.Verification)
        {
            string step = v.Step is { } ps ? Messages.Get("Step_" + ps) : Messages.Get("Step_Exhausted");
            canvas.Line(row++, $"  {canvas.Marker} {step} {SwedishTime.FormatClock(v.AtUtc)}: {v.Outcome}");
        }

        if (d.Needs.Count > 0)
        {
            canvas.Line(row++, UiText.Case_Needs + " " + string.Join("; ", d.Needs.Select(w =>
                $"{SwedishTime.FormatLocal(w.FromUtc)}–{SwedishTime.FormatClock(w.ToUtc)} {w.Confirmed}/{w.Assistants}"
                + (w.Competences.Count > 0 ? " (" + string.Join(", ", w.Competences) + ")" : ""))));
        }
        if (d.Deployments.Count > 0)
        {
            // Wrapped, never cut: the state at the end of each is what tells them apart.
            string deployments = UiText.Case_Deployments + " " + string.Join("; ", d.Deployments.Where(x => x.State is not (DeploymentState.Declined or DeploymentState.Cancelled)).Select(x =>
                $"{x.AssistantName} {SwedishTime.FormatClock(x.FromUtc)}–{SwedishTime.FormatClock(x.ToUtc)} {Messages.Get("Deployment_" + x.State)}{(x.NeedsReplacement ? " !" : "")}"));
            foreach (string line in Format.Wrap(deployments, canvas.Width - 2))
            {
                canvas.Line(row++, line);
            }
        }

        // The actions of this state, each with its own letter; one that waits for something says what, wrapped, never cut.
        string actions = d.PermittedTriggers.Count == 0
            ? UiText.Case_NoTriggers
            : UiText.Case_Triggers + " " + string.Join("  ", d.PermittedTriggers.Select(tr => $"[{KeyOf(tr)}] {Messages.Get("Trigger_" + tr)}"));
        foreach (string line in Format.Wrap(actions, canvas.Width))
        {
            canvas.Line(row++, line);
        }

        foreach (BlockedTrigger blocked in d.Blocked)
        {
            string why = $"[{KeyOf(blocked.Trigger)}] " + Format.Text(UiText.Case_Blocked, Messages.Get("Trigger_" + blocked.Trigger), blocked.Missing);
            foreach (string line in Format.Wrap(why, canvas.Width - 4))
            {
                canvas.Line(row++, "  " + (line.StartsWith('[') ? "" : "  ") + line);
            }
        }
        canvas.Line(row++, canvas.Rule[..Math.Min(canvas.Width, 2)] + " " + UiText.Case_Timeline + " " + canvas.Rule);

        // Newest first; ↑ ↓ select an entry (kept in view), Enter reads it in full.
        int rows = canvas.Height - row;
        _timelineRows = rows;
        var lines = d.Timeline.Reverse().Select(e => TimelineLine(e, now, canvas)).ToList();
        _selectedEntry = Math.Clamp(_selectedEntry, 0, Math.Max(0, lines.Count - 1));
        _timelineTop = Math.Clamp(_timelineTop, Math.Max(0, _selectedEntry - rows + 1), _selectedEntry);
        _timelineTop = Math.Max(0, Math.Min(_timelineTop, lines.Count - rows));
        for (int i = 0; i < rows; i++)
        {
            int index = _timelineTop + i;
            bool selected = index == _selectedEntry && index < lines.Count;
            canvas.Line(row + i, index < lines.Count ? (selected ? canvas.Marker + " " : "  ") + lines[index] : "", highlight: selected);
        }
    }

    public bool HandleKey(Key key)
    {
        if (_detail is null)
        {
            return false;
        }

        int page = Math.Max(1, _timelineRows - 1);
        int? step = key switch
        {
            _ when key == Key.CursorDown => 1,
            _ when key == Key.CursorUp => -1,
            _ when key == Key.PageDown => page,
            _ when key == Key.PageUp => -page,
            _ => null,
        };
        if (step is { } by)
        {
            _selectedEntry = Math.Clamp(_selectedEntry + by, 0, Math.Max(0, _detail.Timeline.Count - 1));
            return true;
        }

        return false;
    }

    private static string KeyOf(CaseTrigger trigger) =>
        KeyMap.Current.KeysFor("case." + ActionName(trigger), ActionKeys.First(a => a.Trigger == trigger).Key) is [var first, ..] ? first.Label : "?";

    private void OpenNote() =>
        _shell.Prompt.Open(UiText.Note_Prompt, text => Save(() => _shell.Session.Service.SendAsync(new NoteRequest(_caseId, text))), limit: TextLimits.Note, draft: $"case.{_caseId}.note");

    /// <summary>Called by the shell when the server says this case changed.</summary>
    public void OnChanged(ChangeNotice notice)
    {
        if (notice.Kind == ChangeKind.Everything || (notice.Kind == ChangeKind.Case && notice.Id == _caseId))
        {
            Reload();
        }
    }

    private void AskAndFire(CaseDetail d, CaseTrigger trigger)
    {
        if (trigger == CaseTrigger.HandBack)
        {
            _shell.Push(new HandBackFormScreen(_shell, d.Summary, detail => _detail = detail));
            return;
        }

        // Korttidsplats books a place on a unit with one free: chosen from the register, not typed.
        if (trigger == CaseTrigger.MoveToShortTermPlacement)
        {
            _shell.Push(new ShortTermCare.ShortTermPlacesScreen(_shell, d, detail => _detail = detail));
            return;
        }

        // Declining or withdrawing ends the case: the prompt names it, so the officer confirms which case with Enter.
        string label = Format.Text(UiText.Case_ActionPrompt, Messages.Get("Trigger_" + trigger), d.Summary.Number, d.Summary.ClientName) + " " + UiText.Reason_Prompt;
        // Against the revision the officer saw when they chose the action, not one a push brought in
        // while they typed: that would apply their words to a case they have not seen. After a refusal
        // the case is reloaded and shown, so Enter again is a conscious retry against the new revision.
        _promptRevision = d.Summary.Revision;
        _shell.Prompt.Open(
            label,
            reason => Save(() => _shell.Session.Service.SendAsync(new TransitionRequest(_caseId, trigger, reason, _promptRevision))),
            limit: TextLimits.Reason,
            draft: $"case.{_caseId}.{ActionName(trigger)}");
    }

    // The prompt stays open with the typed text until the server has accepted it.
    private void Save<T>(Func<Task<T>> call) =>
        _shell.RunInBackground(
            call,
            result =>
            {
                _shell.Prompt.Close();
                if (result is CaseDetail detail)
                {
                    _detail = detail;
                }
                else
                {
                    Reload();
                }
            },
            error =>
            {
                _shell.Prompt.Error = error;
                _shell.RunInBackground(
                    () => _shell.Session.Service.SendAsync(new GetCase(_caseId)),
                    detail =>
                    {
                        _detail = detail;
                        _promptRevision = detail.Summary.Revision;
                    });
            });

    private static string TimelineLine(TimelineEntry e, DateTime now, Canvas canvas)
    {
        string what = e.To is { } to
            ? (e.From is { } from ? $"{Messages.Get("State_" + from)} {canvas.Arrow} {Messages.Get("State_" + to)}" : Messages.Get("State_" + to))
            : "";
        string text = string.Join(": ", new[] { what, e.Render() }.Where(x => x.Length > 0));
        return $"{SwedishTime.FormatLocal(e.AtUtc)}  {e.UserName,-16}  {text}";
    }
}
