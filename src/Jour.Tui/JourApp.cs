using System.Runtime.InteropServices;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Shell;
using Jour.Tui.SignIn;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Jour.Tui;

/// <summary>Runs a terminal session on an <see cref="IJourService"/>: sign-in, then the shell.</summary>
public static partial class JourApp
{
    /// <summary>How long keys typed before the registers arrived wait for them at most.</summary>
    private static readonly TimeSpan KeysWaitForRegisters = TimeSpan.FromSeconds(3);

    /// <summary>Applies the process-wide Terminal.Gui settings; call before creating the application.</summary>
    public static void Configure(TuiOptions options)
    {
        // Ctrl+Z would drop an officer at a shell prompt of a kiosk; quitting is ours (Ctrl+Q, confirmed).
        Application.RemoveDefaultKeyBinding(Command.Suspend);
        ThemeManager.Theme = options.NoColor ? "8-Bit" : ThemeManager.DEFAULT_THEME_NAME;
    }

    /// <summary>
    /// What a session starts from: the installation, and on a demo database the signed-in officer and
    /// the board. Asked for before the terminal is set up, so the server's work and the terminal's overlap.
    /// </summary>
    public static async Task<SessionStart> StartSessionAsync(IJourService service, TuiOptions options, CancellationToken cancellationToken = default)
    {
        Task<InstallInfo> installing = service.SendAsync(new GetInstallInfo(), cancellationToken);
        Task<StatusInfo> asking = service.SendAsync(new GetStatus(), cancellationToken);
        InstallInfo install = await installing;
        StartupTrace.Mark("install");
        if (!install.IsDemo)
        {
            // A real database starts at the sign-in screen; the status is asked for again once signed in.
            _ = asking.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return new SessionStart(install, null);
        }

        // Demo: straight to work as the officer on call now, so the first screen shows something.
        StatusInfo status = await asking;
        UserChoice? user = install.Users.FirstOrDefault(u => options.DemoUser is { Length: > 0 } named && string.Equals(u.Name, named.Trim(), StringComparison.CurrentCultureIgnoreCase) && !u.HasPin)
                           ?? install.Users.FirstOrDefault(u => u.Name == status.OnCallName && !u.HasPin)
                           ?? install.Users.FirstOrDefault(u => !u.HasPin);
        if (user is null)
        {
            return new SessionStart(install, null);
        }

        SessionInfo session = await service.SendAsync(new SignInUser(user.Id, ""), cancellationToken);
        StartupTrace.Mark("signed-in");
        var data = new SessionData(service, session);
        await data.LoadBoardAsync(options.Time.GetUtcNow().UtcDateTime, status, cancellationToken);
        StartupTrace.Mark("board");
        return new SessionStart(install, data);
    }

    /// <summary>The main window: sign-in first (skipped on a demo database), then the shell.</summary>
    public static async Task<Window> CreateMainWindowAsync(IApplication app, IJourService service, TuiOptions options, ILogger log, Action<ShellView>? onShell = null) =>
        CreateMainWindow(app, service, await StartSessionAsync(service, options), options, log, onShell);

    /// <summary>
    /// Where a user's own keys may be: their own file first (~/.config/jour/keys.json), then the data
    /// directory's, which an administrator sets for every session there (a kiosk's officers have no home to
    /// write in).
    /// </summary>
    public static IEnumerable<string> KeyFiles(TuiOptions options)
    {
        string config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        yield return Path.Combine(config, "jour", "keys.json");
        if (options.DataDirectory.Length > 0)
        {
            yield return Path.Combine(options.DataDirectory, "keys.json");
        }
    }

    /// <summary>The main window from a session's start: the shell when it is signed in, else the sign-in screen.</summary>
    public static Window CreateMainWindow(IApplication app, IJourService service, SessionStart start, TuiOptions options, ILogger log, Action<ShellView>? onShell = null)
    {
        var window = new JourWindow { BorderStyle = Terminal.Gui.Drawing.LineStyle.None };
        KeyMap.Current = KeyMap.Load(KeyFiles(options));
        FrameDiff.Attach(app, window, (frame, written, unwritten) => LogFrame(log, frame, written, unwritten));
        InstallInfo install = start.Install;

        Func<Key, bool> handler = _ => false;
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (handler(key))
            {
                key.Handled = true;
            }
        };

        ShellView? current = null;

        void SetContent(View view, Func<Key, bool> keys)
        {
            foreach (View old in window.SubViews.ToArray())
            {
                window.Remove(old);
                old.Dispose();
            }

            window.Add(view);
            view.SetFocus();
            handler = keys;
        }

