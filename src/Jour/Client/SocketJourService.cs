using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Sessions;
using Jour.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Client;

/// <summary>
/// The use cases over the server's socket. When the server dies, the session starts a new one,
/// signs in again as the same user and tells its screens to refresh; what the user had typed
/// lives in the screens and is untouched.
/// </summary>
internal sealed partial class SocketJourService : IJourService
{
    private static readonly TimeSpan s_requestLimit = TimeSpan.FromSeconds(30);

    // A backup or a full check of a large file reads it all; the server answers when done.
    private static readonly TimeSpan s_operatorRequestLimit = TimeSpan.FromMinutes(15);

    private readonly JourPaths _paths;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<ServerMessage>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private DateTime _reconnectAfter;
    private readonly CancellationTokenSource _disposed = new();
    private Connection? _connection;
    private (long UserId, string Pin)? _credentials;
    private int _nextId;
    private readonly ILogger _log;

    private SocketJourService(JourPaths paths, ILogger log)
    {
        _paths = paths;
        _log = log;
    }

    public event Action<ChangeNotice>? Changed;

    public string? SetUpCode { get; private set; }

    /// <summary>Raised when the connection was lost and then restored (possibly to a new server).</summary>
    public event Action? Reconnected;

    /// <summary>Connects (starting a server if need be) and says hello.</summary>
    public static async Task<SocketJourService> ConnectAsync(JourPaths paths, ILogger? log = null, CancellationToken cancellationToken = default)
    {
        var service = new SocketJourService(paths, log ?? NullLogger.Instance);
        await service.EnsureConnectedAsync(cancellationToken);
        return service;
    }

