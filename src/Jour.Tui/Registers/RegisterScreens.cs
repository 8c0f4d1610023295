using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Sessions;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

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
            (UiText.Col_Competences, 60, s => string.Join(", ", s.Competences)),
        ],
        s => s.IsBlocked);

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
        ]);

    public static IScreen Roster(ShellView shell) => new RegisterScreen<ShiftSummary>(
        shell,
        UiText.Screen_Roster,
        _ => UiText.Roster_Title,
        d => d.Shifts,
        [
            (UiText.Col_From, 18, s => SwedishTime.FormatLocal(s.StartUtc)),
            (UiText.Col_To, 18, s => SwedishTime.FormatLocal(s.EndUtc)),
            (UiText.Col_Officer, 30, s => s.OfficerName),
        ],
        s => s.StartUtc <= shell.UtcNow && shell.UtcNow < s.EndUtc);
}
