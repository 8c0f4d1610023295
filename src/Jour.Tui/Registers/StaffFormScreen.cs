using System.Globalization;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Tui.Intake;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Registers;

/// <summary>
/// A new or existing standby assistant: contact, personnummer, employment, hour limit, competences,
/// delegations, declared (un)availability and the clients they know or must not meet. Every list is
/// checked as typed, with the message at the field; the block is shown but changed only from the list.
/// </summary>
public sealed class StaffFormScreen : FormScreen
{
    private readonly StaffData? _existing;

    public StaffFormScreen(ShellView shell, StaffData? existing)
        : base(shell, existing is null ? "new-staff" : $"staff-{existing.Id}")
    {
        _existing = existing;
        IReadOnlyList<ClientSummary> clients = shell.Session.Clients;
        Add(new FormField("name", UiText.Staff_Name) { Limit = TextLimits.Name, Value = existing?.Name ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("phone", UiText.Staff_Phone)
        {
            Limit = TextLimits.Phone,
            Value = existing?.Phone ?? "",
            Validate = v => JourUseCases.IsPhoneNumber(v) ? null : Messages.Get(ErrorCodes.PhoneInvalid),
        });
        Add(new FormField("number", UiText.Staff_Number)
        {
            Limit = TextLimits.Number,
            Value = existing is { PersonalIdentityNumber.Length: 12 } e ? $"{e.PersonalIdentityNumber[..8]}-{e.PersonalIdentityNumber[8..]}" : existing?.PersonalIdentityNumber ?? "",
            Validate = v => ParseNumber(v).Error,
            Hint = v => ParseNumber(v).Hint,
        });
        Add(new FormField("employment", UiText.Staff_Employment)
        {
            Choices = [.. Enum.GetValues<EmploymentForm>().Select(f => (f.ToString(), Messages.Get("Employment_" + f)))],
            Value = (existing?.EmploymentForm ?? EmploymentForm.Hourly).ToString(),
        });
        Add(new FormField("limit", UiText.Staff_HourLimit)
        {
            Value = (existing?.WeeklyHourLimit ?? new StandbyAssistant().WeeklyHourLimit).ToString("0.##", SwedishCulture.Instance),
            Validate = v => ParseLimit(v) is null ? Messages.Get(ErrorCodes.HourLimitInvalid) : null,
        });
        Add(new FormField("competences", UiText.Staff_Competences) { Value = string.Join(", ", existing?.Competences ?? []), Hint = _ => UiText.Intake_SkillsHint });
        Add(new FormField("delegations", UiText.Staff_Delegations)
        {
            Value = StaffInput.FormatDelegations(existing?.Delegations ?? []),
            Validate = v => StaffInput.ParseDelegations(v).Error,
            Hint = _ => UiText.Staff_DelegationsHint,
        });
        Add(PeriodField("available", UiText.Staff_Available, existing, available: true));
        Add(PeriodField("unavailable", UiText.Staff_Unavailable, existing, available: false));
        Add(ClientsField("known", UiText.Staff_Known, existing?.KnownClientIds, clients));
        Add(ClientsField("excluded", UiText.Staff_Excluded, existing?.ExcludedClientIds, clients));
        if (existing?.IsBlocked == true)
        {
            Message = UiText.Staff_BlockedNote;
        }

        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Staff_NewTitle : Format.Text(UiText.Staff_EditTitle, _existing.Name);

    protected override async Task<string> SubmitAsync()
    {
        IReadOnlyList<ClientSummary> clients = Shell.Session.Clients;
        var data = new StaffData(
            _existing?.Id ?? 0,
            Field("name").Value,
            Field("phone").Value,
            Field("number").Value,
            Enum.Parse<EmploymentForm>(Field("employment").Value),
            ParseLimit(Field("limit").Value) ?? 0,
            NewCaseScreen.SplitList(Field("competences").Value),
            StaffInput.ParseDelegations(Field("delegations").Value).Items,
            [.. StaffInput.ParsePeriods(Field("available").Value, available: true).Items, .. StaffInput.ParsePeriods(Field("unavailable").Value, available: false).Items],
            StaffInput.ParseClients(Field("known").Value, clients).Ids,
            StaffInput.ParseClients(Field("excluded").Value, clients).Ids,
            _existing?.IsBlocked ?? false,
            _existing?.Revision ?? 0);
        StaffData saved = await Shell.Session.Service.SendAsync(new SaveStaff(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Pop();
    }

    private static FormField PeriodField(string name, string label, StaffData? existing, bool available) => new(name, label)
    {
        Value = StaffInput.FormatPeriods((existing?.Availability ?? []).Where(p => p.IsAvailable == available)),
        Validate = v => StaffInput.ParsePeriods(v, available).Error,
        Hint = _ => UiText.Staff_PeriodsHint,
    };

    private static FormField ClientsField(string name, string label, IReadOnlyList<long>? ids, IReadOnlyList<ClientSummary> clients) => new(name, label)
    {
        Value = StaffInput.FormatClients(ids ?? [], clients),
        Validate = v => StaffInput.ParseClients(v, clients).Error,
        Picks = typed => StaffInput.MatchingClients(typed, clients),
        PicksOneOfMany = true,
        Hint = _ => UiText.Staff_ClientsHint,
    };

    private (string? Error, string Hint) ParseNumber(string text)
    {
        if (text.Trim().Length == 0)
        {
            return (null, UiText.Staff_NumberHint);
        }

        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(Shell.UtcNow).ToDateTimeUnspecified());
        return PersonalIdentityNumber.TryParse(text, today, out PersonalIdentityNumber number, out IdentityNumberError error)
            ? (null, $"→ {number.Formatted}")
            : (Messages.Get(PersonalIdentityNumber.ErrorMessageKey(error)), UiText.Staff_NumberHint);
    }

    private static decimal? ParseLimit(string text) =>
        decimal.TryParse(text.Trim().Replace('.', ','), NumberStyles.Number, SwedishCulture.Instance, out decimal hours) && hours is >= 0 and <= 168 ? hours : null;
}
