using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>A measure MAS/MAR requires after an incident: what, who is responsible (a name as written), the last day.</summary>
public sealed class MeasureFormScreen : FormScreen
{
    private readonly IncidentData _incident;
    private readonly Action<IncidentData> _saved;
    private IncidentData? _result;

    public MeasureFormScreen(ShellView shell, IncidentData incident, Action<IncidentData> saved)
        : base(shell, $"mas-measure-{incident.Id}")
    {
        _incident = incident;
        _saved = saved;
        Add(new FormField("what", UiText.Mas_MeasureWhat) { Limit = TextLimits.Description, Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("responsible", UiText.Mas_Responsible) { Limit = TextLimits.Name, Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null, Hint = _ => UiText.Mas_ResponsibleHint });
        Add(new FormField("due", UiText.Mas_DueOn)
        {
            Limit = TextLimits.Number,
            Value = IsoDate.Format(SwedishTime.Today(shell.UtcNow).AddDays(30)),
            Validate = DateField.Required,
            Hint = _ => UiText.Date_Hint,
        });
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.Mas_MeasureTitle, _incident.Id);

    protected override async Task<string> SubmitAsync()
    {
        _result = await Shell.Session.Service.SendAsync(new RequireMeasure(_incident.Id, Field("what").Value, Field("responsible").Value, Field("due").Value, _incident.Revision));
        return _result.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved(_result!);
        Shell.ShowDone(UiText.Mas_MeasureRequired);
    }
}