        async Task ShowShellAsync(SessionInfo signedIn)
        {
            var data = new SessionData(service, signedIn);
            await data.LoadBoardAsync(options.Time.GetUtcNow().UtcDateTime);
            ShowShell(data);
        }

        // The board is drawn as soon as it is known; the registers (every client, assistant, provider and
        // officer) follow a moment later. Keys typed meanwhile wait for them and are then handled in order,
        // so a form opened in the first instant already knows every client (an intake saying "no such
        // client" at 03:00 is worse than waiting 50 ms).
        void ShowShell(SessionData data)
        {
            var shell = new ShellView(app, data, options) { Log = log };
            shell.ErrorReported += ex => LogUnexpected(log, ex.GetType().FullName ?? "?", ex.StackTrace ?? "");
            shell.QuitConfirmed += () => app.RequestStop(window);
            shell.SwitchUserRequested += () => _ = SwitchUserAsync(shell);
            var waiting = new List<Key>();
            bool ready = false;
            SetContent(shell, key =>
            {
                if (ready)
                {
                    return shell.HandleKey(key);
                }

                waiting.Add(new Key(key) { Handled = false });
                return true;
            });
            current = shell;
            // Asked for once the first frame is out: the server's work for them (every client) would
            // otherwise compete with drawing it, on a machine of two cores.
            bool asked = false;
            app.LayoutAndDrawComplete += AfterFirstFrame;
            app.AddTimeout(TimeSpan.FromSeconds(1), () =>
            {
                if (!ReferenceEquals(current, shell))
                {
                    return false;
                }

                shell.Tick();
                return true;
            });
            onShell?.Invoke(shell);

            void AfterFirstFrame(object? sender, EventArgs e)
            {
                if (!asked)
                {
                    asked = true;
                    app.LayoutAndDrawComplete -= AfterFirstFrame;
                    _ = LoadRegistersAsync();
                }
            }

            async Task LoadRegistersAsync()
            {
                Task loading = LoadOrGoOfflineAsync();
                // A server that does not answer must not take the keyboard with it: after a few seconds the
                // keys are handled with what is known, and the registers are shown whenever they come.
                await Task.WhenAny(loading, Task.Delay(KeysWaitForRegisters, options.Time));
                app.Invoke(() =>
                {
                    ready = true;
                    shell.ReloadScreens();
                    foreach (Key key in waiting)
                    {
                        app.Keyboard.RaiseKeyDownEvent(key);
                    }

                    waiting.Clear();
                    shell.SetNeedsDraw();
                });
                if (!loading.IsCompleted)
                {
                    await loading;
                    app.Invoke(shell.ReloadScreens);
                }
            }

            async Task LoadOrGoOfflineAsync()
            {
                try
                {
                    await data.LoadRegistersAsync();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The server went away in between: the shell shows it is offline and reloads everything
                    // when it is back; the keys are handled with what is known.
                    data.RefreshInBackground(() => options.Time.GetUtcNow().UtcDateTime);
                }
            }
        }

        // Shift change (Alt+X), or an unexpected error in kiosk mode: the open forms' drafts are saved
        // for their user, the server forgets the sign-in, and the sign-in screen replaces everything.
        async Task SwitchUserAsync(ShellView? shell)
        {
            try
            {
                if (shell is not null)
                {
                    await shell.FlushDraftsAsync();
                }

                await service.SendAsync(new SignOut());
            }
            catch (JourException)
            {
                // Signing out of a server that is away: the new sign-in replaces the session anyway.
            }

            InstallInfo fresh;
            try
            {
                fresh = await service.SendAsync(new GetInstallInfo());
            }
            catch (JourException)
            {
                fresh = install;
            }

            app.Invoke(() => ShowSignIn(fresh));
        }

        void ShowSignIn(InstallInfo users)
        {
            current = null;
            var signIn = new SignInView(app, service, users, options);
            signIn.SignedIn += s => _ = ShowShellAsync(s);
            signIn.QuitConfirmed += () => app.RequestStop(window);
            SetContent(signIn, signIn.HandleKey);
        }

        window.ReturnToSignIn = () => _ = SwitchUserAsync(current);
        if (start.Data is { } signedIn)
        {
            ShowShell(signedIn);
        }
        else
        {
            ShowSignIn(install);
        }

