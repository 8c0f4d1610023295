using BenchmarkDotNet.Attributes;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Jour.Tui;
using Jour.Tui.Cases;
using Jour.Tui.Shell;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.Views;

namespace Jour.Bench;

/// <summary>
/// The case board at 100,000 stored cases (500 open; <see cref="BenchDatabase.Standard"/>) in an encrypted file, as issue 4 asks: the
/// first paint (sign-in, every query the session makes, layout and draw at 80x24), one `/` filter
/// keystroke (filter and redraw), and one case transition committed to the file.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private const int OpenCases = 500;

    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private LocalJourService _service = null!;
    private IApplication _app = null!;
    private Window _window = null!;
    private SessionToken _token = null!;
    private CaseBoardScreen _board = null!;
    private int _keystroke;
    private CaseSummary[] _toggles = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("jour-bench-").FullName;
        _store = BenchDatabase.Open(_directory);
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _service = new LocalJourService(_useCases);
        _service.SendAsync(new SignInUser(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "")).GetAwaiter().GetResult();
        _toggles = [.. _store.LoadCases(CaseState.Covered).Select(c => _service.SendAsync(new GetCase(c.Id)).GetAwaiter().GetResult().Summary)];

        JourApp.Configure(new TuiOptions());
        _app = Application.Create(new VirtualTimeProvider()).Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(80, 24);
        ShellView? shell = null;
        _window = JourApp.CreateMainWindowAsync(_app, _service, new TuiOptions(), NullLogger.Instance, s => shell = s).GetAwaiter().GetResult();
        _token = _app.Begin(_window)!;
        _app.LayoutAndDraw();
        _board = (CaseBoardScreen)shell!.CurrentScreen;
        if (_board.List.Visible.Count < OpenCases)
        {
            throw new InvalidOperationException($"expected {OpenCases} open cases on the board, found {_board.List.Visible.Count}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.End(_token);
        _window.Dispose();
        _app.Dispose();
        _service.Dispose();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What a new session does before its first frame, without the process start and the socket.</summary>
    [Benchmark]
    public string FirstPaint()
    {
        using var service = new LocalJourService(_useCases);
        using Window window = JourApp.CreateMainWindowAsync(_app, service, new TuiOptions(), NullLogger.Instance).GetAwaiter().GetResult();
        SessionToken token = _app.Begin(window)!;
        _app.LayoutAndDraw(forceRedraw: true);
        string screen = _app.Driver!.ToString()!;
        _app.End(token);
        return screen;
    }

    /// <summary>One keystroke of a `/` filter over the 500 open cases, filtered and redrawn.</summary>
    [Benchmark]
    public int FilterKeystroke()
    {
        string typed = (_keystroke++ % 3) switch { 0 => "U", 1 => "Ut", _ => "Utr" };
        _board.List.SetFilter(typed);
        _window.SetNeedsDraw();
        _app.LayoutAndDraw();
        return _board.List.Visible.Count;
    }

    /// <summary>
    /// A transition committed to the encrypted file (Bemannas ⇄ Bemannat), with the case screen's
    /// answer (the case in full); the open session patches its board from the pushed change meanwhile.
    /// Round-robin over the covered cases (about 140), so no timeline grows beyond what a real case has.
    /// </summary>
    [Benchmark]
    public CaseState Transition()
    {
        int index = _next++ % _toggles.Length;
        CaseSummary current = _toggles[index];
        CaseTrigger trigger = current.State == CaseState.Staffing ? CaseTrigger.MarkCovered : CaseTrigger.GapAppeared;
        _toggles[index] = _service.SendAsync(new TransitionRequest(current.Id, trigger, "bench", current.Revision)).GetAwaiter().GetResult().Summary;
        return _toggles[index].State;
    }
}
