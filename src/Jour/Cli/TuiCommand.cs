using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Tui;
using Microsoft.Extensions.Logging;

namespace Jour.Cli;

/// <summary>`jour` with no command: a terminal session on the server.</summary>
internal static class TuiCommand
{
    public static async Task<int> RunAsync(JourPaths paths, JourConfig config, bool ascii, bool kiosk, CancellationToken cancellationToken)
    {
        Task terminalGuiConfigured = TerminalGuiSettings.ApplyInBackground();
        using ILoggerFactory loggers = Logging.Create(paths, "session");
        StartupTrace.Mark("logging");

        // Connecting (or starting the server) and setting up the terminal overlap: both take milliseconds.
        Task<SocketJourService> connecting = SocketJourService.ConnectAsync(paths, loggers.CreateLogger("Client"), cancellationToken);
        var options = new TuiOptions
        {
            Ascii = ascii || config.Ascii || Environment.GetEnvironmentVariable("JOUR_ASCII") == "1",
            NoColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 },
            Kiosk = kiosk || config.Kiosk,
            IdleLock = TimeSpan.FromMinutes(config.IdleLockMinutes),
            DataDirectory = paths.DataDirectory,
            TerminalGone = Native.Posix.TerminalHungUp,
            DemoUser = Environment.GetEnvironmentVariable(CliSession.UserEnvironmentVariable),
            IgnoreSignals = Native.Posix.IgnoreInteractiveSignals,
            TerminalGuiConfigured = terminalGuiConfigured,
            Exports = new Paper.PaperExports(paths, config.ExportDirectory, async () => await connecting, TimeProvider.System),
        };
        try
        {
            return await JourApp.RunAsync(async () => await connecting, options, loggers, cancellationToken);
        }
        finally
        {
            if (connecting.IsCompletedSuccessfully)
            {
                connecting.Result.Dispose();
            }
        }
    }
}
