using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>
/// MAS/MAR's assessment of an incident: lex Maria or not, the day, the reasoning, the day reported to IVO. Saving adds
/// a new assessment; the one it replaces stays with the incident. The form starts from the one that stands.
/// </summary>
public sealed class MasAssessmentFormScreen : FormScreen
{
    private readonly IncidentData _incident;
    private readonly Action<IncidentData> _saved;
    private IncidentData? _result;

    public MasAssessmentFormScreen(ShellView shell, IncidentData incident, Action<IncidentData> saved)
        : base(shell, $"mas-assessment-{incident.Id}")
    {
        _incident = incident;
        _saved = saved;
        MasAssessmentData? current = incident.CurrentAssessment;
        string today = IsoDate.Format(SwedishTime.Today(shell.UtcNow));
        Add(new FormField("lex-maria", UiText.Mas_LexMaria)
        {
            Choices = RecordLinks.YesNo(UiText.Yes, UiText.No),
            Value = current?.LexMaria == true ? "ja" : "nej",
            Hint = _ => UiText.Mas_LexMariaHint,
        });
        Add(new FormField("assessed-on", UiText.Mas_AssessedOn) { Limit = TextLimits.Number, Value = today, Validate = DateField.Required, Hint = _ => UiText.Date_Hint });
        Add(new FormField("reasoning", UiText.Mas_Reasoning) { Limit = TextLimits.Description, Value = current?.Reasoning ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("ivo", UiText.Mas_IvoOn)
        {
            Limit = TextLimits.Number,
            Value = current?.IvoReportedOn is { } ivo ? IsoDate.Format(ivo) : "",
            Validate = DateField.Optional,
            Hint = _ => UiText.Mas_IvoHint,
        });
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.Mas_AssessTitle, _incident.Id);

    protected override async Task<string> SubmitAsync()
    {
        _result = await Shell.Session.Service.SendAsync(new AssessIncident(
            _incident.Id,
            Field("lex-maria").Value == "ja",
            Field("assessed-on").Value,
            Field("reasoning").Value,
            Field("ivo").Value,
            _incident.Revision));
        return _result.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved(_result!);
        Shell.ShowDone(UiText.Mas_Assessed);
    }
}
