using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Records;

/// <summary>
/// MAS/MAR's follow-through on one incident (M on the records screen): the assessment that stands (lex Maria or not,
/// the day, the reasoning, the day reported to IVO) with the earlier ones it replaced, and the measures MAS requires,
/// overdue ones marked in words. B assesses (anew) and N requires a measure, MAS/MAR only; K marks the selected
/// measure done, MAS/MAR or a coordinator. Everyone with a role may look.
/// </summary>
public sealed class IncidentMasScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly ListModel<MeasureData> _list = new(m => $"{m.What} {m.Responsible}");
    private IncidentData _incident;
    private string _error = "";

    public IncidentMasScreen(ShellView shell, IncidentData incident)
    {
        _shell = shell;
        _incident = incident;
        Show(incident);
    }

    public string Title => Format.Text(UiText.Mas_Title, _incident.Id);

    public IncidentData Incident => _incident;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("mas.assess", "B", UiText.Help_Mas_Assess, UiText.Hint_Assess, () => _shell.Push(new MasAssessmentFormScreen(_shell, _incident, Show)), () => Only(Role.MedicalResponsible)),
        ScreenCommand.Of("mas.require", "N", UiText.Help_Mas_Require, UiText.Hint_Measure, () => _shell.Push(new MeasureFormScreen(_shell, _incident, Show)), () => Only(Role.MedicalResponsible)),
        ScreenCommand.Of("mas.done", "K", UiText.Help_Mas_Done, UiText.Hint_MeasureDone, MarkDone, () =>
            Only(Role.MedicalResponsible | Role.Coordinator)
            ?? (_list.Current is not { } m ? UiText.Register_NothingSelected
                : m.DoneOn is { } done ? Format.Text(UiText.Mas_AlreadyDone, m.Number, IsoDate.Format(done))
                : null)),
        ScreenCommand.Of("mas.reload", "R", UiText.Help_Case_Reload, null, Reload),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetIncidents()),
            all =>
            {
                _error = "";
                if (all.FirstOrDefault(i => i.Id == _incident.Id) is { } current)
                {
                    Show(current);
                }
            },
            error => _error = error);

    public void Draw(Canvas canvas)
    {
        IncidentData i = _incident;
        DateOnly today = SwedishTime.Today(_shell.UtcNow);
        canvas.Line(0, $"{Messages.Get("IncidentKind_" + i.Kind)}  {SwedishTime.FormatLocal(i.OccurredUtc)}  {i.ClientName}  {i.CaseNumber}".TrimEnd());
        canvas.Line(1, i.Description.ReplaceLineEndings(" "));
        if (_error.Length > 0)
        {
            canvas.Line(2, "! " + _error, highlight: true);
        }
        else if (i.CurrentAssessment is { } a)
        {
            string ivo = a.IvoReportedOn is { } day ? "  " + Format.Text(UiText.Mas_IvoReported, IsoDate.Format(day))
                : a.LexMaria ? "  " + UiText.Mas_IvoNotYet : "";
            canvas.Line(2, Format.Text(a.LexMaria ? UiText.Mas_LexMariaYes : UiText.Mas_LexMariaNo, IsoDate.Format(a.AssessedOn), a.AssessedByName) + ivo, highlight: a.LexMaria && a.IvoReportedOn is null);
            canvas.Line(3, "  " + a.Reasoning.ReplaceLineEndings(" "));
        }
        else
        {
            canvas.Line(2, "! " + UiText.Mas_NotAssessed, highlight: true);
        }

        // Earlier assessments stay visible: what MAS decided first is part of the record.
        var earlier = (i.Assessments ?? []).Reverse().Skip(1).ToList();
        canvas.Line(4, earlier.Count == 0 ? "" : Format.Text(
            UiText.Mas_Earlier,
            string.Join("; ", earlier.Select(e => $"{IsoDate.Format(e.AssessedOn)} {(e.LexMaria ? UiText.Yes : UiText.No)} ({e.AssessedByName})"))));
        canvas.Line(5, Format.Text(UiText.Mas_MeasuresHeading, i.Measures?.Count ?? 0, i.OverdueMeasures(today)));
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_Number, 4, m => m.Number.ToString(CultureInfo.InvariantCulture)),
                (UiText.Col_Measure, 30, m => m.What),
                (UiText.Col_Responsible, 16, m => m.Responsible),
                (UiText.Col_DueOn, 11, m => IsoDate.Format(m.DueOn)),
                (UiText.Col_DoneOn, 14, m => m.DoneOn is { } done ? IsoDate.Format(done) : m.IsOverdue(today) ? UiText.Mas_Overdue : ""),
            ],
            firstRow: 6,
            m => m.IsOverdue(today));
    }

    public bool HandleKey(Key key) => _list.Navigate(key, _shell.ContentRows - 7);

    private void Show(IncidentData incident)
    {
        _incident = incident;
        _list.SetRows([.. incident.Measures ?? []], (a, b) => a.Number == b.Number);
    }

    private string? Only(Role roles) => (_shell.Session.Session.Roles & roles) != 0 ? null
        : roles == Role.MedicalResponsible ? UiText.Mas_OnlyMas : UiText.Mas_OnlyMasOrCoordinator;

    private void MarkDone()
    {
        MeasureData measure = _list.Current!;
        _shell.Prompt.Open(
            Format.Text(UiText.Mas_DonePrompt, measure.Number, measure.What),
            typed => _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new MarkMeasureDone(_incident.Id, measure.Number, typed, _incident.Revision)),
                saved =>
                {
                    _shell.Prompt.Close();
                    Show(saved);
                    _shell.ShowDone(Format.Text(UiText.Mas_Done, measure.Number));
                },
                error => _shell.Prompt.Error = error),
            initial: IsoDate.Format(SwedishTime.Today(_shell.UtcNow)),
            limit: TextLimits.Number);
    }
}
