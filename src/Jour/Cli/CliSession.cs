using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>A command-line session: connected through the server and signed in.</summary>
internal static class CliSession
{
    public const string UserEnvironmentVariable = "JOUR_USER";
    public const string PinEnvironmentVariable = "JOUR_PIN";

    /// <summary>
    /// Signs in as JOUR_USER with JOUR_PIN; on a demo database without them, as the demo admin, so
    /// the README's examples work on a first start.
    /// </summary>
    public static async Task<SocketJourService> OpenAsync(JourPaths paths, CancellationToken cancellationToken)
    {
        SocketJourService service = await SocketJourService.ConnectAsync(paths, cancellationToken: cancellationToken);
        try
        {
            if (service.SetUpCode is { } code)
            {
                // This command started the server that created the database: its terminal is the one to show
                // the code to, or the code is lost (a new one can be made, but say it now).
                await Console.Error.WriteLineAsync(string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Cli_SetUpCodeCreated, code));
            }

            InstallInfo install = await service.SendAsync(new GetInstallInfo(), cancellationToken);
            string? name = Environment.GetEnvironmentVariable(UserEnvironmentVariable);
            string pin = Environment.GetEnvironmentVariable(PinEnvironmentVariable) ?? "";
            if (!string.IsNullOrWhiteSpace(name))
            {
                // An unknown (or disabled) name signs in as id 0: refused exactly like a wrong PIN, after the same wait.
                UserChoice? named = install.Users.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.CurrentCultureIgnoreCase));
                await service.SendAsync(new SignInUser(named?.Id ?? 0, pin), cancellationToken);
                return service;
            }

            UserChoice? user = install.IsDemo ? install.Users.FirstOrDefault(u => !u.HasPin && u.Name.Contains("Admin", StringComparison.Ordinal)) ?? install.Users.FirstOrDefault(u => !u.HasPin) : null;
            if (user is null)
            {
                throw new CliException(CliText.Cli_NoUser);
            }

            await service.SendAsync(new SignInUser(user.Id, pin), cancellationToken);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Whether the server's database is a demo (paper says so on every page).</summary>
    public static async Task<bool> IsDemoAsync(SocketJourService service, CancellationToken cancellationToken) =>
        (await service.SendAsync(new GetInstallInfo(), cancellationToken)).IsDemo;

    public static string Localize(JourException ex) => Messages.Format(ex.Code, ex.Args);
}
