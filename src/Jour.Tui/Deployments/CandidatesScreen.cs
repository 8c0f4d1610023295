using System.Globalization;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Deployments;

/// <summary>
/// Who can go to one window of a case: eligible first (★ knows the client), then those who need an
/// override (rest, hours), and on `A` everyone else with every reason they cannot go.
/// Enter sends the selected person as confirmed, `F` as only proposed, `S` calls out the top ones by SMS
/// (issue 21): the first yes becomes a deployment; the answers show here as they come.
/// </summary>
public sealed class CandidatesScreen : IScreen
{
    private readonly ShellView _shell;
    private readonly long _caseId;
    private readonly int _windows;
    private readonly Action<CaseDetail> _changed;
    private readonly ListModel<CandidateData> _list = new(c => c.Name + " " + string.Join(" ", c.Reasons));
    private int _window;
    private bool _showAll;
    private CandidateList? _candidates;
    private string _error = "";
    private CallOutStatus? _callOut;
    private string _callOutNotice = "";

    public CandidatesScreen(ShellView shell, CaseDetail detail, Action<CaseDetail> changed)
    {
        _shell = shell;
        _caseId = detail.Summary.Id;
        _windows = detail.Needs.Count;
        _changed = changed;
        DateTime now = shell.UtcNow;
        _window = Math.Max(0, detail.Needs.ToList().FindIndex(w => w.Confirmed < w.Assistants && w.ToUtc > now));
        Reload();
    }

    public string Title => UiText.Candidates_Title;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("candidates.send", "Enter", UiText.Help_Candidates_Confirm, UiText.Hint_Send, () => Send(_list.Current!, _candidates!, DeploymentState.Confirmed), Chosen),
        ScreenCommand.Of("candidates.propose", "F", UiText.Help_Candidates_Propose, UiText.Hint_Propose, () => Send(_list.Current!, _candidates!, DeploymentState.Proposed), Chosen),
        ScreenCommand.Of("candidates.call-out", "S", UiText.Help_Candidates_CallOut, UiText.Hint_CallOut, () => AskCallOut(_candidates!), () => _candidates is null ? UiText.Loading : null),
        ScreenCommand.Of("candidates.withdraw", "W", UiText.Help_Candidates_Withdraw, UiText.Hint_Withdraw, AskWithdraw, OpenCallOut),
        ScreenCommand.Of("candidates.all", "A", UiText.Help_Candidates_All, UiText.Hint_All, () =>
        {
            _showAll = !_showAll;
            Show();
        }),
        ScreenCommand.Of("candidates.previous-window", "Left", UiText.Help_Candidates_PreviousWindow, null, () => StepWindow(-1), OtherWindows),
        ScreenCommand.Of("candidates.next-window", "Right", UiText.Help_Candidates_Window, UiText.Hint_Window, () => StepWindow(1), OtherWindows),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    private string? Chosen() => _list.Current is null || _candidates is null ? UiText.Register_NothingSelected : null;

    private string? OpenCallOut() => _callOut?.Lines.Any(l => l.Open) == true ? null : UiText.Candidates_NoOpenCallOut;

