using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Operations;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Tui.Shell;

/// <summary>
/// What the session shows, kept in memory and refreshed in the background when the server pushes
/// a change, so no keystroke waits on the socket.
/// </summary>
public sealed class SessionData : IDisposable
{
    private readonly IJourService _service;
    private int _refreshing;
    private int _again;
    private readonly SemaphoreSlim _patching = new(1, 1);

    // Per case, the latest SMS yes this session's officer has seen (by opening the case).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTime> _smsYesSeen = new();

    public SessionData(IJourService service, SessionInfo session)
    {
        _service = service;
        Session = session;
    }

    /// <summary>Raised (on a background thread) after fresh data arrived.</summary>
    public event Action? Updated;

    /// <summary>Raised (on a background thread) when a refresh failed, e.g. while the server restarts.</summary>
    public event Action<Exception>? Failed;

    public SessionInfo Session { get; }

    public IJourService Service => _service;

    public StatusInfo? Status { get; private set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    public IReadOnlyList<ProviderData> Providers { get; private set; } = [];

    public IReadOnlyList<StaffSummary> Staff { get; private set; } = [];

    /// <summary>The effective on-call intervals from now to 14 days ahead.</summary>
    public IReadOnlyList<OnCallSlot> OnCall { get; private set; } = [];

    public IReadOnlyList<OfficerSummary> Officers { get; private set; } = [];

    public bool IsOffline { get; private set; }

    /// <summary>How long an SMS yes counts as new while its case has not been opened in this session.</summary>
    public static readonly TimeSpan NewSmsYesWindow = TimeSpan.FromHours(12);

    /// <summary>
    /// Whether an SMS yes became a deployment of <paramref name="c"/> that this session's officer has not looked at:
    /// within <see cref="NewSmsYesWindow"/>, and not seen by opening the case since.
    /// </summary>
    public bool IsUnseenSmsYes(CaseSummary c, DateTime nowUtc) =>
        c.SmsYesUtc is { } yes && nowUtc - yes < NewSmsYesWindow && (!_smsYesSeen.TryGetValue(c.Id, out DateTime seen) || yes > seen);

    /// <summary>The open cases with an unseen SMS yes, as the board lists them.</summary>
    public IReadOnlyList<CaseSummary> UnseenSmsYes(DateTime nowUtc) => [.. Cases.Where(c => IsUnseenSmsYes(c, nowUtc))];

    /// <summary>The officer has the case open: its SMS yes up to <paramref name="yesUtc"/> is seen.</summary>
    public void SeenSmsYes(long caseId, DateTime? yesUtc)
    {
        if (yesUtc is { } yes)
        {
            _smsYesSeen.AddOrUpdate(caseId, yes, (_, before) => before > yes ? before : yes);
        }
    }

    public void Dispose() => _patching.Dispose();

    /// <summary>Loads everything, the board and the registers side by side.</summary>
    public async Task LoadAsync(DateTime nowUtc, StatusInfo? known = null, CancellationToken cancellationToken = default)
    {
        Task board = LoadBoardAsync(nowUtc, known, cancellationToken);
        Task registers = LoadRegistersAsync(cancellationToken);
        await board;
        await registers;
        IsOffline = false;
    }

    /// <summary>
    /// What the first frame shows: the status line, the open cases and the rota. Awaited before the
    /// first frame; the registers follow with <see cref="LoadRegistersAsync"/>.
    /// </summary>
    public async Task LoadBoardAsync(DateTime nowUtc, StatusInfo? known = null, CancellationToken cancellationToken = default)
    {
        var status = known is null ? _service.SendAsync(new GetStatus(), cancellationToken) : Task.FromResult(known);
        var cases = _service.SendAsync(new GetOpenCases(), cancellationToken);
        var onCall = _service.SendAsync(new GetOnCall(nowUtc, nowUtc + JourUseCases.GapHorizon), cancellationToken);
        Status = await status;
        Cases = await cases;
        OnCall = await onCall;
    }

    /// <summary>The clients, assistants, providers and officers the forms choose from.</summary>
    public async Task LoadRegistersAsync(CancellationToken cancellationToken = default)
    {
        var clients = _service.SendAsync(new GetClients(), cancellationToken);
        var staff = _service.SendAsync(new GetStaff(), cancellationToken);
        var officers = _service.SendAsync(new GetOfficers(), cancellationToken);
        var providers = _service.SendAsync(new GetProviders(), cancellationToken);
        Clients = await clients;
        Staff = await staff;
        Officers = await officers;
        Providers = await providers;
    }

    /// <summary>
    /// Brings what is shown up to date with one change: a changed case is fetched alone and patched
    /// into the board (O(1) for the server however many cases it holds), anything else reloads all.
    /// </summary>
    public void ApplyInBackground(ChangeNotice notice, Func<DateTime> nowUtc)
    {
        if (notice.Kind != ChangeKind.Case)
        {
            RefreshInBackground(nowUtc);
            return;
        }

        _ = Task.Run(async () =>
        {
            await _patching.WaitAsync();
            try
            {
                CaseSummary changed = (await _service.SendAsync(new GetCase(notice.Id))).Summary;
                Patch(changed);
                Updated?.Invoke();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The case may be gone or the server restarting: fall back to a full reload.
                RefreshInBackground(nowUtc);
            }
            finally
            {
                _patching.Release();
            }
        });
    }

    /// <summary>Replaces, adds or (when it is no longer open) removes one case, keeping the board's order.</summary>
    public void Patch(CaseSummary changed)
    {
        bool open = changed.State is not (CaseState.Declined or CaseState.Closed or CaseState.Withdrawn);
        var cases = Cases.Where(c => c.Id != changed.Id).ToList();
        if (open)
        {
            cases.Add(changed);
        }

        Cases = [.. cases.OrderByDescending(c => c.Urgency).ThenBy(c => c.ReceivedUtc).ThenBy(c => c.Id)];
        if (Status is { } status)
        {
            Status = status with { OpenCases = Cases.Count };
        }
    }

    /// <summary>Refreshes in the background; requests that arrive meanwhile cause one more round, not one each.</summary>
    public void RefreshInBackground(Func<DateTime> nowUtc)
    {
        Volatile.Write(ref _again, 1);
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                while (Interlocked.Exchange(ref _again, 0) == 1)
                {
                    await LoadAsync(nowUtc());
                }

                Updated?.Invoke();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                IsOffline = true;
                Failed?.Invoke(ex);
                return; // the next change, or the reconnection, asks again
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }

            // A change that came between the last round and letting go above found a refresh running and
            // left it to that one: take it up, or the board would show the state before it.
            if (Volatile.Read(ref _again) == 1)
            {
                RefreshInBackground(nowUtc);
            }
        });
    }
}
