using System.Globalization;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Identity;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Reports;

/// <summary>
/// The invoicing settings (S on the reports screen): the invoice header. The contract period and its money
/// are contracts (A on the reports screen). Anyone may look; the server lets only finance and administrators save.
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
        Add(new FormField("days", UiText.Settings_PaymentTermDays) { Limit = TextLimits.Number, Value = settings.PaymentTermDays.ToString(CultureInfo.InvariantCulture), Validate = ValidDays });
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
            int.Parse(Field("days").Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
        SettingsData saved = await Shell.Session.Service.SendAsync(new SaveSettings(data));
        return saved.CustomerReference;
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved();
    }

    private static string? ValidDays(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days <= FollowUpSettings.MaxPaymentTermDays
            ? null
            : Messages.Format(ErrorCodes.SettingsPaymentTermInvalid, [text.Trim()]);

    private static string? ValidOrganisationNumber(string text) =>
        text.Trim().Length == 0 || OrganisationNumber.TryParse(text, out _, out IdentityNumberError error)
            ? null
            : Messages.Get(PersonalIdentityNumber.ErrorMessageKey(error));
}
