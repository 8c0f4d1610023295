using System.Diagnostics;
using System.Net.Sockets;
using Jour.Configuration;
using Jour.Core.Common;

namespace Jour.Client;

/// <summary>
/// Connects to the data directory's server, starting one when none answers. Several clients may
/// start servers at the same moment: the server lock lets one win and the others exit.
/// </summary>
internal static class ServerLauncher
{
    /// <summary>Exit code of a server that found another one already holding the lock.</summary>
    public const int AlreadyRunningExitCode = 3;

    /// <summary>
    /// How a server started in the background hands the set-up code of the database it created to the session
    /// that started it: one line on its standard output (a pipe only that session reads), before it listens.
    /// </summary>
    public const string SetUpCodeLine = "set-up-code: ";

    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(20);

    /// <summary>Connects to the server, starting one when none answers.</summary>
    /// <param name="paths">The data directory.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="setUpCode">Called with the set-up code when the server started here created a database that needs its first admin.</param>
    public static async Task<Socket> ConnectOrStartAsync(JourPaths paths, CancellationToken cancellationToken, Action<string>? setUpCode = null)
    {
        if (await TryConnectAsync(paths, cancellationToken) is { } running)
        {
            return running;
        }

        paths.EnsureExists();
        if (ServerTrust.ExpectedServerUid(paths) is { } expected && expected != Native.Posix.EffectiveUserId())
        {
            // A server started from here would run as this account, and this session (rightly) trusts only
            // the server's account: it must be started as that account (systemd, or sudo -u).
            throw new JourException(ErrorCodes.ServerNotStartedHere, paths.DataDirectory, expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Process server = StartServer(paths);
        try
        {
            var clock = Stopwatch.StartNew();
            for (var delay = TimeSpan.FromMilliseconds(5); clock.Elapsed < s_startLimit; delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100)))
            {
                if (await TryConnectAsync(paths, cancellationToken) is { } socket)
                {
                    if (await ReadSetUpCodeAsync(server, cancellationToken) is { } code)
                    {
                        setUpCode?.Invoke(code);
                    }

                    return socket;
                }

                if (server.HasExited && server.ExitCode is not (AlreadyRunningExitCode or 0))
                {
                    string error = (await server.StandardError.ReadToEndAsync(cancellationToken)).Trim();
                    throw new ServerStartException(error.Length > 0 ? error : Messages.Format(ErrorCodes.ServerUnavailable, [$"exit {server.ExitCode}", paths.Logs]));
                }

                if (server.HasExited && server.ExitCode == AlreadyRunningExitCode && Cli.ServerCommand.LockIsFree(paths))
                {
                    // The lock was held by a server on its way out (it stops after a failure of its file, or was
                    // told to) and it is gone now: start another.
                    server.Dispose();
                    await Task.Delay(50, cancellationToken);
                    server = StartServer(paths);
                }

                await Task.Delay(delay, cancellationToken);
            }

            throw new ServerStartException(Messages.Format(ErrorCodes.ServerUnavailable, ["timeout", paths.Logs]));
        }
        finally
        {
            server.Dispose();
        }
    }

    /// <summary>
    /// The line the started server wrote before it listened; null when it wrote none (it lost the race to
    /// another server, which answered instead) or no code.
    /// </summary>
    private static async Task<string?> ReadSetUpCodeAsync(Process server, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            string? line = await server.StandardOutput.ReadLineAsync(limit.Token);
            return line is not null && line.StartsWith(SetUpCodeLine, StringComparison.Ordinal) ? line[SetUpCodeLine.Length..].Trim() : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A connection to the server of <paramref name="paths"/>, or null when none listens. Before it is returned,
    /// the directory and the process at the other end are checked (<see cref="ServerTrust"/>).
    /// </summary>
    /// <exception cref="JourException">The socket does not lead to the server's account.</exception>
    public static async Task<Socket?> TryConnectAsync(JourPaths paths, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.Socket))
        {
            if (Directory.Exists(paths.SocketDirectory) && !Native.Posix.MaySearch(paths.SocketDirectory))
            {
                // The socket's directory keeps this account out (0750 and not in the group): say so, rather
                // than that no server runs.
                throw NotAllowed(paths);
            }

            return null;
        }

        int? expectedUid = ServerTrust.ExpectedServerUid(paths);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(paths.Socket), cancellationToken);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied && expectedUid is not null)
        {
            // The socket's mode keeps this account out: say so, rather than that no server runs.
            socket.Dispose();
            throw NotAllowed(paths);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }

        if (expectedUid is { } uid)
        {
            try
            {
                ServerTrust.CheckPeer(socket, paths, uid);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        return socket;
    }

    private static JourException NotAllowed(JourPaths paths) =>
        new(ErrorCodes.PeerNotAllowed, Native.Posix.EffectiveUserId().ToString(System.Globalization.CultureInfo.InvariantCulture), paths.DataDirectory);

    private static Process StartServer(JourPaths paths)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path");
        var start = new ProcessStartInfo(self)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("server");
        start.ArgumentList.Add("--background");
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(paths.DataDirectory);
        if (paths.SocketApart)
        {
            // Given by this session's --socket-dir or JOUR_SOCKET_DIR, which the server would not otherwise see.
            start.ArgumentList.Add("--socket-dir");
            start.ArgumentList.Add(paths.SocketDirectory);
        }

        // The server must not inherit a test's or a terminal's peculiarities.
        start.Environment.Remove("TERM");
        return Process.Start(start) ?? throw new ServerStartException("Process.Start returned null");
    }
}
