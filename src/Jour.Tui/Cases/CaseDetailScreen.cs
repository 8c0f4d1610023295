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
/// One case: who, why, verification, the next gap, the actions the machine permits now (numbered)
/// and the timeline. Actions and notes are typed on the prompt line and kept there if refused.
/// </summary>
public sealed class CaseDetailScreen : IScreen
{
    private readonly ShellView _shell;
    private readonly long _caseId;
    private CaseDetail? _detail;
    private int _timelineTop;
    private int _promptRevision;

    public CaseDetailScreen(ShellView shell, long caseId)
    {
        _shell = shell;
        _caseId = caseId;
        Reload();
    }

    public long CaseId => _caseId;

    public string Title => _detail is null
        ? UiText.Loading
        : Format.Text(UiText.Case_Title, _detail.Summary.Number, _detail.Summary.ClientName);

    public IReadOnlyList<(string Key, string Text)> Help =>
    [
        ("1–9", UiText.Help_Case_Triggers),
        ("N", UiText.Help_Case_Note),
        ("V", UiText.Help_Case_Verify),
        ("B", UiText.Help_Case_Staff),
        ("D", UiText.Help_Case_Deployments),
        ("R", UiText.Help_Case_Reload),
        ("J", UiText.Help_Case_Journal),
        ("I", UiText.Help_Case_Incident),
        ("Esc", UiText.Help_Esc_Text),
    ];

    public IReadOnlyList<string> KeyHints => [UiText.Key_Trigger, UiText.Key_Note, UiText.Key_Verify, UiText.Key_Staff, UiText.Key_Deployments, UiText.Key_Back];

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetCase(_caseId)),
            detail => _detail = detail);

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
            canvas.Line(row++, UiText.Case_Deployments + " " + string.Join("; ", d.Deployments.Where(x => x.State is not (DeploymentState.Declined or DeploymentState.Cancelled)).Select(x =>
                $"{x.AssistantName} {SwedishTime.FormatClock(x.FromUtc)}–{SwedishTime.FormatClock(x.ToUtc)} {Messages.Get("Deployment_" + x.State)}{(x.NeedsReplacement ? " !" : "")}")));
        }

        string actions = d.PermittedTriggers.Count == 0
            ? UiText.Case_NoTriggers
            : UiText.Case_Triggers + " " + string.Join("  ", d.PermittedTriggers.Select((tr, i) => $"[{i + 1}] {Messages.Get("Trigger_" + tr)}"));
        canvas.Line(row++, actions);
        foreach (BlockedTrigger blocked in d.Blocked)
        {
            canvas.Line(row++, "  " + Format.Text(UiText.Case_Blocked, Messages.Get("Trigger_" + blocked.Trigger), blocked.Missing));
        }
        canvas.Line(row++, canvas.Rule[..Math.Min(canvas.Width, 2)] + " " + UiText.Case_Timeline + " " + canvas.Rule);

        int rows = canvas.Height - row;
        var lines = d.Timeline.Reverse().Select(e => TimelineLine(e, now, canvas)).ToList();
        _timelineTop = Math.Max(0, Math.Min(_timelineTop, lines.Count - rows));
        for (int i = 0; i < rows; i++)
        {
            int index = _timelineTop + i;
            canvas.Line(row + i, index < lines.Count ? lines[index] : "");
        }
    }

    public bool HandleKey(Key key)
    {
        if (_detail is not { } d)
        {
            return false;
        }

        int digit = key.AsRune.Value - '0';
        if (!key.IsAlt && !key.IsCtrl && digit >= 1 && digit <= d.PermittedTriggers.Count)
        {
            AskAndFire(d, d.PermittedTriggers[digit - 1]);
            return true;
        }

        char letter = char.ToLowerInvariant((char)key.AsRune.Value);
        if (letter == 'n' && !key.IsAlt && !key.IsCtrl)
        {
            _shell.Prompt.Open(UiText.Note_Prompt, text => Save(() => _shell.Session.Service.SendAsync(new NoteRequest(_caseId, text))), limit: TextLimits.Note);
            return true;
        }

        if (letter == 'v' && !key.IsAlt && !key.IsCtrl)
        {
            _shell.Push(new VerificationScreen(_shell, d, recorded => _detail = recorded));
            return true;
        }

        if (letter == 'b' && !key.IsAlt && !key.IsCtrl && d.Needs.Count > 0)
        {
            _shell.Push(new CandidatesScreen(_shell, d, changed => _detail = changed));
            return true;
        }

        if (letter == 'd' && !key.IsAlt && !key.IsCtrl)
        {
            _shell.Push(new DeploymentsScreen(_shell, d, changed => _detail = changed));
            return true;
        }

        if (letter == 'j' && !key.IsAlt && !key.IsCtrl)
        {
            _shell.Push(new Journals.JournalScreen(_shell, d.ClientId, d.Summary.ClientName));
            return true;
        }

        if (letter == 'i' && !key.IsAlt && !key.IsCtrl)
        {
            _shell.Push(new Records.IncidentFormScreen(_shell, null, d.ClientId, d.Summary.Id));
            return true;
        }

        if (letter == 'r' && !key.IsAlt && !key.IsCtrl)
        {
            Reload();
            return true;
        }

        if (key == Key.CursorDown || key == Key.PageDown)
        {
            _timelineTop += key == Key.PageDown ? 10 : 1;
            return true;
        }

        if (key == Key.CursorUp || key == Key.PageUp)
        {
            _timelineTop = Math.Max(0, _timelineTop - (key == Key.PageUp ? 10 : 1));
            return true;
        }

        return false;
    }

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

        string label = Messages.Get("Trigger_" + trigger) + " – " + UiText.Reason_Prompt;
        // Against the revision the officer saw when they chose the action, not one a push brought in
        // while they typed: that would apply their words to a case they have not seen. After a refusal
        // the case is reloaded and shown, so Enter again is a conscious retry against the new revision.
        _promptRevision = d.Summary.Revision;
        _shell.Prompt.Open(
            label,
            reason => Save(() => _shell.Session.Service.SendAsync(new TransitionRequest(_caseId, trigger, reason, _promptRevision))),
            limit: TextLimits.Reason);
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
