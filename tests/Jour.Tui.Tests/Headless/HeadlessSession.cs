using System.Diagnostics;
using Jour.Core.Changes;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Storage;
using Jour.Tui.Shell;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.Views;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// The real shell on Terminal.Gui's ANSI driver with no terminal, over the in-process service and
/// an in-memory demo database: keys in, the screen out as text.
/// </summary>
internal sealed class HeadlessSession : IDisposable
{
    private readonly LiteJourStore? _store;
    private readonly LocalJourService? _service;
    private readonly IApplication _app;
    private readonly Window _window;
    private readonly SessionToken _token;

    private HeadlessSession(IApplication app, Window window, SessionToken token, LiteJourStore? store, FakeTimeProvider time, LocalJourService? service)
    {
        _app = app;
        _window = window;
        _token = token;
        _store = store;
        Time = time;
        _service = service;
    }

    public FakeTimeProvider Time { get; }

    private string TempDirectory { get; init; } = "";

    /// <summary>Terminal.Gui's timers (the clock tick, draft saving, deferred loads) run on this clock.</summary>
    private VirtualTimeProvider UiClock { get; init; } = null!;

    /// <summary>The in-process service over the session's database; none in <see cref="StartWithAsync"/>.</summary>
    public LocalJourService Service => _service ?? throw new InvalidOperationException("This session has no database: it was started with a service of the test's own.");

    /// <summary>The set-up code of a new real database (null on the demo).</summary>
    public string? SetUpCode { get; private init; }

    public TuiOptions Options { get; private init; } = null!;

    /// <summary>The session's window, e.g. to hand <see cref="JourApp.HandleUnexpected"/> an error.</summary>
    public Window Window => _window;

    public ShellView? Shell { get; private set; }

    /// <summary>Unexpected exceptions the shell reported (it shows the user a message and logs them).</summary>
    public List<Exception> Errors { get; } = [];

