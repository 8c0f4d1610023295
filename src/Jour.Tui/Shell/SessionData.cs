using Jour.Core.Sessions;

namespace Jour.Tui.Shell;

/// <summary>
/// What the session shows, kept in memory and refreshed in the background when the server pushes
/// a change, so no keystroke waits on the socket.
/// </summary>
public sealed class SessionData
{
    private readonly IJourService _service;
    private int _refreshing;
    private int _again;

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

    public IReadOnlyList<ShiftSummary> Shifts { get; private set; } = [];

    public bool IsOffline { get; private set; }

    /// <summary>Loads everything; awaited once before the first frame.</summary>
    public async Task LoadAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var status = _service.GetStatusAsync(cancellationToken);
        var cases = _service.GetOpenCasesAsync(cancellationToken);
        var clients = _service.GetClientsAsync(cancellationToken);
        var staff = _service.GetStaffAsync(cancellationToken);
        var shifts = _service.GetShiftsAsync(nowUtc.AddHours(-12), nowUtc.AddDays(7), cancellationToken);
        var providers = _service.GetProvidersAsync(cancellationToken);
        Status = await status;
        Cases = await cases;
        Clients = await clients;
        Staff = await staff;
        Shifts = await shifts;
        Providers = await providers;
        IsOffline = false;
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
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }
}
