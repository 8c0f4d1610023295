using BenchmarkDotNet.Attributes;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Sessions;
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
/// The case board at 100,000 stored cases (500 open) in an encrypted file, as issue 4 asks: the
/// first paint (sign-in, every query the session makes, layout and draw at 80x24), one `/` filter
/// keystroke (filter and redraw), and one case transition committed to the file.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private const int StoredCases = 100_000;
    private const int OpenCases = 500;

    /// <summary>Open cases (of the 500) the transition benchmark moves between Bemannas and Bemannat.</summary>
    private const int ToggleCases = 200;

    private string _directory = "";
    private LiteJourStore _store = null!;
    private JourUseCases _useCases = null!;
    private InProcessJourService _service = null!;
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
        _store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "bench-key");
        DemoData.Seed(_store, TimeProvider.System);
        Fill(_store);
        _useCases = new JourUseCases(_store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _service = new InProcessJourService(_useCases);
        _service.SignInAsync(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "").GetAwaiter().GetResult();
        _toggles = [.. Enumerable.Range(0, ToggleCases).Select(_ => _service.GetCaseAsync(AddToggleCase()).GetAwaiter().GetResult().Summary)];

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
        using var service = new InProcessJourService(_useCases);
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
    /// Round-robin over many cases, so no timeline grows beyond what a real case has.
    /// </summary>
    [Benchmark]
    public CaseState Transition()
    {
        int index = _next++ % _toggles.Length;
        CaseSummary current = _toggles[index];
        CaseTrigger trigger = current.State == CaseState.Staffing ? CaseTrigger.MarkCovered : CaseTrigger.GapAppeared;
        _toggles[index] = _service.FireAsync(new TransitionRequest(current.Id, trigger, "bench", current.Revision)).GetAwaiter().GetResult().Summary;
        return _toggles[index].State;
    }

    private static void Fill(LiteJourStore store)
    {
        var random = new Random(42);
        long[] clients = [.. store.LoadClients().Select(c => c.Id)];
        long[] providers = [.. store.LoadProviders().Select(p => p.Id)];
        CaseState[] open = [CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement, CaseState.HandedBack];
        DateTime now = DateTime.UtcNow;
        var cases = store.Database.GetCollection<Case>("cases");
        var batch = new List<Case>(10_000);
        for (int i = 0; i < StoredCases - ToggleCases; i++)
        {
            bool isOpen = i % (StoredCases / OpenCases) == 0 && i / (StoredCases / OpenCases) < OpenCases - ToggleCases;
            DateTime received = isOpen ? now.AddMinutes(-random.Next(60, 60 * 24 * 10)) : now.AddDays(-random.Next(15, 3650));
            batch.Add(new Case
            {
                Number = $"{SwedishTime.ToLocal(received).Year}-B{i:000000}",
                ClientId = clients[random.Next(clients.Length)],
                ProviderId = providers[random.Next(providers.Length)],
                Reason = (CaseReason)random.Next(5),
                Urgency = (Urgency)random.Next(3),
                CallerName = "Bench",
                CallerPhone = "070-000 00 00",
                State = isOpen ? open[random.Next(open.Length)] : CaseState.Closed,
                ReceivedUtc = received,
                UpdatedUtc = received,
                Needs = isOpen ? [new NeedWindow { FromUtc = now.AddHours(random.Next(1, 30)), ToUtc = now.AddHours(40), Assistants = 1 }] : [],
            });
            if (batch.Count == batch.Capacity)
            {
                cases.InsertBulk(batch);
                batch.Clear();
            }
        }

        cases.InsertBulk(batch);
        store.Checkpoint();
    }

    private long AddToggleCase()
    {
        var c = new Case { ClientId = _store.LoadClients()[0].Id, State = CaseState.Staffing, ReceivedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
        return _store.AddCase(c, new CaseEvent { AtUtc = DateTime.UtcNow, To = CaseState.Staffing, Text = "bench" }).Id;
    }
}
