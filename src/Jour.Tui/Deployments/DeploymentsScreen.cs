using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Sessions;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using Terminal.Gui.Input;

namespace Jour.Tui.Deployments;

/// <summary>
/// The deployments of one case: move each on (kontaktad, bekräftad, avböjd, på plats, genomförd,
/// avbokad), record the time worked and have it signed by the assistant and the client.
/// </summary>
public sealed class DeploymentsScreen : IScreen
{
    private static readonly (char Key, DeploymentState State)[] s_stateKeys =
    [
        ('k', DeploymentState.Contacted), ('b', DeploymentState.Confirmed), ('a', DeploymentState.Declined),
        ('p', DeploymentState.OnSite), ('g', DeploymentState.Completed), ('x', DeploymentState.Cancelled),
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

    public IReadOnlyList<(string Key, string Text)> Help =>
    [
        ("K B A P G X", UiText.Help_Deployments_States),
        ("T", UiText.Help_Deployments_Time),
        ("S", UiText.Help_Deployments_SignAssistant),
        ("C", UiText.Help_Deployments_SignClient),
    ];

    public IReadOnlyList<string> KeyHints => [UiText.Key_DeploymentStates, UiText.Key_TimeReport, UiText.Key_Sign, UiText.Key_Back];

    public void Draw(Canvas canvas)
    {
        canvas.Line(0, UiText.Deployments_Legend);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_Name, 20, d => d.AssistantName),
                (UiText.Col_When, 24, d => $"{SwedishTime.FormatLocal(d.FromUtc)}–{SwedishTime.FormatClock(d.ToUtc)}"),
                (UiText.Col_State, 12, d => Messages.Get("Deployment_" + d.State) + (d.NeedsReplacement ? " !" : "")),
                (UiText.Col_TimeReport, 40, ReportText),
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

        if (key.IsCtrl || key.IsAlt || _list.Current is not { } d)
        {
            return false;
        }

        char letter = char.ToLowerInvariant((char)key.AsRune.Value);
        foreach (var (k, state) in s_stateKeys)
        {
            if (letter == k)
            {
                Apply(() => _shell.Session.Service.SetDeploymentStateAsync(new DeploymentStateRequest(d.Id, state)));
                return true;
            }
        }

        switch (letter)
        {
            case 't':
                AskTimeReport(d);
                return true;
            case 's':
            case 'c':
                AskSignature(d, byAssistant: letter == 's');
                return true;
            default:
                return false;
        }
    }

    private static string ReportText(DeploymentData d) => d.Report is not { } r
        ? ""
        : $"{SwedishTime.FormatClock(r.StartUtc)}–{SwedishTime.FormatClock(r.EndUtc)} {r.WorkedHours.ToString("0.##", SwedishCulture.Instance)} h"
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
            string[] parts = text.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 2 or > 3 || (parts.Length == 3 && !int.TryParse(parts[2], out _)))
            {
                _shell.Prompt.Error = UiText.Deployments_TimeFormat;
                return;
            }

            if (!LocalTimeInput.TryParse(parts[0], day, null, out DateTime start, out string error)
                || !LocalTimeInput.TryParse(parts[1], day, start, out DateTime end, out error))
            {
                _shell.Prompt.Error = error;
                return;
            }

            int pause = parts.Length == 3 ? int.Parse(parts[2], SwedishCulture.Instance) : 0;
            Apply(() => _shell.Session.Service.ReportTimeAsync(new TimeReportRequest(d.Id, start, end, pause)));
        }, initial: d.Report is { } r ? $"{SwedishTime.FormatClock(r.StartUtc)}-{SwedishTime.FormatClock(r.EndUtc)} {r.BreakMinutes}" : planned);
    }

    /// <summary>Name, then full personnummer (kept for the invoice basis), on two prompts.</summary>
    private void AskSignature(DeploymentData d, bool byAssistant)
    {
        string whoLabel = byAssistant ? UiText.Deployments_SignAssistantName : UiText.Deployments_SignClientName;
        _shell.Prompt.Open(whoLabel, name =>
        {
            if (name.Trim().Length == 0)
            {
                _shell.Prompt.Error = UiText.Form_Required;
                return;
            }

            _shell.Prompt.Open(
                Format.Text(UiText.Deployments_SignNumber, name.Trim()),
                number => Apply(() => _shell.Session.Service.SignAsync(new SignRequest(d.Id, byAssistant, name, number))));
        }, initial: byAssistant ? d.AssistantName : "");
    }
}
