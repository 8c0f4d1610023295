using System.Globalization;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.UseCases;
using Jour.Tui.Intake;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Registers;

/// <summary>A new or existing client, every field checked as typed; the number shows what it was understood as.</summary>
public sealed class ClientFormScreen : FormScreen
{
    private readonly ClientData? _existing;
    private readonly Action<ClientData>? _onSaved;

    public ClientFormScreen(ShellView shell, ClientData? existing, Action<ClientData>? onSaved = null)
        : base(shell, existing is null ? "new-client" : $"client-{existing.Id}")
    {
        _existing = existing;
        _onSaved = onSaved;
        Add(new FormField("name", UiText.Client_Name) { Limit = TextLimits.Name, Value = existing?.Name ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("number", UiText.Client_Number)
        {
            Limit = TextLimits.Number,
            Value = existing is null ? "" : ForEditing(existing.PersonalIdentityNumber),
            Validate = v => ParseNumber(v).Error,
            Hint = v => ParseNumber(v).Hint,
        });
        Add(new FormField("address", UiText.Client_Address) { Limit = TextLimits.Address, Value = existing?.Address ?? "" });
        Add(new FormField("access", UiText.Client_Access) { Limit = TextLimits.AccessNote, Value = existing?.AccessNote ?? "" });
        Add(ProviderField.Create(shell.Session, existing?.ProviderId, existing?.IsSelfEmployer ?? false));
        Add(new FormField("basis", UiText.Client_Basis)
        {
            Choices = [.. Enum.GetValues<AssistanceBasis>().Select(b => (b.ToString(), Messages.Get("Basis_" + b)))],
            Value = (existing?.Basis ?? AssistanceBasis.Lss).ToString(),
        });
        Add(new FormField("hours", UiText.Client_Hours)
        {
            Value = existing?.GrantedHoursPerWeek.ToString(SwedishCulture.Instance) ?? "",
            Validate = v => ParseHours(v) is null ? Messages.Get(ErrorCodes.HoursInvalid) : null,
        });
        Add(new FormField("needs", UiText.Client_Needs) { Value = string.Join(", ", existing?.Needs ?? []), Hint = _ => UiText.Intake_SkillsHint });
        Add(new FormField("delegations", UiText.Client_Delegations) { Value = string.Join(", ", existing?.DelegatedTasks ?? []) });
        Add(new FormField("representatives", UiText.Client_Representatives)
        {
            Value = string.Join("; ", (existing?.Representatives ?? []).Select(r => $"{Messages.Get("Representative_" + r.Kind)}: {r.Name}, {r.Phone}" + (r.PersonalNumber.Length > 0 ? ", " + ForEditing(r.PersonalNumber) : ""))),
            Validate = v => ParseRepresentatives(v).Error,
            Hint = _ => UiText.Client_RepresentativesHint,
        });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Client_NewTitle : Format.Text(UiText.Client_EditTitle, _existing.Name);

    protected override async Task<string> SubmitAsync()
    {
        var data = new ClientData(
            _existing?.Id ?? 0,
            Field("name").Value,
            Field("number").Value,
            Field("address").Value,
            Field("access").Value,
            ProviderField.ProviderId(Field("provider")),
            ProviderField.IsSelfEmployer(Field("provider")),
            ParseHours(Field("hours").Value) ?? 0,
            Enum.Parse<AssistanceBasis>(Field("basis").Value),
            NewCaseScreen.SplitList(Field("needs").Value),
            NewCaseScreen.SplitList(Field("delegations").Value),
            ParseRepresentatives(Field("representatives").Value).Items,
            _existing?.Revision ?? 0);
        ClientData saved = await Shell.Session.Service.SendAsync(new SaveClient(data));
        _saved = saved;
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Pop();
        if (_saved is { } saved)
        {
            _onSaved?.Invoke(saved);
        }
    }

    private ClientData? _saved;

    private (string? Error, string Hint) ParseNumber(string text)
    {
        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(Shell.UtcNow).ToDateTimeUnspecified());
        if (text.Trim().Length == 0)
        {
            return (UiText.Form_Required, UiText.Client_NumberHint);
        }

        if (!PersonalIdentityNumber.TryParse(text, today, out PersonalIdentityNumber number, out IdentityNumberError error))
        {
            return (Messages.Get(PersonalIdentityNumber.ErrorMessageKey(error)), UiText.Client_NumberHint);
        }

        string kind = number.IsCoordinationNumber ? UiText.Client_CoordinationNumber : UiText.Client_PersonalNumber;
        string sex = number.IsFemale ? UiText.Client_Female : UiText.Client_Male;
        return (null, $"→ {number.Formatted} ({kind}, {sex}, {number.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
    }

    private static decimal? ParseHours(string text)
    {
        string t = text.Trim().Replace('.', ',');
        if (t.Length == 0)
        {
            return 0;
        }

        return decimal.TryParse(t, NumberStyles.Number, SwedishCulture.Instance, out decimal hours) && hours is >= 0 and <= 168 ? hours : null;
    }

    /// <summary>
    /// "god man: Eva Lind, 070-111 22 33, 19420202-3018; anhörig: Per Lind, 070-222 33 44": the
    /// personnummer is optional and lets the representative sign time reports (checked by the server).
    /// </summary>
    internal static (IReadOnlyList<RepresentativeData> Items, string? Error) ParseRepresentatives(string text)
    {
        var items = new List<RepresentativeData>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            RepresentativeKind? kind = colon < 0 ? null : Enum.GetValues<RepresentativeKind>()
                .Cast<RepresentativeKind?>()
                .FirstOrDefault(k => string.Equals(Messages.Get("Representative_" + k), part[..colon].Trim(), StringComparison.CurrentCultureIgnoreCase));
            if (kind is null)
            {
                return ([], UiText.Client_RepresentativeKind);
            }

            string[] nameAndPhone = part[(colon + 1)..].Split(',', 3, StringSplitOptions.TrimEntries);
            string phone = nameAndPhone.Length > 1 ? nameAndPhone[1] : "";
            string number = nameAndPhone.Length > 2 ? nameAndPhone[2] : "";
            if (nameAndPhone[0].Length == 0 || (phone.Length > 0 && !JourUseCases.IsPhoneNumber(phone)))
            {
                return ([], Messages.Get(ErrorCodes.PhoneInvalid));
            }

            items.Add(new RepresentativeData(kind.Value, nameAndPhone[0], phone, number));
        }

        return (items, null);
    }

    /// <summary>The stored twelve digits shown as YYYYMMDD-NNNN for editing.</summary>
    private static string ForEditing(string stored) => stored.Length == 12 ? $"{stored[..8]}-{stored[8..]}" : stored;
}