    /// <summary>Ends the case's open call-outs after a yes on the prompt row: a yes after this gets a polite no.</summary>
    private void AskWithdraw() =>
        _shell.Confirm(Format.Text(UiText.Candidates_WithdrawQuestion, _callOut!.Lines.Count(l => l.Open)), () =>
            _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new WithdrawCallOut(_caseId)),
                status => _callOut = status,
                error => _shell.Prompt.Error = error));

    private string? OtherWindows() => _windows > 1 ? null : UiText.Candidates_OneWindow;

    private void StepWindow(int step)
    {
        _window = (_window + _windows + step) % _windows;
        _candidates = null;
        Reload();
    }

    public void Draw(Canvas canvas)
    {
        if (_candidates is not { } list)
        {
            // A question the server could not answer says so here, not "loading" for ever (← → asks again).
            canvas.Line(0, _error.Length > 0 ? "! " + _error : UiText.Loading, highlight: _error.Length > 0);
            return;
        }

        NeedWindowData w = list.Window;
        string skills = w.Competences.Count > 0 ? " (" + string.Join(", ", w.Competences) + ")" : "";
        canvas.Line(0, Format.Text(UiText.Candidates_Window, _window + 1, _windows, $"{SwedishTime.FormatLocal(w.FromUtc)}–{SwedishTime.FormatClock(w.ToUtc)}", w.Confirmed, w.Assistants) + skills);
        int hidden = list.Candidates.Count - _list.Visible.Count;
        string callOut = CallOutSummary();
        canvas.Line(1, callOut.Length > 0 ? callOut : _list.Filter.Length > 0
            ? Format.Text(UiText.Board_Filter, _list.Filter)
            : _showAll ? UiText.Candidates_ShowingAll : Format.Text(UiText.Candidates_Hidden, hidden), highlight: _callOut?.Fault is not null);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                ("", 2, c => c.KnowsClient ? "★" : ""),
                (UiText.Col_Name, 22, c => c.Name),
                (UiText.Col_Phone, 14, c => c.Phone),
                (UiText.Col_Week, 7, c => c.HoursThisWeek.ToString("0.#", SwedishCulture.Instance) + " h"),
                (UiText.Col_Sms, 12, SmsCell),
                (UiText.Col_Why, 60, c => c.IsEligible ? UiText.Candidates_Free : (c.NeedsOverride ? "! " : "– ") + string.Join(", ", c.Reasons)),
            ],
            firstRow: 2,
            c => !c.IsEligible);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 4))
        {
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    /// <summary>Called by the shell when the server says this case changed (a reply, a deployment): the answers show at once.</summary>
    public void OnChanged(ChangeNotice notice)
    {
        if (notice.Kind == ChangeKind.Everything || (notice.Kind == ChangeKind.Case && notice.Id == _caseId))
        {
            Reload();
        }
    }

    private void AskCallOut(CandidateList list)
    {
        int eligible = list.Candidates.Count(c => c.IsEligible);
        _shell.Prompt.Open(
            Format.Text(UiText.Candidates_CallOutPrompt, eligible),
            text =>
            {
                if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
                {
                    _shell.Prompt.Error = Format.Text(UiText.Candidates_CallOutCount, text);
                    return;
                }

                _shell.RunInBackground(
                    () => _shell.Session.Service.SendAsync(new StartCallOut(_caseId, list.WindowIndex, count)),
                    status =>
                    {
                        _shell.Prompt.Close();
                        _shell.Trace($"call-out: {status.Lines.Count} lines, queued {status.Queued}");
                        _callOut = status;
                        _callOutNotice = status.Fault is { } fault ? Messages.Get(fault) : "";
                    },
                    error => _shell.Prompt.Error = error);
            },
            initial: Math.Min(5, Math.Max(1, eligible)).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>One line: how many were asked, the answers, the first yes and what it became; a fault in Swedish where the officer acted.</summary>
    private string CallOutSummary()
    {
        if (_callOut is not { Lines.Count: > 0 } status)
        {
            return "";
        }

        if (_callOutNotice.Length > 0 && status.Queued > 0)
        {
            return "! " + _callOutNotice;
        }

        var lines = status.Lines;
        int yes = lines.Count(l => l.Answer == "yes"), no = lines.Count(l => l.Answer == "no");
        string taken = lines.FirstOrDefault(l => l.DeploymentState is not null) is { } t
            ? " · " + Format.Text(UiText.Candidates_CallOutTaken, t.Name, Messages.Get("Deployment_" + Capital(t.DeploymentState!)))
            : "";
        // A yes that could not be taken (rest, double booking, block) is shown with its reason while nobody has taken the shift.
        string refused = taken.Length == 0 && lines.LastOrDefault(l => l.Refusal is not null) is { } r ? " · ! " + r.Name + ": " + r.Refusal : "";
        // Withdrawn (or every offer answered no): nobody more can take it from this call-out.
        string closed = taken.Length == 0 && lines.All(l => !l.Open) ? " · " + UiText.Candidates_CallOutClosed : "";
        return Format.Text(UiText.Candidates_CallOutSummary, lines.Count(l => l.SentAtUtc is not null), lines.Count, yes, no) + taken + refused + closed;
    }

    private string SmsCell(CandidateData c)
    {
        if (_callOut?.Lines.LastOrDefault(l => l.AssistantId == c.AssistantId) is not { } line)
        {
            return "";
        }

        return line switch
        {
            { DeploymentState: { } state } => UiText.Sms_Yes + " → " + Messages.Get("Deployment_" + Capital(state)),
            { Answer: "yes", Refusal: not null } => UiText.Sms_Yes + " !",
            { Answer: "yes" } => UiText.Sms_Yes,
            { Answer: "no" } => UiText.Sms_No,
            { SentAtUtc: not null } => UiText.Sms_Sent,
            _ => UiText.Sms_Queued,
        };
    }

    private static string Capital(string state) => state == "onsite" ? "OnSite" : char.ToUpperInvariant(state[0]) + state[1..];

    private void Reload()
    {
        ReloadCallOut();
        _error = "";
        int asked = _window;
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new CandidateRequest(_caseId, asked)),
            list =>
            {
                if (asked != _window)
                {
                    _shell.Trace($"candidates for window {asked} discarded: showing window {_window}");
                    return; // an answer for a window the officer has already left
                }

                _shell.Trace($"candidates for window {asked} shown ({list.Candidates.Count} rows)");

                // Another window is another question: start from the best candidate, not the last one picked.
                bool sameWindow = _candidates is not null;
                _candidates = list;
                Show(keepSelection: sameWindow);
            },
            error => _error = error);
    }

    private void ReloadCallOut() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new CallOutStatusRequest(_caseId)),
            status =>
            {
                _callOut = status.Lines.Count > 0 ? status : null;
                if (status.Queued == 0)
                {
                    _callOutNotice = "";
                }
            },
            _ => { });

    private void Show(bool keepSelection = true)
    {
        CandidateData[] rows = [.. _candidates?.Candidates.Where(c => _showAll || c.IsEligible || c.NeedsOverride) ?? []];
        if (keepSelection)
        {
            _list.SetRows(rows, (a, b) => a.AssistantId == b.AssistantId);
        }
        else
        {
            _list.SetRows(rows);
            _list.Navigate(Key.Home, 1);
        }
    }

    private void Send(CandidateData chosen, CandidateList list, DeploymentState state)
    {
        if (!chosen.IsEligible && !chosen.NeedsOverride)
        {
            _shell.Prompt.Open(Format.Text(UiText.Candidates_CannotGo, chosen.Name, string.Join(", ", chosen.Reasons)), _ => _shell.Prompt.Close());
            return;
        }

        void Assign(string reason, string overstaffReason) =>
            _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new AssignRequest(_caseId, list.WindowIndex, chosen.AssistantId, state, reason, overstaffReason)),
                detail =>
                {
                    _shell.Prompt.Close();
                    _changed(detail);
                    Reload();
                },
                error => _shell.Prompt.Error = error);

        void AskOverride(string overstaffReason)
        {
            if (chosen.NeedsOverride)
            {
                // Breaking a rest rule or the hour limit is possible, but only knowingly and logged.
                _shell.Prompt.Open(Format.Text(UiText.Candidates_OverridePrompt, string.Join(", ", chosen.Reasons)), reason => Assign(reason, overstaffReason), limit: TextLimits.Reason);
            }
            else
            {
                Assign("", overstaffReason);
            }
        }

        // A window that has its assistants gets more only knowingly, with the reason in the timeline;
        // a proposal does not staff anything yet, so it is not asked about.
        NeedWindowData w = list.Window;
        if (state == DeploymentState.Confirmed && w.Confirmed >= w.Assistants)
        {
            _shell.Prompt.Open(Format.Text(UiText.Candidates_OverstaffPrompt, w.Confirmed, w.Assistants), AskOverride, limit: TextLimits.Reason);
        }
        else
        {
            AskOverride("");
        }
    }
}
