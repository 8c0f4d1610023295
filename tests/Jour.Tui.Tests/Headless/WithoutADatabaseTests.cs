using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Operations;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Screens against a service of the test's own: the answers are written here, so a screen is tested without
/// a database, the use cases or a server, and without the demo's data deciding what it shows.
/// </summary>
public sealed class WithoutADatabaseTests
{
    private static readonly DateTime s_now = new(2026, 12, 6, 2, 10, 0, DateTimeKind.Utc);
    private static readonly SessionInfo s_officer = new(7, "Anna Lindqvist", Role.OnCallOfficer, true);

    [Fact]
    public async Task TheBoard_ShowsWhatTheServerAnswered_MostUrgentFirst_AsTheServerSorted()
    {
        Scripted service = Board(
            s_officer,
            [
                new CaseSummary(2, "2026-0412", CaseState.Staffing, Urgency.Acute, "Märta Ödmark", "Assistansbolaget Väst", s_now.AddMinutes(-40), s_now.AddMinutes(20), s_now.AddHours(8), 3),
                new CaseSummary(1, "2026-0411", CaseState.Received, Urgency.Normal, "Bo Ek", "Omsorg Nord", s_now.AddHours(-2), null, null, 1),
            ]);

        using HeadlessSession session = await HeadlessSession.StartWithAsync(service, new FakeTimeProvider(s_now));
        string board = session.WaitFor("2026-0412", "2026-0411");

        string[] rows = board.Split('\n');
        int acute = Array.FindIndex(rows, r => r.Contains("2026-0412", StringComparison.Ordinal));
        int normal = Array.FindIndex(rows, r => r.Contains("2026-0411", StringComparison.Ordinal));
        Assert.True(acute < normal, board);
        Assert.Contains("Märta Öd", rows[acute], StringComparison.Ordinal); // cut to its column at 80
        Assert.Contains(service.Sent, r => r is SignInUser { UserId: 7 });
    }

    [Fact]
    public async Task ANewSmsYes_IsMarkedInTheStatusBarAndOnItsRow_UntilTheCaseIsOpened()
    {
        var yes = new CaseSummary(2, "2026-0412", CaseState.Staffing, Urgency.Acute, "Märta Ödmark", "Assistansbolaget Väst", s_now.AddMinutes(-40), null, null, 4, s_now.AddMinutes(-2));
        var other = new CaseSummary(1, "2026-0411", CaseState.Received, Urgency.Normal, "Bo Ek", "Omsorg Nord", s_now.AddHours(-2), null, null, 1);
        Scripted service = Board(s_officer, [yes, other], request => request is GetCase { CaseId: 2 }
            ? new CaseDetail(yes, CaseReason.SicknessOrStaffShortage, "Eva Lind", "070-123 45 67", "", true, [], [], 5, true, [], [], [], [])
            : null);

        using HeadlessSession session = await HeadlessSession.StartWithAsync(service, new FakeTimeProvider(s_now));
        string board = session.WaitFor("2026-0412", "2026-0411", "Nytt SMS-ja blev en insats: 2026-0412");

        string[] rows = board.Split('\n');
        Assert.Contains("✉", rows.Single(r => r.Contains("2026-0412", StringComparison.Ordinal) && !r.Contains("SMS-ja", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("✉", rows.Single(r => r.Contains("2026-0411", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The marked case is first on the board: Enter opens it, Esc comes back, and the mark is gone.
        session.Press(Terminal.Gui.Input.Key.Enter);
        session.WaitFor("Eva Lind");
        session.Press(Terminal.Gui.Input.Key.Esc);
        board = session.WaitUntilGone("Nytt SMS-ja");
        Assert.Contains("2026-0412", board, StringComparison.Ordinal);
        Assert.DoesNotContain("✉", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewSmsYes_IsNotInTheStatusBarOfSomeoneWhoIsNoOfficer()
    {
        var yes = new CaseSummary(2, "2026-0412", CaseState.Staffing, Urgency.Acute, "Märta Ödmark", "Assistansbolaget Väst", s_now.AddMinutes(-40), null, null, 4, s_now.AddMinutes(-2));
        Scripted service = Board(new SessionInfo(8, "Per Andersson", Role.Finance, true), [yes]);

        using HeadlessSession session = await HeadlessSession.StartWithAsync(service, new FakeTimeProvider(s_now));
        string board = session.WaitFor("2026-0412");

        Assert.DoesNotContain("Nytt SMS-ja", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatabaseAway_TheSessionSaysSo_AndWhenTheServerReachesItAgain_TheSentenceGoesAndTheCaseShows()
    {
        var taken = new CaseSummary(2, "2026-0412", CaseState.Staffing, Urgency.Acute, "Märta Ödmark", "Assistansbolaget Väst", s_now.AddMinutes(-40), null, null, 4);
        bool away = true;
        Scripted service = Board(s_officer, [taken], request => request is GetCase { CaseId: 2 }
            ? away
                ? throw new Core.Common.JourException(Core.Common.ErrorCodes.StorageUnreachable)
                : new CaseDetail(taken, CaseReason.SicknessOrStaffShortage, "Eva Lind", "070-123 45 67", "", true, [], [], 5, true, [], [], [], [])
            : null);

        using HeadlessSession session = await HeadlessSession.StartWithAsync(service, new FakeTimeProvider(s_now));
        session.WaitFor("2026-0412");
        session.Press(Terminal.Gui.Input.Key.Enter);
        session.WaitFor("Databasen svarar inte – försöker igen");

        // The server's change relay reaches PostgreSQL again and tells every session to reload everything.
        away = false;
        service.Raise(new ChangeNotice(ChangeKind.Everything, 0));
        string screen = session.WaitUntilGone("Databasen svarar inte");
        Assert.Contains("Eva Lind", session.WaitFor("Eva Lind"), StringComparison.Ordinal);
        Assert.DoesNotContain("försöker igen", screen, StringComparison.Ordinal);
    }

    /// <summary>A server with these open cases, signing in <paramref name="user"/>; <paramref name="more"/> answers anything else (null: not asked for).</summary>
    private static Scripted Board(SessionInfo user, IReadOnlyList<CaseSummary> cases, Func<object, object?>? more = null) => new(request => request switch
    {
        GetInstallInfo => new InstallInfo(true, false, [new UserChoice(user.UserId, user.UserName, false)]),
        GetStatus => new StatusInfo(true, "Anna Lindqvist", s_now.AddHours(5), null, null, 2, null),
        SignInUser => user,
        GetOpenCases => cases,
        GetOnCall => (IReadOnlyList<OnCallSlot>)[],
        GetClients => (IReadOnlyList<ClientSummary>)[],
        GetStaff => (IReadOnlyList<StaffSummary>)[],
        GetOfficers => (IReadOnlyList<OfficerSummary>)[],
        GetProviders => (IReadOnlyList<ProviderData>)[],
        _ => more?.Invoke(request) ?? throw new InvalidOperationException("The board asked for " + request.GetType().Name),
    });

    /// <summary>Answers every request from the test's own function; records what was sent.</summary>
    private sealed class Scripted(Func<object, object> answer) : IJourService
    {
        public event Action<ChangeNotice>? Changed;

        /// <summary>A notice pushed as the server pushes one.</summary>
        public void Raise(ChangeNotice notice) => Changed?.Invoke(notice);

        public string? SetUpCode => null;

        public List<object> Sent { get; } = [];

        public Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default)
        {
            lock (Sent)
            {
                Sent.Add(request);
            }

            return Task.FromResult((TAnswer)answer(request));
        }

        public void Dispose()
        {
        }
    }
}
