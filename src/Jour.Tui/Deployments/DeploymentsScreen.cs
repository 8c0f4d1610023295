using System.Text.RegularExpressions;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using Terminal.Gui.Input;

namespace Jour.Tui.Deployments;

/// <summary>
/// The deployments of one case: move each on (kontaktad, bekräftad, avböjd, på plats, genomförd,
/// avbokad), record the time worked and have it signed by the assistant and the client.
/// </summary>
public sealed partial class DeploymentsScreen : IScreen
{
    private static readonly (string Key, DeploymentState State, string Name)[] s_stateKeys =
    [
        ("K", DeploymentState.Contacted, "contacted"), ("B", DeploymentState.Confirmed, "confirmed"), ("A", DeploymentState.Declined, "declined"),
        ("P", DeploymentState.OnSite, "on-site"), ("G", DeploymentState.Completed, "completed"), ("X", DeploymentState.Cancelled, "cancelled"),
    ];

    private readonly ShellView _shell;
    private readonly Action<CaseDetail> _changed;
    private readonly ListModel<DeploymentData> _list = new(d => d.AssistantName + " " + Messages.Get("Deployment_" + d.State));
    private CaseDetail _case;

    public DeploymentsScreen(ShellView shell, CaseDetail detail, Action<CaseDetail> changed)
    {
        _shell = shell;
        _case = detail;
        _changed = changed;
        _list.SetRows(detail.Deployments);
    }

    public string Title => Format.Text(UiText.Deployments_Title, _case.Summary.Number);

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        .. s_stateKeys.Select(k => ScreenCommand.Of(
            "deployments." + k.Name,
            k.Key,
            Format.Text(UiText.Help_Deployments_MoveTo, Messages.Get("Deployment_" + k.State)),
            null,
            () => MoveTo(_list.Current!, k.State),
            Selected)),
        ScreenCommand.Of("deployments.time-report", "T", UiText.Help_Deployments_Time, UiText.Hint_TimeReport, () => AskTimeReport(_list.Current!), Selected),
        ScreenCommand.Of("deployments.sign-assistant", "S", UiText.Help_Deployments_SignAssistant, UiText.Hint_SignAssistant, () => AskSignature(_list.Current!, byAssistant: true), Selected),
        ScreenCommand.Of("deployments.sign-client", "C", UiText.Help_Deployments_SignClient, UiText.Hint_SignClient, () => AskSignature(_list.Current!, byAssistant: false), Selected),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    private string? Selected() => _list.Current is null ? UiText.Deployments_NoneSelected : null;

