using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>
/// An IVO investigation of the operation (V on the records screen, Enter on one): IVO's reference, the day it opened,
/// what it is about, the day the beställare was told (seed 000: on the operator's own initiative), the day it closed
/// and the outcome.
/// </summary>
public sealed class IvoInvestigationFormScreen : FormScreen
{
    private readonly IvoInvestigationData? _existing;
    private readonly Action? _saved;

    public IvoInvestigationFormScreen(ShellView shell, IvoInvestigationData? existing, Action? saved = null)
        : base(shell, existing is null ? "new-ivo-investigation" : $"ivo-investigation-{existing.Id}")
    {
        _existing = existing;
        _saved = saved;
        Add(new FormField("reference", UiText.Ivo_Reference) { Limit = TextLimits.Number, Value = existing?.Reference ?? "", Validate = Required });
        Add(new FormField("opened", UiText.Ivo_Opened)
        {
            Limit = TextLimits.Number,
            Value = IsoDate.Format(existing?.OpenedOn ?? SwedishTime.Today(shell.UtcNow)),
            Validate = DateField.Required,
            Hint = _ => UiText.Date_Hint,
        });
        Add(new FormField("subject", UiText.Ivo_Subject) { Limit = TextLimits.Description, Value = existing?.Subject ?? "", Validate = Required });
        Add(new FormField("told", UiText.Ivo_TellCommissioner) { Limit = TextLimits.Number, Value = ComplaintFormScreen.Day(existing?.CommissionerToldOn), Validate = DateField.Optional, Hint = _ => UiText.Ivo_TellHint });
        Add(new FormField("closed", UiText.Ivo_Closed) { Limit = TextLimits.Number, Value = ComplaintFormScreen.Day(existing?.ClosedOn), Validate = DateField.Optional, Hint = _ => UiText.Date_HintOrEmpty });
        Add(new FormField("outcome", UiText.Ivo_Outcome) { Limit = TextLimits.Description, Value = existing?.Outcome ?? "" });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Ivo_NewTitle : Format.Text(UiText.Ivo_EditTitle, _existing.Reference);

    protected override async Task<string> SubmitAsync()
    {
        var data = new IvoInvestigationData(
            _existing?.Id ?? 0,
            Field("reference").Value,
            IsoDate.Parse(Field("opened").Value.Trim()) ?? SwedishTime.Today(Shell.UtcNow),
            Field("subject").Value,
            IsoDate.Parse(Field("told").Value.Trim()),
            IsoDate.Parse(Field("closed").Value.Trim()),
            Field("outcome").Value,
            _existing?.Revision ?? 0);
        IvoInvestigationData saved = await Shell.Session.Service.SendAsync(new SaveIvoInvestigation(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved?.Invoke();
    }

    private static string? Required(string typed) => typed.Trim().Length == 0 ? UiText.Form_Required : null;
}
