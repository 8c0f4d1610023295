using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Providers;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Registers;

/// <summary>The register screens, each a <see cref="RegisterScreen{T}"/> with its columns.</summary>
public static class RegisterScreens
{
    public static IScreen Staff(ShellView shell) => new RegisterScreen<StaffSummary>(
        shell,
        UiText.Screen_Staff,
        n => Format.Text(UiText.Staff_Title, n),
        d => d.Staff,
        [
            (UiText.Col_Name, 24, s => s.Name),
            (UiText.Col_Phone, 15, s => s.Phone),
            (UiText.Col_Blocked, 10, s => s.IsBlocked ? UiText.Blocked_Yes : ""),
            (UiText.Col_RegisterCheck, 10, s => RegisterCheckColumn(s, shell.UtcNow)),
            (UiText.Col_Competences, 60, s => string.Join(", ", s.Competences)),
        ],
        s => s.IsBlocked,
        [
            new("staff.open", "Enter", UiText.Hint_Open, UiText.Help_Staff_Open, true, s => shell.RunInBackground(
                () => shell.Session.Service.SendAsync(new GetStaffMember(s!.Id)),
                data => shell.Push(new StaffFormScreen(shell, data)))),
            new("staff.new", "N", UiText.Hint_New, UiText.Help_Staff_New, false, _ => shell.Push(new StaffFormScreen(shell, null))),
            new("staff.pool-week", "V", UiText.Hint_Week, UiText.Help_Staff_Week, false, _ => shell.Push(new PoolWeekScreen(shell))),
            new("staff.short-term", "K", UiText.Hint_ShortTerm, UiText.Help_Staff_ShortTerm, false, _ => shell.Push(new ShortTermCare.ShortTermPlacesScreen(shell))),
            new("staff.block", "S", UiText.Hint_Block, UiText.Help_Staff_Block, true, s => shell.Prompt.Open(
                Format.Text(s!.IsBlocked ? UiText.Staff_UnblockPrompt : UiText.Staff_BlockPrompt, s.Name),
                reason => shell.RunInBackground(
                    () => shell.Session.Service.SendAsync(new BlockRequest(s.Id, !s.IsBlocked, reason)),
                    _ =>
                    {
                        shell.Prompt.Close();
                        shell.Session.RefreshInBackground(() => shell.UtcNow);
                    },
                    error => shell.Prompt.Error = error),
                limit: TextLimits.Reason)),
            new("staff.hygiene", "H", UiText.Hint_Hygiene, UiText.Help_Staff_Hygiene, true, s => shell.Push(new HygieneScreen(shell, s!.Id, s.Name)), () => HygieneScreen.WhyNot(shell)),
            new("staff.register-check", "R", UiText.Hint_RegisterCheck, UiText.Help_Staff_RegisterCheck, true, s => shell.Prompt.Open(
                Format.Text(UiText.Staff_RegisterCheckPrompt, s!.Name),
                shown => shell.RunInBackground(
                    () => shell.Session.Service.SendAsync(new RecordRegisterCheck(s.Id, shown)),
                    saved =>
                    {
                        shell.Prompt.Close();
                        shell.ShowDone(Format.Text(UiText.Staff_RegisterCheckDone, saved.Name, IsoDate.Format(saved.RegisterChecks![^1].ValidUntil)));
                        shell.Session.RefreshInBackground(() => shell.UtcNow);
                    },
                    error => shell.Prompt.Error = error),
                initial: IsoDate.Format(SwedishTime.Today(shell.UtcNow)),
                limit: TextLimits.Number)),
        ]);

    /// <summary>The last day the latest check counts, "utgången" once past, empty when none was ever recorded.</summary>
    private static string RegisterCheckColumn(StaffSummary s, DateTime utcNow) => s.RegisterCheckValidUntil switch
    {
        null => "",
        { } until when until < SwedishTime.Today(utcNow) => UiText.RegisterCheck_Expired,
        { } until => IsoDate.Format(until),
    };

    public static IScreen Clients(ShellView shell) => new RegisterScreen<ClientSummary>(
        shell,
        UiText.Screen_Clients,
        n => Format.Text(UiText.Clients_Title, n),
        d => d.Clients,
        [
            (UiText.Col_Name, 24, c => c.Name),
            (UiText.Col_Pnr, 15, c => c.MaskedNumber),
            (UiText.Col_Sex, 5, c => c.Sex switch { Sex.Female => "K", Sex.Male => "M", _ => "?" }),
            (UiText.Col_Provider, 40, c => c.ProviderName),
        ],
        actions:
        [
            new("clients.open", "Enter", UiText.Hint_Open, UiText.Help_Client_Open, true, c => shell.RunInBackground(
                () => shell.Session.Service.SendAsync(new GetClient(c!.Id)),
                data => shell.Push(new ClientFormScreen(shell, data)))),
            new("clients.new", "N", UiText.Hint_New, UiText.Help_Client_New, false, _ => shell.Push(new ClientFormScreen(shell, null))),
            new("clients.providers", "A", UiText.Hint_Providers, UiText.Help_Providers, false, _ => shell.Push(Providers(shell))),
            new("clients.journal", "J", UiText.Hint_Journal, UiText.Help_Client_Journal, true, c => shell.Push(new Journals.JournalScreen(shell, c!.Id, c.Name))),
            new("clients.extract", "U", UiText.Hint_Extract, UiText.Help_Client_Extract, true, c => shell.RunInBackground(
                () => shell.Exports!.ExtractAsync(c!.Id, shell.Session.Session.IsDemo),
                path => shell.ShowDone(Format.Text(UiText.Export_Written, path))),
                () => (shell.Session.Session.Roles & (Role.MedicalResponsible | Role.Admin)) == 0 ? UiText.Extract_NotPermitted
                    : shell.Exports?.Directory is null ? UiText.Export_NotConfigured
                    : null),
        ]);
    public static IScreen Providers(ShellView shell) => new RegisterScreen<ProviderData>(
        shell,
        UiText.Screen_Providers,
        n => Format.Text(UiText.Providers_Title, n),
        d => d.Providers,
        [
            (UiText.Col_Name, 26, p => p.Name),
            (UiText.Col_OrgNumber, 12, p => p.OrganisationNumber.Length == 10 ? $"{p.OrganisationNumber[..6]}-{p.OrganisationNumber[6..]}" : p.OrganisationNumber),
            (UiText.Col_Status, 22, p => Messages.Get("ProviderStatus_" + p.Status)),
            (UiText.Col_Ivo, 12, p => Messages.Get("Ivo_" + p.Permit)),
            (UiText.Col_Phone, 15, p => p.Phone),
        ],
        p => p.Status != ProviderStatus.Active,
        [
            new("providers.open", "Enter", UiText.Hint_Open, UiText.Help_Provider_Open, true, p => shell.Push(new ProviderFormScreen(shell, p))),
            new("providers.new", "N", UiText.Hint_New, UiText.Help_Provider_New, false, _ => shell.Push(new ProviderFormScreen(shell, null))),
        ]);
}
