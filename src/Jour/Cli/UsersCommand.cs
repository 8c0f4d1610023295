using System.Globalization;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>`jour users list|add|disable|enable|reset-pin`: managing users as an admin (JOUR_USER/JOUR_PIN).</summary>
internal static class UsersCommand
{
    public static async Task<int> ListAsync(JourPaths paths, string format, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        IReadOnlyList<UserSummary> users = await service.SendAsync(new GetUsers(), cancellationToken);
        if (format == "json")
        {
            var rows = users.Select(u => new UserOutput(u.Id, u.Name, u.Phone, RoleNames.Format(u.Roles).Split(',', StringSplitOptions.RemoveEmptyEntries), u.IsDisabled, u.HasPin, u.IsLocked)).ToList();
            await output.WriteLineAsync(JsonSerializer.Serialize<IReadOnlyList<UserOutput>>(rows, CliJsonContext.Default.IReadOnlyListUserOutput));
            return 0;
        }

        int width = Math.Max(4, users.Count == 0 ? 4 : users.Max(u => u.Name.Length));
        await output.WriteLineAsync($"{"Id",4}  {CliText.Users_Name.PadRight(width)}  {CliText.Users_Roles,-32}  {CliText.Users_State}");
        foreach (UserSummary u in users)
        {
            await output.WriteLineAsync($"{u.Id,4}  {u.Name.PadRight(width)}  {RoleNames.Format(u.Roles),-32}  {State(u)}");
        }

        return 0;
    }

    public static async Task<int> AddAsync(JourPaths paths, string name, string roles, string? phone, TextWriter output, TextWriter prompts, CancellationToken cancellationToken)
    {
        Role parsed = RoleNames.Parse(roles) is { } r && r != Role.None
            ? r
            : throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Users_BadRoles, roles));
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        string pin = PinInput.Read(prompts);
        UserSummary added = await service.SendAsync(new NewUserRequest(name, phone ?? "", parsed, pin), cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Users_Added, added.Name, RoleNames.Format(added.Roles), added.Id));
        return 0;
    }

    public static async Task<int> SetDisabledAsync(JourPaths paths, string name, bool disabled, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        UserSummary user = await FindAsync(service, name, cancellationToken);
        UserSummary changed = await service.SendAsync(new UserUpdate(user.Id, user.Roles, disabled, LiftLock: !disabled), cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, disabled ? CliText.Users_Disabled : CliText.Users_Enabled, changed.Name));
        return 0;
    }

    public static async Task<int> ResetPinAsync(JourPaths paths, string name, TextWriter output, TextWriter prompts, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        UserSummary user = await FindAsync(service, name, cancellationToken);
        string pin = PinInput.Read(prompts);
        UserSummary changed = await service.SendAsync(new PinReset(user.Id, pin), cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Users_PinReset, changed.Name));
        return 0;
    }

    /// <summary>
    /// `jour users change-pin`: the signed-in user (JOUR_USER, whose JOUR_PIN is the current PIN) gives
    /// themself a new one, read as for add (JOUR_NEW_PIN, a piped line, or typed twice without echo).
    /// </summary>
    public static async Task<int> ChangePinAsync(JourPaths paths, TextWriter output, TextWriter prompts, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        string current = Environment.GetEnvironmentVariable(CliSession.PinEnvironmentVariable) ?? "";
        string pin = PinInput.Read(prompts);
        await service.SendAsync(new ChangeOwnPin(current, pin, pin), cancellationToken);
        await output.WriteLineAsync(CliText.Users_PinChanged);
        return 0;
    }

    /// <summary>
    /// `jour users setup-code`: a new one-time code for the first admin, printed here. Needs no sign-in (there is
    /// nobody to sign in as yet); the server gives it to its own account only and refuses once an admin exists.
    /// Starts the server, and so creates the database, when none runs.
    /// </summary>
    public static async Task<int> SetUpCodeAsync(JourPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await SocketJourService.ConnectAsync(paths, cancellationToken: cancellationToken);
        string code = await service.SendAsync(new IssueSetUpCode(), cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Users_SetUpCodeIssued, code));
        return 0;
    }

    private static async Task<UserSummary> FindAsync(SocketJourService service, string name, CancellationToken cancellationToken)
    {
        IReadOnlyList<UserSummary> users = await service.SendAsync(new GetUsers(), cancellationToken);
        return users.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.CurrentCultureIgnoreCase))
            ?? throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Users_NotFound, name));
    }

    private static string State(UserSummary u) =>
        u.IsDisabled ? CliText.Users_StateDisabled
        : u.IsLocked ? CliText.Users_StateLocked
        : !u.HasPin ? CliText.Users_StateNoPin
        : CliText.Users_StateActive;
}

/// <summary>`jour users list --format json`: roles as the words the command line takes.</summary>
internal sealed record UserOutput(long Id, string Name, string Phone, IReadOnlyList<string> Roles, bool Disabled, bool HasPin, bool Locked);
