using Jour.Core.Clients;
using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Providers;
using Jour.Core.UseCases;
using Jour.Tui.Cases;
using Jour.Tui.Registers;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using Terminal.Gui.Input;

namespace Jour.Tui.Intake;

/// <summary>
/// The intake form: client (search by name or number, or Ctrl+K for a new one), provider or
/// self-employer, reason, who called, the need as time windows, urgency and free text. Kept as a
/// draft while typed; saving opens the case in Mottaget and shows it.
/// </summary>
public sealed class NewCaseScreen : FormScreen
{
    private int _windows;

    public NewCaseScreen(ShellView shell)
        : base(shell, JourUseCases.NewCaseForm)
    {
        Add(new FormField("client", UiText.Intake_Client)
        {
            Validate = v => ResolveClient(v).Error,
            Hint = v => ResolveClient(v).Hint,
            Picks = typed => [.. MatchingClients(typed).Select(ClientText)],
            Changed = _ => DefaultProvider(),
        });
        Add(ProviderField.Create(shell.Session, null, false));
        Add(new FormField("reason", UiText.Intake_Reason)
        {
            Choices = [.. Enum.GetValues<CaseReason>().Select(r => (r.ToString(), Messages.Get("Reason_" + r)))],
            Value = nameof(CaseReason.SicknessOrStaffShortage),
        });
        Add(new FormField("caller", UiText.Intake_Caller) { Limit = TextLimits.Name, Validate = Required });
        Add(new FormField("phone", UiText.Intake_Phone)
        {
            Limit = TextLimits.Phone,
            Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : JourUseCases.IsPhoneNumber(v) ? null : Messages.Get(ErrorCodes.PhoneInvalid),
        });
        Add(new FormField("urgency", UiText.Intake_Urgency)
        {
            Choices = [.. Enum.GetValues<Urgency>().Reverse().Select(u => (u.ToString(), Messages.Get("Urgency_" + u)))],
            Value = nameof(Urgency.High),
        });
        Add(new FormField("description", UiText.Intake_Description) { Limit = TextLimits.Description });
        AddWindow();
        RestoreDraft();
    }

    public override string Title => UiText.Intake_Title;

    protected override IReadOnlyList<ScreenCommand> MoreCommands =>
    [
        ScreenCommand.Of("intake.new-window", "Ctrl+N", UiText.Help_Intake_NewWindow, UiText.Hint_NewWindow, () => Focus(AddWindow())),
        ScreenCommand.Of("intake.new-client", "Ctrl+K", UiText.Help_Intake_NewClient, UiText.Hint_NewClient, () => Shell.Push(new ClientFormScreen(Shell, null, saved =>
        {
            Field("client").Value = saved.Name + " " + JourUseCases.MaskNumber(saved.PersonalIdentityNumber)[..8];
            DefaultProvider(saved.ProviderId, saved.IsSelfEmployer);
        }))),
    ];

    protected override void ApplyDraft(IReadOnlyDictionary<string, string> values)
    {
        while (values.ContainsKey($"from{_windows + 1}"))
        {
            AddWindow();
        }

        base.ApplyDraft(values);
    }

    protected override async Task<string> SubmitAsync()
    {
        long clientId = ResolveClient(Field("client").Value).Id ?? throw new JourException(ErrorCodes.ClientNotFound, "?");
        var needs = new List<NeedWindowData>();
        for (int i = 1; i <= _windows; i++)
        {
            if (WindowIsBlank(i))
            {
                continue;
            }

            DateTime from = ParseFrom(i).Utc!.Value;
            DateTime to = ParseTo(i).Utc!.Value;
            int count = int.Parse(Field($"count{i}").Value.Trim(), CultureInfo.InvariantCulture);
            needs.Add(new NeedWindowData(from, to, count, SplitList(Field($"skills{i}").Value), 0));
        }

        var request = new NewCaseRequest(
            clientId,
            ProviderField.ProviderId(Field("provider")),
            ProviderField.IsSelfEmployer(Field("provider")),
            Enum.Parse<CaseReason>(Field("reason").Value),
            Field("caller").Value,
            Field("phone").Value,
            needs,
            Enum.Parse<Urgency>(Field("urgency").Value),
            Field("description").Value);
        CaseDetail created = await Shell.Session.Service.SendAsync(request);
        return created.Summary.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Replace(new CaseDetailScreen(Shell, long.Parse(result, CultureInfo.InvariantCulture)));
    }

    internal static IReadOnlyList<string> SplitList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Required(string value) => value.Trim().Length == 0 ? UiText.Form_Required : null;