    public void Draw(Canvas canvas)
    {
        canvas.Line(0, _list.Current is { } current ? MovesText(current) : UiText.Deployments_Legend);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                // The state whole ("bekräftad !"); the time report takes the rest of the width.
                (UiText.Col_Name, 15, d => d.AssistantName),
                (UiText.Col_When, 17, d => $"{SwedishTime.ToLocal(d.FromUtc).ToString("d'/'M HH:mm", SwedishCulture.Instance)}–{SwedishTime.FormatClock(d.ToUtc)}"),
                (UiText.Col_State, 12, d => Messages.Get("Deployment_" + d.State) + (d.NeedsReplacement ? " !" : "")),
                (UiText.Col_TimeReport, Math.Max(20, canvas.Width - 2 - 15 - 17 - 12), ReportText),
            ],
            firstRow: 1,
            d => d.NeedsReplacement);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 3))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Confirming someone for a window that already has its assistants asks why, as the candidates
    /// screen does; every other move goes straight to the server, which refuses what the machine does not permit.
    /// </summary>
    private void MoveTo(DeploymentData d, DeploymentState state)
    {
        NeedWindowData? window = _case.Needs.FirstOrDefault(w => d.FromUtc <= w.FromUtc && d.ToUtc >= w.ToUtc);
        if (state == DeploymentState.Confirmed && d.Moves.Contains(state) && window is { } w && w.Confirmed >= w.Assistants)
        {
            _shell.Prompt.Open(
                Format.Text(UiText.Candidates_OverstaffPrompt, w.Confirmed, w.Assistants),
                reason => Apply(() => _shell.Session.Service.SendAsync(new DeploymentStateRequest(d.Id, state, reason))),
                limit: TextLimits.Reason);
            return;
        }

        if (state == DeploymentState.Cancelled && d.Moves.Contains(state))
        {
            // Cancelling leaves a window without its assistant: the question names who, when and which case.
            _shell.Confirm(
                Format.Text(UiText.Deployments_CancelQuestion, d.AssistantName, $"{SwedishTime.FormatLocal(d.FromUtc)}–{SwedishTime.FormatClock(d.ToUtc)}", _case.Summary.Number),
                () => Apply(() => _shell.Session.Service.SendAsync(new DeploymentStateRequest(d.Id, state))));
            return;
        }

        Apply(() => _shell.Session.Service.SendAsync(new DeploymentStateRequest(d.Id, state)));
    }

    /// <summary>Only the moves the deployment's machine permits now, with their keys; any other key gets the server's refusal.</summary>
    private static string MovesText(DeploymentData d) => Format.Text(
        UiText.Deployments_Moves,
        d.Moves.Count == 0
            ? "–"
            : string.Join("  ", s_stateKeys.Where(k => d.Moves.Contains(k.State)).Select(k => $"{k.Key} {Messages.Get("Deployment_" + k.State)}")));

    /// <summary>Hours worked and who has signed; the actual times only when they differ from the plan.</summary>
    private static string ReportText(DeploymentData d) => d.Report is not { } r
        ? ""
        : (r.StartUtc != d.FromUtc || r.EndUtc != d.ToUtc ? $"{SwedishTime.FormatClock(r.StartUtc)}–{SwedishTime.FormatClock(r.EndUtc)} " : "")
          + $"{r.WorkedHours.ToString("0.##", SwedishCulture.Instance)} h"
          + (r.AssistantSignedUtc is null ? "" : " ✓" + UiText.Deployments_SignedA)
          + (r.ClientSignedUtc is null ? "" : " ✓" + UiText.Deployments_SignedC);

    private void Apply(Func<Task<CaseDetail>> call) =>
        _shell.RunInBackground(
            call,
            detail =>
            {
                _shell.Prompt.Close();
                _case = detail;
                _list.SetRows(detail.Deployments, (a, b) => a.Id == b.Id);
                _changed(detail);
            },
            error => _shell.Prompt.Error = error);

    /// <summary>Start, end and break typed as local times on the prompt; the end may be the next morning.</summary>
    private void AskTimeReport(DeploymentData d)
    {
        LocalDate day = SwedishTime.ToLocal(d.FromUtc).Date;
        string planned = $"{SwedishTime.FormatClock(d.FromUtc)}-{SwedishTime.FormatClock(d.ToUtc)} 0";
        _shell.Prompt.Open(UiText.Deployments_TimePrompt, text =>
        {
            Match m = WorkedPattern().Match(text.Trim());
            if (!m.Success)
            {
                _shell.Prompt.Error = UiText.Deployments_TimeFormat;
                return;
            }

            if (!LocalTimeInput.TryParse(m.Groups["start"].Value, day, null, out DateTime start, out string error)
                || !LocalTimeInput.TryParse(m.Groups["end"].Value, day, start, out DateTime end, out error))
            {
                _shell.Prompt.Error = error;
                return;
            }

            int pause = m.Groups["pause"].Success ? int.Parse(m.Groups["pause"].Value, SwedishCulture.Instance) : 0;
            Apply(() => _shell.Session.Service.SendAsync(new TimeReportRequest(d.Id, start, end, pause)));
        }, initial: d.Report is { } r ? $"{SwedishTime.FormatClock(r.StartUtc)}-{SwedishTime.FormatClock(r.EndUtc)} {r.BreakMinutes}" : planned);
    }

    /// <summary>"22:00-07:00 30", "2026-10-24 22:00 – 07:00", "01:30+2 - 02:30+1 0": start, end, break minutes.</summary>
    [GeneratedRegex(@"^(?<start>(\d{4}-\d{1,2}-\d{1,2}\s+)?\d{1,2}[:.]\d{2}(\+0?[12])?)\s*[-–]\s*(?<end>(\d{4}-\d{1,2}-\d{1,2}\s+)?\d{1,2}[:.]\d{2}(\+0?[12])?)(\s+(?<pause>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkedPattern();

    /// <summary>
    /// Only the personnummer: the server knows who may sign (the assistant who worked; the client or a
    /// registered representative) and keeps the register's name with it for the invoice basis.
    /// </summary>
    private void AskSignature(DeploymentData d, bool byAssistant) =>
        _shell.Prompt.Open(
            byAssistant ? Format.Text(UiText.Deployments_SignAssistant, d.AssistantName) : Format.Text(UiText.Deployments_SignClient, _case.Summary.ClientName),
            number => Apply(() => _shell.Session.Service.SendAsync(new SignRequest(d.Id, byAssistant, number))),
            limit: TextLimits.Number);
}