        return window;
    }

    /// <summary>Runs the session until the user quits or the terminal goes away.</summary>
    public static async Task<int> RunAsync(Func<Task<IJourService>> connect, TuiOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ILogger log = loggers.CreateLogger("Tui");
        using KioskSignals? kiosk = options.Kiosk ? KioskSignals.Ignore() : null;
        // Connecting (and starting a server if none runs), signing in and loading the board overlap
        // setting up Terminal.Gui and the terminal: the server works while this process does.
        Task<IJourService> connecting = connect();
        Task<SessionStart> starting = StartAsync();
        await options.TerminalGuiConfigured;
        Configure(options);
        StartupTrace.Mark("configured");
        // The time zone database and Humanizer's Swedish load on first use, and the first frame uses both:
        // loaded while the terminal is set up (not earlier, where Terminal.Gui's settings need the CPU).
        _ = Task.Run(() => Format.Ago(options.Time.GetUtcNow().UtcDateTime.AddDays(-2), options.Time.GetUtcNow().UtcDateTime) + SwedishTime.FormatLocal(options.Time.GetUtcNow().UtcDateTime), CancellationToken.None);
        return await OnUiThreadAsync(() => Run(connecting, starting, options, log));

        async Task<SessionStart> StartAsync() => await StartSessionAsync(await connecting, options, cancellationToken);
    }

    /// <summary>
    /// Terminal.Gui takes the thread that called Init for its main thread and runs an Invoke from that thread
    /// at once, in place. After an await the rest of an async method may run on another thread, so the loop
    /// ran on one pool thread while Terminal.Gui's "main thread" was another: an answer whose continuation
    /// landed on that other pool thread applied itself there, beside the loop, and its SetNeedsDraw could be
    /// lost — the screen said "Läser in…" until something else drew (issue 17's end-to-end flake). Init and
    /// Run therefore happen on one thread of their own, which also keeps the loop off the thread pool.
    /// </summary>
    private static Task<int> OnUiThreadAsync(Func<int> body)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ui = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(body());
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            },
            maxStackSize: 8 * 1024 * 1024)
        {
            Name = "ui",
        };
        ui.Start();
        return done.Task;
    }

    private static int Run(Task<IJourService> connecting, Task<SessionStart> starting, TuiOptions options, ILogger log)
    {
        using IApplication app = Application.Create().Init();
        StartupTrace.Mark("init");
        // Waited for on this thread (not awaited), so that the loop runs on the thread Init saw.
        IJourService service = connecting.GetAwaiter().GetResult();
        SessionStart start = starting.GetAwaiter().GetResult();
        StartupTrace.Mark("started");
        using Window window = CreateMainWindow(app, service, start, options, log);
        StartupTrace.Mark("window");
        bool hungUp = false;

        // Terminal.Gui does not handle a hang-up: stop the loop and exit rather than spin on a dead terminal.
        using PosixSignalRegistration hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            hungUp = true;
            app.Invoke(() => app.RequestStop(window));
            _ = Task.Delay(2000, CancellationToken.None).ContinueWith(_ => Environment.Exit(129), TaskScheduler.Default);
        });
        // A hang-up is not always signalled (e.g. the process was not in the terminal's foreground
        // group); a session reading a dead terminal would spin on the CPU for ever, so also look.
        app.AddTimeout(TimeSpan.FromSeconds(2), () =>
        {
            if (!options.TerminalGone())
            {
                return true;
            }

            hungUp = true;
            app.RequestStop(window);
            return false;
        });
        if (options.Kiosk)
        {
            // After every handler registration above, which could otherwise put .NET's handlers back.
            options.IgnoreSignals();
        }

        app.Run(window, ex => HandleUnexpected(window, ex, options, log));
        if (hungUp)
        {
            Environment.Exit(129);
        }

        return 0;
    }

    /// <summary>
    /// An exception in the main loop: logged (type and stack only) and the session goes on; in kiosk mode
    /// it goes back to the sign-in screen, so a broken screen cannot leave the workstation signed in.
    /// </summary>
    public static bool HandleUnexpected(Window window, Exception ex, TuiOptions options, ILogger log)
    {
        LogUnexpected(log, ex.GetType().FullName ?? "?", ex.StackTrace ?? "");
        if (options.Kiosk && window is JourWindow jour)
        {
            jour.ReturnToSignIn?.Invoke();
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Frame {Frame}: {Written} cells to write (-1: all), {Unwritten} left unwritten")]
    private static partial void LogFrame(ILogger log, int frame, int written, int unwritten);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} in the session\n{StackTrace}")]
    private static partial void LogUnexpected(ILogger log, string exceptionType, string stackTrace);
}
