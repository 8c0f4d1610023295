using System.Globalization;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Identity;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Reports;

/// <summary>
/// The contract and invoicing settings (S on the reports screen): the invoice header, the contract period
/// whose end starts the two-week notice, and the compensation, target and capacity the follow-up counts
/// with. Anyone may look; the server lets only finance and administrators save.
/// </summary>
public sealed class SettingsFormScreen : FormScreen
{
    private readonly Action _saved;

    public SettingsFormScreen(ShellView shell, SettingsData settings, Action saved)
        : base(shell, "settings")
    {
        _saved = saved;
        Add(new FormField("supplier", UiText.Settings_Supplier) { Limit = TextLimits.Name, Value = settings.SupplierName });
        Add(new FormField("org", UiText.Settings_OrganisationNumber) { Limit = TextLimits.Number, Value = settings.OrganisationNumber, Validate = ValidOrganisationNumber });
        Add(new FormField("vat", UiText.Settings_Vat) { Limit = TextLimits.Number, Value = settings.VatNumber });
        Add(new FormField("ftax", UiText.Settings_FTax) { Limit = TextLimits.Number, Value = settings.FTax });
        Add(new FormField("customer", UiText.Settings_Customer) { Limit = TextLimits.Name, Value = settings.CustomerName });
        Add(new FormField("reference", UiText.Settings_Reference) { Limit = TextLimits.Name, Value = settings.CustomerReference });
        Add(new FormField("address", UiText.Settings_Address) { Limit = TextLimits.Address, Value = settings.InvoiceAddress });
        Add(new FormField("start", UiText.Settings_ContractStart) { Value = settings.ContractStart, Validate = ValidDate });
        Add(new FormField("end", UiText.Settings_ContractEnd)
        {
            Value = settings.ContractEnd,
            Validate = v => ValidDate(v) ?? (Date(v) is { } end && Date(Field("start").Value) is { } start && end < start ? Messages.Get(ErrorCodes.ContractEndBeforeStart) : null),
            Hint = _ => UiText.Settings_ContractEndHint,
        });
        Add(new FormField("compensation", UiText.Settings_Compensation) { Value = Number(settings.AnnualCompensation), Validate = v => ValidNumber(v, 1_000_000_000m) });
        Add(new FormField("target", UiText.Settings_Target) { Value = Number(settings.UtilisationTargetPercent), Validate = v => ValidNumber(v, 100m) });
        Add(new FormField("capacity", UiText.Settings_Capacity) { Value = Number(settings.CapacityHoursPerYear), Validate = v => ValidNumber(v, 8_784m), Hint = _ => UiText.Settings_CapacityHint });
        RestoreDraft();
    }

    public override string Title => UiText.Settings_Title;

    protected override async Task<string> SubmitAsync()
    {
        var data = new SettingsData(
            Field("supplier").Value,
            Field("org").Value,
            Field("vat").Value,
            Field("ftax").Value,
            Field("customer").Value,
            Field("reference").Value,
            Field("address").Value,
            Field("start").Value,
            Field("end").Value,
            Parse(Field("compensation").Value) ?? 0,
            Parse(Field("target").Value) ?? 0,
            Parse(Field("capacity").Value) ?? 0);
        SettingsData saved = await Shell.Session.Service.SendAsync(new SaveSettings(data));
        return saved.ContractEnd;
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved();
    }

    private static string Number(decimal value) => value.ToString("#,0.##", SwedishCulture.Instance);

    // Spaces between thousands as typed or as shown (sv-SE uses a no-break space).
    private static decimal? Parse(string text) =>
        decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), NumberStyles.Number, SwedishCulture.Instance, out decimal value) ? value : null;

    private static string? ValidNumber(string text, decimal max) =>
        Parse(text) is { } value && value >= 0 && value <= max ? null : Format.Text(UiText.Settings_NumberInvalid, Number(max));

    private static DateOnly? Date(string text) => FollowUpSettings.ParseDate(text.Trim());

    private static string? ValidDate(string text) =>
        text.Trim().Length == 0 || Date(text) is not null ? null : Messages.Format(ErrorCodes.DateInvalid, [text.Trim()]);

    private static string? ValidOrganisationNumber(string text) =>
        text.Trim().Length == 0 || OrganisationNumber.TryParse(text, out _, out IdentityNumberError error)
            ? null
            : Messages.Get(PersonalIdentityNumber.ErrorMessageKey(error));
}