    /// <param name="wrap">What the window talks to instead of the in-process service, e.g. one that holds a reply back.</param>
    /// <param name="newRealDatabase">
    /// A new database that is no demo, as a first start with <c>"demo": false</c>: no users, and a set-up code issued
    /// as the server that creates it issues one (<see cref="SetUpCode"/>).
    /// </param>
    /// <param name="startedTheServer">
    /// With <paramref name="newRealDatabase"/>: whether this session started that server and so was handed the code
    /// (the service knows it), or found one running (the user must type it).
    /// </param>
    public static async Task<HeadlessSession> StartAsync(int width = 80, int height = 24, bool kiosk = false, Func<IJourService, IJourService>? wrap = null, bool newRealDatabase = false, bool startedTheServer = true, IPaperExports? exports = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 40, 0, TimeSpan.Zero));
        // A real file: the session works on background threads, and LiteDB shares one stream between
        // threads when given a MemoryStream, which is only safe single-threaded.
        string directory = Directory.CreateTempSubdirectory("jour-tui-").FullName;
        LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(directory, "jour.db"), "test-key", mayCreate: true);
        if (!newRealDatabase)
        {
            DemoData.Seed(store, time);
        }

        // New PINs hashed with few iterations: 600,000 cost a few hundred milliseconds each (tests only).
        var useCases = new JourUseCases(store, time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = 1_000 };
        var service = new LocalJourService(useCases);
        string? code = newRealDatabase ? useCases.IssueSetUpCode() : null;
        if (startedTheServer)
        {
            service.SetUpCode = code;
        }

        var options = new TuiOptions { Time = time, Kiosk = kiosk, Exports = exports };
        JourApp.Configure(options);
        var uiClock = new VirtualTimeProvider();
        IApplication app = Application.Create(uiClock).Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        ShellView? shell = null;
        HeadlessSession? started = null;
        // A shell after a switch of user (Alt+X) replaces the first one.
        Window window = await JourApp.CreateMainWindowAsync(app, wrap?.Invoke(service) ?? service, options, NullLogger.Instance, s =>
        {
            shell = s;
            started?.Attach(s);
        });
        SessionToken token = app.Begin(window)!;
        var session = new HeadlessSession(app, window, token, store, time, service) { TempDirectory = directory, UiClock = uiClock, Options = options, SetUpCode = code };
        started = session;
        if (shell is not null)
        {
            // Null until someone signs in (a database that is no demo starts at the sign-in screen).
            session.Attach(shell);
        }

        session.Settle();
        return session;
    }

    /// <summary>
    /// A session whose window talks to <paramref name="service"/> only: no database, no use cases, nothing but
    /// the screens and what the test's service answers.
    /// </summary>
    public static async Task<HeadlessSession> StartWithAsync(IJourService service, FakeTimeProvider time, int width = 80, int height = 24)
    {
        var options = new TuiOptions { Time = time };
        JourApp.Configure(options);
        var uiClock = new VirtualTimeProvider();
        IApplication app = Application.Create(uiClock).Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        ShellView? shell = null;
        Window window = await JourApp.CreateMainWindowAsync(app, service, options, NullLogger.Instance, s => shell = s);
        SessionToken token = app.Begin(window)!;
        var session = new HeadlessSession(app, window, token, null, time, null) { UiClock = uiClock, Options = options };
        if (shell is not null)
        {
            session.Attach(shell);
        }

        session.Settle();
        return session;
    }

    /// <summary>The screen as the user sees it, after running what background work queued for the UI thread.</summary>
    public string Screen
    {
        get
        {
            Settle();
            return _app.Driver!.ToString()!;
        }
    }

    public void Press(params Key[] keys)
    {
        foreach (Key key in keys)
        {
            _app.InjectKey(key);
            Settle();
        }
    }

    public void Type(string text)
    {
        foreach (char c in text)
        {
            Press(new Key(c));
        }
    }

    /// <summary>Waits (a bounded time) until the screen shows every one of <paramref name="texts"/>; returns the screen.</summary>
    public string WaitFor(params string[] texts)
    {
        var clock = Stopwatch.StartNew();
        string screen = Screen;
        while (!texts.All(t => screen.Contains(t, StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(10);
            screen = Screen;
        }

        Assert.True(texts.All(t => screen.Contains(t, StringComparison.Ordinal)), $"'{string.Join("', '", texts)}' never appeared on:\n{screen}");
        return screen;
    }

    /// <summary>On the sign-in screen: moves the selection to <paramref name="name"/>.</summary>
    public async Task SelectUserAsync(string name)
    {
        var users = (await Service.SendAsync(new Core.Users.GetInstallInfo())).Users;
        int index = users.ToList().FindIndex(u => u.Name == name);
        Assert.True(index >= 0, name);
        Press(Key.Home);
        for (int i = 0; i < index; i++)
        {
            Press(Key.CursorDown);
        }
    }

    /// <summary>Alt+X, then signs in as <paramref name="name"/> (a demo user without a PIN) and waits for the board.</summary>
    public async Task SwitchUserAsync(string name)
    {
        Press(Key.X.WithAlt);
        WaitFor("Logga in");
        await SelectUserAsync(name);
        Press(Key.Enter);
        WaitFor("Inloggad: " + name);
    }

    /// <summary>Waits (a bounded time) until the screen no longer shows <paramref name="text"/>; returns the screen.</summary>
    public string WaitUntilGone(string text)
    {
        var clock = Stopwatch.StartNew();
        string screen = Screen;
        while (screen.Contains(text, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(10);
            screen = Screen;
        }

        Assert.False(screen.Contains(text, StringComparison.Ordinal), $"'{text}' stayed on:\n{screen}");
        return screen;
    }

    private void Attach(ShellView shell)
    {
        Shell = shell;
        shell.ErrorReported += ex => Errors.Add(ex);
    }

    public void Dispose()
    {
        Assert.Empty(Errors.Select(e => e.ToString()));
        _app.End(_token);
        _window.Dispose();
        _app.Dispose();
        _service?.Dispose();
        _store?.Dispose();
        if (TempDirectory.Length > 0)
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
    }

    private void Settle()
    {
        // Each look at the screen lets 50 ms of UI time pass, so timers fire as they would for a user.
        UiClock.Advance(TimeSpan.FromMilliseconds(50));
        _app.TimedEvents?.RunTimers();
        _app.LayoutAndDraw();
    }
}
