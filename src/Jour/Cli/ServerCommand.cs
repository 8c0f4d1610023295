using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Native;
using Jour.Resources;
using Jour.Server;
using Microsoft.Extensions.Logging;
using System.Runtime.InteropServices;

namespace Jour.Cli;

/// <summary>`jour server`: run the server in the foreground or stop the running one.</summary>
internal static class ServerCommand
{
    public static async Task<int> RunAsync(JourPaths paths, JourConfig config, bool background, double? idleMinutes, TextWriter error)
    {
        if (background)
        {
            Posix.DetachFromTerminal();
        }

        // A server started by a session idles out; one run by hand or by systemd stays unless told.
        double minutes = idleMinutes ?? (background ? config.ServerIdleMinutes : 0);
        TimeSpan? idle = minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
        using ILoggerFactory loggers = Logging.Create(paths, "server");
        using var host = new ServerHost(paths, config, idle, loggers)
        {
            SetUpCodeReady = code => ShowSetUpCode(code, background, Console.Out, error),
        };
        try
        {
            host.Start();
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.ServerAlreadyRunning)
        {
            await error.WriteLineAsync(ex.Localized);
            return ServerLauncher.AlreadyRunningExitCode;
        }
        catch (JourException ex)
        {
            loggers.CreateLogger("Server").LogError("Server could not start: {Code}", ex.Code);
            await error.WriteLineAsync(ex.Localized);
            return 2;
        }

        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; host.Stop(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; host.Stop(); });
        using PosixSignalRegistration hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
        await host.RunAsync();
        return 0;
    }

    /// <summary>
    /// Where the set-up code of a database this server has just created goes: to the session that started it
    /// in the background (one line on the pipe it reads, <see cref="ServerLauncher.SetUpCodeLine"/>), to the
    /// terminal of a `jour server` run by hand, and nowhere when standard output is not a terminal (systemd: the
    /// journal is read by others), where only a hint is given.
    /// </summary>
    private static void ShowSetUpCode(string? code, bool background, TextWriter output, TextWriter error)
    {
        if (background)
        {
            // Always one line, so the session that started this server never waits for one.
            output.WriteLine(code is null ? "" : ServerLauncher.SetUpCodeLine + code);
            output.Flush();
        }
        else if (code is not null && !Console.IsOutputRedirected)
        {
            output.WriteLine(string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Server_SetUpCode, code));
            output.Flush();
        }
        else if (code is not null)
        {
            error.WriteLine(CliText.Server_SetUpCodeNotShown);
            error.Flush();
        }
    }

    /// <summary>True when no server holds the data directory's lock.</summary>
    internal static bool LockIsFree(JourPaths paths)
    {
        try
        {
            using var probe = new FileStream(paths.ServerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<int> StopAsync(JourPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        using var socket = await ServerLauncher.TryConnectAsync(paths, cancellationToken);
        if (socket is null)
        {
            await output.WriteLineAsync(string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Cli_ServerNotRunning, paths.DataDirectory));
            return 0;
        }

        socket.Dispose();
        using SocketJourService service = await SocketJourService.ConnectAsync(paths, cancellationToken: cancellationToken);
        await service.SendAsync(new StopServer(), cancellationToken);

        // Wait until the server has let go of its lock, so a script can rely on it having stopped.
        for (int i = 0; i < 200 && !LockIsFree(paths); i++)
        {
            await Task.Delay(25, cancellationToken);
        }

        await output.WriteLineAsync(CliText.Cli_ServerStopped);
        return 0;
    }
}
