using System.Globalization;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Providers;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Registers;

/// <summary>A new or existing provider: organisation number checked as typed, permit, status and contacts.</summary>
public sealed class ProviderFormScreen : FormScreen
{
    private readonly ProviderData? _existing;

    public ProviderFormScreen(ShellView shell, ProviderData? existing)
        : base(shell, existing is null ? "new-provider" : $"provider-{existing.Id}")
    {
        _existing = existing;
        Add(new FormField("name", UiText.Client_Name) { Limit = TextLimits.Name, Value = existing?.Name ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("org", UiText.Provider_OrgNumber)
        {
            Limit = TextLimits.Number,
            Value = existing?.OrganisationNumber ?? "",
            Validate = v => OrganisationNumber.TryParse(v, out _, out IdentityNumberError e) ? null : Messages.Get(PersonalIdentityNumber.ErrorMessageKey(e)),
            Hint = v => OrganisationNumber.TryParse(v, out OrganisationNumber n, out _) ? "→ " + n.Formatted : UiText.Provider_OrgHint,
        });
        Add(new FormField("ftax", UiText.Provider_FTax)
        {
            Choices = [("yes", UiText.Yes), ("no", UiText.No)],
            Value = existing is null || existing.HasFTax ? "yes" : "no",
        });
        Add(new FormField("ivo", UiText.Col_Ivo)
        {
            Choices = [.. Enum.GetValues<IvoPermit>().Select(p => (p.ToString(), Messages.Get("Ivo_" + p)))],
            Value = (existing?.Permit ?? IvoPermit.Granted).ToString(),
        });
        Add(new FormField("status", UiText.Col_Status)
        {
            Choices = [.. Enum.GetValues<ProviderStatus>().Select(s => (s.ToString(), Messages.Get("ProviderStatus_" + s)))],
            Value = (existing?.Status ?? ProviderStatus.Active).ToString(),
        });
        Add(new FormField("phone", UiText.Col_Phone)
        {
            Limit = TextLimits.Phone,
            Value = existing?.Phone ?? "",
            Validate = v => v.Trim().Length == 0 || JourUseCases.IsPhoneNumber(v) ? null : Messages.Get(ErrorCodes.PhoneInvalid),
        });
        Add(new FormField("contacts", UiText.Provider_Contacts)
        {
            Value = string.Join("; ", (existing?.Contacts ?? []).Select(c => $"{c.Name}, {c.Phone}")),
            Validate = v => ParseContacts(v).Error,
            Hint = _ => UiText.Provider_ContactsHint,
        });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Provider_NewTitle : Format.Text(UiText.Client_EditTitle, _existing.Name);

    protected override async Task<string> SubmitAsync()
    {
        var data = new ProviderData(
            _existing?.Id ?? 0,
            Field("name").Value,
            Field("org").Value,
            Field("ftax").Value == "yes",
            Enum.Parse<IvoPermit>(Field("ivo").Value),
            Enum.Parse<ProviderStatus>(Field("status").Value),
            Field("phone").Value,
            ParseContacts(Field("contacts").Value).Items,
            _existing?.Revision ?? 0);
        ProviderData saved = await Shell.Session.Service.SendAsync(new SaveProvider(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Pop();
    }

    /// <summary>"Eva Lind, 070-111 22 33; Per Ek, 08-123 45".</summary>
    private static (IReadOnlyList<ContactData> Items, string? Error) ParseContacts(string text)
    {
        var items = new List<ContactData>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] nameAndPhone = part.Split(',', 2, StringSplitOptions.TrimEntries);
            if (nameAndPhone.Length < 2 || nameAndPhone[0].Length == 0 || !JourUseCases.IsPhoneNumber(nameAndPhone[1]))
            {
                return ([], UiText.Provider_ContactFormat);
            }

            items.Add(new ContactData(nameAndPhone[0], nameAndPhone[1]));
        }

        return (items, null);
    }
}