    public Task<InstallInfo> GetInstallInfoAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.InstallInfo, WireJsonContext.Default.InstallInfo, cancellationToken);

    public async Task<SessionInfo> SignInAsync(long userId, string pin, CancellationToken cancellationToken = default)
    {
        SessionInfo session = await CallAsync(Ops.SignIn, new SignInArgs(userId, pin), WireJsonContext.Default.SignInArgs, WireJsonContext.Default.SessionInfo, cancellationToken);
        _credentials = (userId, pin);
        return session;
    }

    public async Task<SessionInfo> SetUpFirstAdminAsync(string name, string pin, string code, CancellationToken cancellationToken = default)
    {
        SessionInfo session = await CallAsync(Ops.SetUp, new SetUpArgs(name, pin, code), WireJsonContext.Default.SetUpArgs, WireJsonContext.Default.SessionInfo, cancellationToken);
        _credentials = (session.UserId, pin);
        return session;
    }

    /// <summary>A new one-time set-up code, replacing any earlier one; the server gives it to its own account only.</summary>
    public Task<string> IssueSetUpCodeAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.IssueSetUpCode, WireJsonContext.Default.String, cancellationToken);

    public async Task<bool> SignOutAsync(CancellationToken cancellationToken = default)
    {
        // Forget the PIN first: a reconnect after this must not sign the previous user in again.
        _credentials = null;
        return await CallAsync(Ops.SignOut, WireJsonContext.Default.Boolean, cancellationToken);
    }

    public Task<bool> ConfirmPinAsync(PinCheck check, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ConfirmPin, check, WireJsonContext.Default.PinCheck, WireJsonContext.Default.Boolean, cancellationToken);

    public Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Users, WireJsonContext.Default.IReadOnlyListUserSummary, cancellationToken);

    public Task<UserSummary> AddUserAsync(NewUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AddUser, request, WireJsonContext.Default.NewUserRequest, WireJsonContext.Default.UserSummary, cancellationToken);

    public Task<UserSummary> UpdateUserAsync(UserUpdate update, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.UpdateUser, update, WireJsonContext.Default.UserUpdate, WireJsonContext.Default.UserSummary, cancellationToken);

    public Task<UserSummary> ResetPinAsync(PinReset reset, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ResetPin, reset, WireJsonContext.Default.PinReset, WireJsonContext.Default.UserSummary, cancellationToken);
    public Task<HandoverView> GetHandoverAsync(HandoverRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Handover, request, WireJsonContext.Default.HandoverRequest, WireJsonContext.Default.HandoverView, cancellationToken);

    public Task<HandoverRecordData> HandOverAsync(HandoverNotesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.MakeHandover, request, WireJsonContext.Default.HandoverNotesRequest, WireJsonContext.Default.HandoverRecordData, cancellationToken);

    public Task<HandoverRecordData> AcknowledgeHandoverAsync(long handoverId, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AcknowledgeHandover, new IdArgs(handoverId), WireJsonContext.Default.IdArgs, WireJsonContext.Default.HandoverRecordData, cancellationToken);

    public Task<IReadOnlyList<HandoverRecordData>> GetHandoversAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Handovers, WireJsonContext.Default.IReadOnlyListHandoverRecordData, cancellationToken);

    public Task<StatusInfo> GetStatusAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Status, WireJsonContext.Default.StatusInfo, cancellationToken);

    public Task<IReadOnlyList<CaseSummary>> GetOpenCasesAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.OpenCases, WireJsonContext.Default.IReadOnlyListCaseSummary, cancellationToken);

    public Task<CaseDetail> CreateCaseAsync(NewCaseRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.CreateCase, request, WireJsonContext.Default.NewCaseRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<CaseDetail> RecordVerificationAsync(VerificationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.RecordVerification, request, WireJsonContext.Default.VerificationRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<ClientData> GetClientAsync(long clientId, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Client, new IdArgs(clientId), WireJsonContext.Default.IdArgs, WireJsonContext.Default.ClientData, cancellationToken);

    public Task<ClientData> SaveClientAsync(ClientData client, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveClient, client, WireJsonContext.Default.ClientData, WireJsonContext.Default.ClientData, cancellationToken);

    public Task<IReadOnlyList<ProviderData>> GetProvidersAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Providers, WireJsonContext.Default.IReadOnlyListProviderData, cancellationToken);

    public Task<ProviderData> SaveProviderAsync(ProviderData provider, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveProvider, provider, WireJsonContext.Default.ProviderData, WireJsonContext.Default.ProviderData, cancellationToken);

    public async Task<DraftData?> GetDraftAsync(string form, CancellationToken cancellationToken = default) =>
        await CallAsync(Ops.GetDraft, new FormArgs(form), WireJsonContext.Default.FormArgs, WireJsonContext.Default.DraftData, cancellationToken);

    public Task<bool> SaveDraftAsync(DraftData draft, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveDraft, draft, WireJsonContext.Default.DraftData, WireJsonContext.Default.Boolean, cancellationToken);

    public Task<bool> DiscardDraftAsync(string form, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.DiscardDraft, new FormArgs(form), WireJsonContext.Default.FormArgs, WireJsonContext.Default.Boolean, cancellationToken);

    public Task<IReadOnlyList<CaseSummary>> GetCasesInStateAsync(CaseState state, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.CasesInState, new StateArgs(state), WireJsonContext.Default.StateArgs, WireJsonContext.Default.IReadOnlyListCaseSummary, cancellationToken);

    public Task<JournalView> GetJournalAsync(JournalRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Journal, request, WireJsonContext.Default.JournalRequest, WireJsonContext.Default.JournalView, cancellationToken);

    public Task<JournalEntryData> AddJournalEntryAsync(JournalEntryRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AddJournalEntry, request, WireJsonContext.Default.JournalEntryRequest, WireJsonContext.Default.JournalEntryData, cancellationToken);

    public Task<IReadOnlyList<AccessLogRow>> GetAccessLogAsync(AccessLogQuery query, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AccessLog, query, WireJsonContext.Default.AccessLogQuery, WireJsonContext.Default.IReadOnlyListAccessLogRow, cancellationToken);

    public Task<IReadOnlyList<IncidentData>> GetIncidentsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Incidents, WireJsonContext.Default.IReadOnlyListIncidentData, cancellationToken);

    public Task<IncidentData> SaveIncidentAsync(IncidentData incident, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveIncident, incident, WireJsonContext.Default.IncidentData, WireJsonContext.Default.IncidentData, cancellationToken);

    public Task<IReadOnlyList<ComplaintData>> GetComplaintsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Complaints, WireJsonContext.Default.IReadOnlyListComplaintData, cancellationToken);

    public Task<ComplaintData> SaveComplaintAsync(ComplaintData complaint, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveComplaint, complaint, WireJsonContext.Default.ComplaintData, WireJsonContext.Default.ComplaintData, cancellationToken);

    public Task<CandidateList> GetCandidatesAsync(CandidateRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.GetCandidates, request, WireJsonContext.Default.CandidateRequest, WireJsonContext.Default.CandidateList, cancellationToken);

    public Task<CaseDetail> AssignAsync(AssignRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Assign, request, WireJsonContext.Default.AssignRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<CaseDetail> SetDeploymentStateAsync(DeploymentStateRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SetDeploymentState, request, WireJsonContext.Default.DeploymentStateRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<StaffSummary> SetBlockedAsync(BlockRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SetBlocked, request, WireJsonContext.Default.BlockRequest, WireJsonContext.Default.StaffSummary, cancellationToken);

    public Task<CaseDetail> ReportTimeAsync(TimeReportRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ReportTime, request, WireJsonContext.Default.TimeReportRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<CaseDetail> SignAsync(SignRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Sign, request, WireJsonContext.Default.SignRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<CaseDetail> GetCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Case, new IdArgs(caseId), WireJsonContext.Default.IdArgs, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<CaseDetail> FireAsync(TransitionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Fire, request, WireJsonContext.Default.TransitionRequest, WireJsonContext.Default.CaseDetail, cancellationToken);

    public Task<TimelineEntry> AddNoteAsync(NoteRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AddNote, request, WireJsonContext.Default.NoteRequest, WireJsonContext.Default.TimelineEntry, cancellationToken);

    public Task<IReadOnlyList<ClientSummary>> GetClientsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Clients, WireJsonContext.Default.IReadOnlyListClientSummary, cancellationToken);

    public Task<IReadOnlyList<StaffSummary>> GetStaffAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Staff, WireJsonContext.Default.IReadOnlyListStaffSummary, cancellationToken);

    public Task<IReadOnlyList<OnCallSlot>> GetOnCallAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.OnCall, new RangeArgs(fromUtc, toUtc), WireJsonContext.Default.RangeArgs, WireJsonContext.Default.IReadOnlyListOnCallSlot, cancellationToken);

    public Task<OnCallAt> GetOnCallAtAsync(DateTime atUtc, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.OnCallAt, new AtArgs(atUtc), WireJsonContext.Default.AtArgs, WireJsonContext.Default.OnCallAt, cancellationToken);

    public Task<OnCallSlot> TakeOverAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.TakeOver, WireJsonContext.Default.OnCallSlot, cancellationToken);

    public Task<OnCallSlot> AddOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.AddOverride, request, WireJsonContext.Default.OverrideRequest, WireJsonContext.Default.OnCallSlot, cancellationToken);

    public Task<IReadOnlyList<OnCallSlot>> SwapAsync(SwapRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Swap, request, WireJsonContext.Default.SwapRequest, WireJsonContext.Default.IReadOnlyListOnCallSlot, cancellationToken);

    public async Task<RotationData?> GetRotationAsync(CancellationToken cancellationToken = default) =>
        await CallAsync(Ops.Rotation, WireJsonContext.Default.RotationData, cancellationToken);

    public Task<RotationData> SaveRotationAsync(RotationData rotation, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveRotation, rotation, WireJsonContext.Default.RotationData, WireJsonContext.Default.RotationData, cancellationToken);

    public Task<IReadOnlyList<OfficerSummary>> GetOfficersAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Officers, WireJsonContext.Default.IReadOnlyListOfficerSummary, cancellationToken);

    public Task<IReadOnlyList<OfficerHours>> GetOnCallHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.OnCallHours, new RangeArgs(fromUtc, toUtc), WireJsonContext.Default.RangeArgs, WireJsonContext.Default.IReadOnlyListOfficerHours, cancellationToken);

    public Task<StaffData> GetStaffMemberAsync(long assistantId, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.StaffMember, new IdArgs(assistantId), WireJsonContext.Default.IdArgs, WireJsonContext.Default.StaffData, cancellationToken);

    public Task<StaffData> SaveStaffAsync(StaffData assistant, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveStaff, assistant, WireJsonContext.Default.StaffData, WireJsonContext.Default.StaffData, cancellationToken);

    public Task<PoolWeek> GetPoolWeekAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.PoolWeek, new RangeArgs(fromUtc, toUtc), WireJsonContext.Default.RangeArgs, WireJsonContext.Default.PoolWeek, cancellationToken);

    public Task<IReadOnlyList<AssistantHours>> GetDeployedHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.DeployedHours, new RangeArgs(fromUtc, toUtc), WireJsonContext.Default.RangeArgs, WireJsonContext.Default.IReadOnlyListAssistantHours, cancellationToken);

    public Task<BackupResult> BackupAsync(BackupRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(Ops.Backup, JsonSerializer.SerializeToElement(request, WireJsonContext.Default.BackupRequest), WireJsonContext.Default.BackupResult, s_operatorRequestLimit, cancellationToken);

    public Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Ops.Check, null, WireJsonContext.Default.CheckReport, s_operatorRequestLimit, cancellationToken);

    public Task<bool> ResetDemoAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ResetDemo, WireJsonContext.Default.Boolean, cancellationToken);

    public Task<ImportResult> ImportClientsAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ImportClients, request, WireJsonContext.Default.ImportRequest, WireJsonContext.Default.ImportResult, cancellationToken);

    public Task<ImportResult> ImportProvidersAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ImportProviders, request, WireJsonContext.Default.ImportRequest, WireJsonContext.Default.ImportResult, cancellationToken);

    public Task<ImportResult> ImportStaffAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.ImportStaff, request, WireJsonContext.Default.ImportRequest, WireJsonContext.Default.ImportResult, cancellationToken);

    /// <summary>Asks the server to stop; true when it acknowledged.</summary>
    public Task<bool> ShutdownServerAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Shutdown, WireJsonContext.Default.Boolean, cancellationToken);

    public void Dispose()
    {
        _disposed.Cancel();
        _connection?.Socket.Dispose();
        _writeLock.Dispose();
        _connectLock.Dispose();
    }

    public Task<SettingsData> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Settings, WireJsonContext.Default.SettingsData, cancellationToken);

    public Task<SettingsData> SaveSettingsAsync(SettingsData settings, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.SaveSettings, settings, WireJsonContext.Default.SettingsData, WireJsonContext.Default.SettingsData, cancellationToken);

    public Task<InvoiceBasis> GetInvoiceBasisAsync(InvoiceRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.InvoiceBasis, request, WireJsonContext.Default.InvoiceRequest, WireJsonContext.Default.InvoiceBasis, cancellationToken);

    public Task<StatisticsReport> GetStatisticsAsync(StatisticsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(Ops.Statistics, request, WireJsonContext.Default.StatisticsRequest, WireJsonContext.Default.StatisticsReport, cancellationToken);

    private Task<TResult> CallAsync<TResult>(string op, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken) =>
        SendAsync(op, null, resultInfo, null, cancellationToken);

    private Task<TResult> CallAsync<TArg, TResult>(string op, TArg arg, JsonTypeInfo<TArg> argInfo, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken) =>
        SendAsync(op, JsonSerializer.SerializeToElement(arg, argInfo), resultInfo, null, cancellationToken);

    private async Task<TResult> SendAsync<TResult>(string op, JsonElement? body, JsonTypeInfo<TResult> resultInfo, TimeSpan? limit, CancellationToken cancellationToken)
    {
        Connection connection = await EnsureConnectedAsync(cancellationToken);
        ServerMessage reply = await RoundTripAsync(connection, op, body, limit ?? s_requestLimit, cancellationToken);
        if (!reply.Ok)
        {
            if (reply.ErrorCode is ErrorCodes.StorageFull or ErrorCodes.StorageFailed)
            {
                // The server stops after a failure of its file; the next call starts a new one (which opens
                // the file again) once this one has let go of the lock.
                connection.IsAlive = false;
                connection.Socket.Dispose();
                _reconnectAfter = DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
            }

            throw new JourException(reply.ErrorCode ?? ErrorCodes.Unexpected, [.. reply.ErrorArgs ?? []]);
        }

        // An accepted request whose answer is null (no draft saved for a form) comes without a body:
        // System.Text.Json reads the JSON null into the nullable JsonElement as no value at all.
        return reply.Body is { } result ? result.Deserialize(resultInfo)! : default!;
    }

    private async Task<ServerMessage> RoundTripAsync(Connection connection, string op, JsonElement? body, TimeSpan limit, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<ServerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        long sent = System.Diagnostics.Stopwatch.GetTimestamp();
        LogSent(id, op);
        try
        {
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                await FrameStream.WriteAsync(connection.Stream, new ClientMessage(id, op, body), WireJsonContext.Default.ClientMessage, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                throw Lost(ex);
            }
            finally
            {
                _writeLock.Release();
            }

            ServerMessage answer = await reply.Task.WaitAsync(limit, cancellationToken);
            LogAnswered(id, op, answer.Ok, System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            return answer;
        }
        catch (TimeoutException ex)
        {
            LogUnanswered(id, op, limit.TotalSeconds);
            throw Lost(ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private JourException Lost(Exception ex) =>
        new(ErrorCodes.ServerUnavailable, ex.GetType().Name, _paths.Logs);

    private const int GreetingAttempts = 5;

    private async Task<Connection> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        Connection? current = _connection;
        if (current is { IsAlive: true })
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsAlive: true } again)
            {
                return again;
            }

            if (_reconnectAfter - DateTime.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            bool wasConnected = _connection is not null;
            Connection connection = await GreetAsync(cancellationToken);

            if (wasConnected && _credentials is { } credentials)
            {
                ServerMessage signIn = await RoundTripAsync(connection, Ops.SignIn, JsonSerializer.SerializeToElement(new SignInArgs(credentials.UserId, credentials.Pin), WireJsonContext.Default.SignInArgs), s_requestLimit, cancellationToken);
                if (!signIn.Ok)
                {
                    throw new JourException(signIn.ErrorCode ?? ErrorCodes.SignInFailed);
                }
            }

            if (wasConnected)
            {
                Reconnected?.Invoke();
                Changed?.Invoke(new ChangeNotice(ChangeKind.Everything, 0));
            }

            return connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    // A server that is stopping (after a failure of its file, or `jour server --stop`) may still take a
    // connection in its last moments, then refuse the greeting or drop it. The greeting changes nothing,
    // so it is asked again of the next server (ConnectOrStartAsync starts one once the old has let go).
    private async Task<Connection> GreetAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            Socket socket = await ServerLauncher.ConnectOrStartAsync(_paths, cancellationToken, code => SetUpCode = code);
            var connection = new Connection(socket);
            _connection = connection;
            _ = ReadLoopAsync(connection);
            ServerMessage hello;
            try
            {
                hello = await RoundTripAsync(connection, Ops.Hello, JsonSerializer.SerializeToElement(new Hello(ProtocolInfo.Version, ProtocolInfo.BuildVersion), WireJsonContext.Default.Hello), s_requestLimit, cancellationToken);
            }
            catch (JourException ex) when (ex.Code == ErrorCodes.ServerUnavailable && attempt < GreetingAttempts)
            {
                await LetGoAsync(connection, attempt, cancellationToken);
                continue;
            }

            if (hello.Ok)
            {
                return connection;
            }

            if (hello.ErrorCode == ErrorCodes.ServerUnavailable && attempt < GreetingAttempts)
            {
                await LetGoAsync(connection, attempt, cancellationToken);
                continue;
            }

            connection.Socket.Dispose();
            throw new JourException(hello.ErrorCode ?? ErrorCodes.ProtocolMismatch, [.. hello.ErrorArgs ?? []]);
        }
    }

    private static async Task LetGoAsync(Connection connection, int attempt, CancellationToken cancellationToken)
    {
        connection.IsAlive = false;
        connection.Socket.Dispose();
        await Task.Delay(TimeSpan.FromMilliseconds(150 * attempt), cancellationToken);
    }

    private async Task ReadLoopAsync(Connection connection)
    {
        try
        {
            while (!_disposed.IsCancellationRequested)
            {
                ServerMessage? message = await FrameStream.ReadAsync(connection.Stream, WireJsonContext.Default.ServerMessage, _disposed.Token);
                if (message is null)
                {
                    break;
                }

                if (message.Id == 0 && message.Change is { } change)
                {
                    Changed?.Invoke(change);
                }
                else if (_pending.TryGetValue(message.Id, out var waiter))
                {
                    waiter.TrySetResult(message);
                }
                else
                {
                    LogNobodyWaiting(message.Id);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or EndOfStreamException or JsonException or InvalidDataException)
        {
            // Lost; the next call reconnects.
        }

        connection.IsAlive = false;
        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(Lost(new IOException("connection closed")));
        }

        if (!_disposed.IsCancellationRequested && _credentials is not null)
        {
            // A signed-in session reconnects on its own, so pushed changes resume without a keystroke.
            _ = Task.Run(async () =>
            {
                for (int attempt = 0; attempt < 50 && !_disposed.IsCancellationRequested; attempt++)
                {
                    try
                    {
                        await EnsureConnectedAsync(_disposed.Token);
                        return;
                    }
                    catch (Exception ex) when (ex is JourException or ServerStartException or IOException or SocketException)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            });
        }
    }

    private sealed class Connection(Socket socket)
    {
        public Socket Socket { get; } = socket;

        public NetworkStream Stream { get; } = new(socket, ownsSocket: false);

        public volatile bool IsAlive = true;
    }

    // Requests are traced at Debug (JOUR_LOG_LEVEL=Debug): op names, ids and times only, never a body.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Id} {Op} sent")]
    private partial void LogSent(int id, string op);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Id} {Op} answered (ok {Ok}) after {Milliseconds:0.0} ms")]
    private partial void LogAnswered(int id, string op, bool ok, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Id} {Op} had no answer within {Seconds} s")]
    private partial void LogUnanswered(int id, string op, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer to request {Id} came when nobody waited for it")]
    private partial void LogNobodyWaiting(int id);
}