    private FormField AddWindow()
    {
        int n = ++_windows;
        int at = Fields.ToList().FindIndex(f => f.Name == "urgency");
        string suffix = n == 1 ? "" : $" {n}";
        Add(new FormField($"from{n}", UiText.Intake_From + suffix) { Validate = _ => WindowIsBlank(n) && n > 1 ? null : ParseFrom(n).Error, Hint = _ => WindowHint(n) }, at);
        Add(new FormField($"to{n}", UiText.Intake_To + suffix) { Validate = _ => WindowIsBlank(n) && n > 1 ? null : ParseTo(n).Error, Hint = _ => WindowHint(n) }, at + 1);
        Add(new FormField($"count{n}", UiText.Intake_Count + suffix) { Value = "1", Validate = v => WindowIsBlank(n) && n > 1 ? null : CountError(v) }, at + 2);
        Add(new FormField($"skills{n}", UiText.Intake_Skills + suffix) { Hint = _ => UiText.Intake_SkillsHint }, at + 3);
        return Field($"from{n}");
    }

    private bool WindowIsBlank(int n) => Field($"from{n}").Value.Trim().Length == 0 && Field($"to{n}").Value.Trim().Length == 0;

    private static string? CountError(string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 10 ? null : Messages.Get(ErrorCodes.AssistantsInvalid);

    private LocalDate Today => SwedishTime.ToLocal(Shell.UtcNow).Date;

    private (DateTime? Utc, string? Error) ParseFrom(int n)
    {
        string text = Field($"from{n}").Value;
        if (text.Trim().Length == 0)
        {
            return (null, UiText.Form_Required);
        }

        return LocalTimeInput.TryParse(text, Today, null, out DateTime utc, out string error) ? (utc, null) : (null, error);
    }

    private (DateTime? Utc, string? Error) ParseTo(int n)
    {
        string text = Field($"to{n}").Value;
        if (text.Trim().Length == 0)
        {
            return (null, UiText.Form_Required);
        }

        if (ParseFrom(n).Utc is not { } from)
        {
            return (null, UiText.Intake_FromFirst);
        }

        if (!LocalTimeInput.TryParse(text, Today, from, out DateTime utc, out string error))
        {
            return (null, error);
        }

        return utc - from > TimeSpan.FromDays(7) ? (null, Messages.Get(ErrorCodes.NeedWindowInvalid)) : (utc, null);
    }

    private string WindowHint(int n)
    {
        if (ParseFrom(n).Utc is { } from && ParseTo(n).Utc is { } to)
        {
            return Format.Text(UiText.Intake_WindowUnderstood, SwedishTime.FormatLocal(from), SwedishTime.FormatLocal(to), (to - from).TotalHours.ToString("0.#", SwedishCulture.Instance));
        }

        return UiText.Intake_TimeHint;
    }

    private (long? Id, string? Error, string Hint) ResolveClient(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (null, UiText.Form_Required, UiText.Intake_ClientHint);
        }

        var matches = MatchingClients(text);
        var exact = matches.Where(c => string.Equals(ClientText(c), text.Trim(), StringComparison.CurrentCultureIgnoreCase)
                                       || string.Equals(c.Name, text.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            matches = exact;
        }

        return matches.Count switch
        {
            0 => (null, UiText.Intake_NoClient, UiText.Intake_NoClient),
            1 => (matches[0].Id, null, $"→ {matches[0].Name} {matches[0].MaskedNumber}, {matches[0].ProviderName}"),
            _ => (null, Format.Text(UiText.Intake_ManyClients, matches.Count), string.Join(", ", matches.Take(6).Select(c => $"{c.Name} {c.MaskedNumber[..8]}"))),
        };
    }

    // By every word typed: part of the name, the birth date or the number.
    private List<ClientSummary> MatchingClients(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. Shell.Session.Clients.Where(c => words.All(w => (c.Name + " " + c.MaskedNumber).Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
    }

    /// <summary>A client as the field shows a pick: the name and the birth date.</summary>
    private static string ClientText(ClientSummary c) => (c.Name + " " + c.MaskedNumber[..8]).Trim();

    private void DefaultProvider()
    {
        if (ResolveClient(Field("client").Value).Id is { } id && Shell.Session.Clients.FirstOrDefault(c => c.Id == id) is { } client)
        {
            ProviderData? provider = Shell.Session.Providers.FirstOrDefault(p => p.Name == client.ProviderName);
            DefaultProvider(provider?.Id, provider is null && client.ProviderName == Messages.Get("SelfEmployer"));
        }
    }

    private void DefaultProvider(long? providerId, bool selfEmployer)
    {
        FormField field = Field("provider");
        field.Choices = ProviderField.Choices(Shell.Session);
        if (field.Value.Length == 0)
        {
            field.Value = ProviderField.ValueFor(providerId, selfEmployer);
        }
    }
}
