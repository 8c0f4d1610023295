using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Sessions;
using Jour.Native;
using Jour.Protocol;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Server;

/// <summary>
/// One session's connection: requests are answered in order; replies and pushed changes leave
/// through one queue, so a slow session never holds up another.
/// </summary>
internal sealed partial class ServerConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly InProcessJourService _service;
    private readonly ILogger _log;
    private readonly ServerLifetime _lifetime;
    private readonly int _connectionId;
    private readonly JourPaths _paths;
    private readonly Func<Exception?> _closedBy;
    private readonly Action _waitUntilDurable;
    private readonly PeerCredentials? _peer;
    private readonly PeerPolicy _policy;
    private readonly ConnectionRefusal? _refusal;
    private volatile bool _stopAfterReply;
    private volatile bool _closeAfterReply;
    private int _warnedMalformed;
    private int _overflowed;

    // Frames ready to write. Unbounded as a channel, bounded in bytes by Enqueue (ProtocolInfo.OutboxBytes).
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private long _outboxBytes;
    private readonly CancellationTokenSource _abort = new();

    public ServerConnection(
        Socket socket,
        JourUseCases useCases,
        ILogger log,
        ServerLifetime lifetime,
        int connectionId,
        JourPaths paths,
        Func<Exception?> closedBy,
        PeerCredentials? peer,
        PeerPolicy policy,
        ConnectionRefusal? refusal,
        Action waitUntilDurable)
    {
        _waitUntilDurable = waitUntilDurable;
        _lifetime = lifetime;
        _paths = paths;
        _closedBy = closedBy;
        _peer = peer;
        _policy = policy;
        _refusal = refusal;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _service = new InProcessJourService(useCases);
        _service.Changed += notice => Enqueue(new ServerMessage(0, true, null, null, null, notice));
        _log = log;
        _connectionId = connectionId;
    }

    private bool SignedIn => _service.Session is not null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        Task writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(linked.Token);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException && !SignedIn)
        {
            // Anyone the socket admits can send this: one line without a stack, then the connection is closed.
            // Once per connection, shared with a body that did not parse (MalformedBeforeSignIn).
            if (Interlocked.Exchange(ref _warnedMalformed, 1) == 0)
            {
                LogMalformedBeforeSignIn(_connectionId, ex.GetType().Name);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or InvalidDataException or JsonException)
        {
            LogConnectionEnded(_connectionId, ex.GetType().Name);
        }
        finally
        {
            // What is queued (a refusal of the greeting, the last reply) leaves first, unless the peer does not
            // take it within a moment; then the writer is cancelled.
            _outbox.Writer.TryComplete();
            try
            {
                await writer.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await linked.CancelAsync();
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer is gone; nothing left to tell it.
            }

            await linked.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer is gone; nothing left to tell it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _service.Dispose();
        _abort.Dispose();
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        bool greeted = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            ClientMessage? request = greeted
                ? await FrameStream.ReadAsync(_stream, WireJsonContext.Default.ClientMessage, SignedIn ? ProtocolInfo.RequestFrameBytes : ProtocolInfo.PreSignInFrameBytes, cancellationToken)
                : await ReadHelloAsync(cancellationToken);
            if (request is null)
            {
                return;
            }

            if (!greeted && request.Op != Ops.Hello)
            {
                Enqueue(Refuse(request.Id, ErrorCodes.ProtocolMismatch, "?", ProtocolInfo.Version.ToString(SwedishCulture.Instance)));
                return;
            }

            if (greeted && IsSideBySideRead(request.Op))
            {
                _ = AnswerAsideAsync(request, cancellationToken);
                continue;
            }

            bool stopping = request.Op == Ops.Shutdown && MayShutDown();
            if (stopping)
            {
                _lifetime.StopSoon();
            }

            // Sign-in, PIN checks and the first admin's set-up code wait out the delay a failure earned without holding a thread.
            long received = System.Diagnostics.Stopwatch.GetTimestamp();
            ServerMessage reply = request.Op is Ops.SignIn or Ops.ConfirmPin or Ops.SetUp ? await HandlePinAsync(request, cancellationToken) : Handle(request);
            LogAnswered(_connectionId, request.Id, request.Op, reply.Ok, System.Diagnostics.Stopwatch.GetElapsedTime(received).TotalMilliseconds);
            greeted |= request.Op == Ops.Hello && reply.Ok;
            if (!Enqueue(reply) || (request.Op == Ops.Hello && !reply.Ok))
            {
                return;
            }

            if (_closeAfterReply)
            {
                return; // the reply still leaves: RunAsync lets the writer finish first
            }

            if (stopping || _stopAfterReply)
            {
                await StopOnceTheReplyHasLeftAsync();
                if (_stopAfterReply)
                {
                    return; // the engine is closed: nothing more can be served on this connection
                }
            }
        }
    }

    // The first frame is small and comes at once; until then a connection costs the server next to nothing.
    private async Task<ClientMessage?> ReadHelloAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ProtocolInfo.HelloLimit);
        return await FrameStream.ReadAsync(_stream, WireJsonContext.Default.ClientMessage, ProtocolInfo.PreSignInFrameBytes, deadline.Token);
    }

    /// <summary>
    /// Queues a reply or pushed change; false (and the connection is dropped) when the session has left more
    /// than <see cref="ProtocolInfo.OutboxBytes"/> unread.
    /// </summary>
    private bool Enqueue(ServerMessage message)
    {
        byte[] frame = FrameStream.Encode(message, WireJsonContext.Default.ServerMessage);
        long waiting = Interlocked.Add(ref _outboxBytes, frame.Length);
        if (waiting > ProtocolInfo.OutboxBytes && waiting != frame.Length)
        {
            Interlocked.Add(ref _outboxBytes, -frame.Length);
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                LogSlowReader(_connectionId, waiting - frame.Length);
                _outbox.Writer.TryComplete();
                try
                {
                    _abort.Cancel();
                    _socket.Shutdown(SocketShutdown.Both);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                    // Already gone.
                }
            }

            return false;
        }

        return _outbox.Writer.TryWrite(frame);
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (byte[] frame in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            await _stream.WriteAsync(frame, cancellationToken);
            Interlocked.Add(ref _outboxBytes, -frame.Length);
        }
    }

    /// <summary>The server's own account (<c>jour server --stop</c>) or a signed-in admin.</summary>
    private bool MayShutDown() => _policy.IsServerAccount(_peer) || _service.IsSignedInAdmin;

    // A new session asks for the board, the registers and the rota at once. These reads change nothing,
    // so they are answered side by side (replies carry the request's id) rather than one after another:
    // on 2 cores that brings the first frame forward by the time of the slowest but one. Writes, and
    // anything after them, stay in order.
    private static bool IsSideBySideRead(string op) =>
        op is Ops.Status or Ops.OpenCases or Ops.Clients or Ops.Staff or Ops.Providers or Ops.OnCall or Ops.Officers;

    private async Task AnswerAsideAsync(ClientMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        long received = System.Diagnostics.Stopwatch.GetTimestamp();
        ServerMessage reply = Handle(request);
        LogAnswered(_connectionId, request.Id, request.Op, reply.Ok, System.Diagnostics.Stopwatch.GetElapsedTime(received).TotalMilliseconds);
        Enqueue(reply); // false: the session went away (or stopped reading) while the read ran

        if (_stopAfterReply)
        {
            // The read found the file failing (Handle set it): as after any request, the server stops, so
            // the next session opens the file again.
            await StopOnceTheReplyHasLeftAsync();
        }
    }

    private async Task StopOnceTheReplyHasLeftAsync()
    {
        await Task.Delay(50, CancellationToken.None);
        _lifetime.Stop();
    }

    private ServerMessage Handle(ClientMessage request)
    {
        try
        {
            ServerMessage reply = request.Op switch
            {
                Ops.Hello when _refusal is { } refusal => Refuse(request.Id, refusal.Code, [.. refusal.Args]),
                Ops.Hello => _lifetime.IsStopping
                    // This server is stopping (after a failure of its file, or told to): a session that reached
                    // it in that moment is told so at once and asks the next server (SocketJourService), rather
                    // than being taken in and then dropped when the server goes. (A failed file alone is not
                    // refused here: the session's first request gets the failure's own message.)
                    ? Refuse(request.Id, ErrorCodes.ServerUnavailable, "stopping", _paths.Logs)
                    : Greet(request),
                Ops.Shutdown => MayShutDown() ? Ok(request.Id, true, WireJsonContext.Default.Boolean) : Refuse(request.Id, ErrorCodes.ShutdownNotPermitted),
                Ops.InstallInfo => Ok(request.Id, Wait(_service.GetInstallInfoAsync()), WireJsonContext.Default.InstallInfo),
                Ops.SignIn => SignIn(request),
                Ops.IssueSetUpCode => IssueSetUpCode(request),
                Ops.Status => Ok(request.Id, Wait(_service.GetStatusAsync()), WireJsonContext.Default.StatusInfo),
                Ops.OpenCases => Ok(request.Id, Wait(_service.GetOpenCasesAsync()), WireJsonContext.Default.IReadOnlyListCaseSummary),
                Ops.CasesInState => Ok(request.Id, Wait(_service.GetCasesInStateAsync(Arg(request, WireJsonContext.Default.StateArgs).State)), WireJsonContext.Default.IReadOnlyListCaseSummary),
                Ops.GetCandidates => Ok(request.Id, Wait(_service.GetCandidatesAsync(Arg(request, WireJsonContext.Default.CandidateRequest))), WireJsonContext.Default.CandidateList),
                Ops.Assign => Ok(request.Id, Wait(_service.AssignAsync(Arg(request, WireJsonContext.Default.AssignRequest))), WireJsonContext.Default.CaseDetail),
                Ops.SetDeploymentState => Ok(request.Id, Wait(_service.SetDeploymentStateAsync(Arg(request, WireJsonContext.Default.DeploymentStateRequest))), WireJsonContext.Default.CaseDetail),
                Ops.SetBlocked => Ok(request.Id, Wait(_service.SetBlockedAsync(Arg(request, WireJsonContext.Default.BlockRequest))), WireJsonContext.Default.StaffSummary),
                Ops.ReportTime => Ok(request.Id, Wait(_service.ReportTimeAsync(Arg(request, WireJsonContext.Default.TimeReportRequest))), WireJsonContext.Default.CaseDetail),
                Ops.Sign => Ok(request.Id, Wait(_service.SignAsync(Arg(request, WireJsonContext.Default.SignRequest))), WireJsonContext.Default.CaseDetail),
                Ops.Case => Ok(request.Id, Wait(_service.GetCaseAsync(Arg(request, WireJsonContext.Default.IdArgs).Id)), WireJsonContext.Default.CaseDetail),
                Ops.Fire => Ok(request.Id, Wait(_service.FireAsync(Arg(request, WireJsonContext.Default.TransitionRequest))), WireJsonContext.Default.CaseDetail),
                Ops.AddNote => Ok(request.Id, Wait(_service.AddNoteAsync(Arg(request, WireJsonContext.Default.NoteRequest))), WireJsonContext.Default.TimelineEntry),
                Ops.Clients => Ok(request.Id, Wait(_service.GetClientsAsync()), WireJsonContext.Default.IReadOnlyListClientSummary),
                Ops.Staff => Ok(request.Id, Wait(_service.GetStaffAsync()), WireJsonContext.Default.IReadOnlyListStaffSummary),
                Ops.ResetDemo => Ok(request.Id, Wait(_service.ResetDemoAsync()), WireJsonContext.Default.Boolean),
                Ops.Backup => Ok(request.Id, Wait(_service.BackupAsync(Arg(request, WireJsonContext.Default.BackupRequest))), WireJsonContext.Default.BackupResult),
                Ops.Check => Ok(request.Id, Wait(_service.CheckAsync()), WireJsonContext.Default.CheckReport),
                Ops.CreateCase => Ok(request.Id, Wait(_service.CreateCaseAsync(Arg(request, WireJsonContext.Default.NewCaseRequest))), WireJsonContext.Default.CaseDetail),
                Ops.RecordVerification => Ok(request.Id, Wait(_service.RecordVerificationAsync(Arg(request, WireJsonContext.Default.VerificationRequest))), WireJsonContext.Default.CaseDetail),
                Ops.Client => Ok(request.Id, Wait(_service.GetClientAsync(Arg(request, WireJsonContext.Default.IdArgs).Id)), WireJsonContext.Default.ClientData),
                Ops.SaveClient => Ok(request.Id, Wait(_service.SaveClientAsync(Arg(request, WireJsonContext.Default.ClientData))), WireJsonContext.Default.ClientData),
                Ops.Providers => Ok(request.Id, Wait(_service.GetProvidersAsync()), WireJsonContext.Default.IReadOnlyListProviderData),
                Ops.SaveProvider => Ok(request.Id, Wait(_service.SaveProviderAsync(Arg(request, WireJsonContext.Default.ProviderData))), WireJsonContext.Default.ProviderData),
                Ops.GetDraft => Ok(request.Id, Wait(_service.GetDraftAsync(Arg(request, WireJsonContext.Default.FormArgs).Form)), WireJsonContext.Default.DraftData),
                Ops.SaveDraft => Ok(request.Id, Wait(_service.SaveDraftAsync(Arg(request, WireJsonContext.Default.DraftData))), WireJsonContext.Default.Boolean),
                Ops.DiscardDraft => Ok(request.Id, Wait(_service.DiscardDraftAsync(Arg(request, WireJsonContext.Default.FormArgs).Form)), WireJsonContext.Default.Boolean),
                Ops.ImportClients => Ok(request.Id, Wait(_service.ImportClientsAsync(Arg(request, WireJsonContext.Default.ImportRequest))), WireJsonContext.Default.ImportResult),
                Ops.ImportStaff => Ok(request.Id, Wait(_service.ImportStaffAsync(Arg(request, WireJsonContext.Default.ImportRequest))), WireJsonContext.Default.ImportResult),
                Ops.ImportProviders => Ok(request.Id, Wait(_service.ImportProvidersAsync(Arg(request, WireJsonContext.Default.ImportRequest))), WireJsonContext.Default.ImportResult),
                Ops.OnCall => OnCall(request),
                Ops.OnCallAt => Ok(request.Id, Wait(_service.GetOnCallAtAsync(Arg(request, WireJsonContext.Default.AtArgs).AtUtc)), WireJsonContext.Default.OnCallAt),
                Ops.TakeOver => Ok(request.Id, Wait(_service.TakeOverAsync()), WireJsonContext.Default.OnCallSlot),
                Ops.AddOverride => Ok(request.Id, Wait(_service.AddOverrideAsync(Arg(request, WireJsonContext.Default.OverrideRequest))), WireJsonContext.Default.OnCallSlot),
                Ops.Swap => Ok(request.Id, Wait(_service.SwapAsync(Arg(request, WireJsonContext.Default.SwapRequest))), WireJsonContext.Default.IReadOnlyListOnCallSlot),
                Ops.Rotation => Ok(request.Id, Wait(_service.GetRotationAsync()), WireJsonContext.Default.RotationData),
                Ops.SaveRotation => Ok(request.Id, Wait(_service.SaveRotationAsync(Arg(request, WireJsonContext.Default.RotationData))), WireJsonContext.Default.RotationData),
                Ops.Officers => Ok(request.Id, Wait(_service.GetOfficersAsync()), WireJsonContext.Default.IReadOnlyListOfficerSummary),
                Ops.OnCallHours => OnCallHours(request),
                Ops.Settings => Ok(request.Id, Wait(_service.GetSettingsAsync()), WireJsonContext.Default.SettingsData),
                Ops.SaveSettings => Ok(request.Id, Wait(_service.SaveSettingsAsync(Arg(request, WireJsonContext.Default.SettingsData))), WireJsonContext.Default.SettingsData),
                Ops.InvoiceBasis => Ok(request.Id, Wait(_service.GetInvoiceBasisAsync(Arg(request, WireJsonContext.Default.InvoiceRequest))), WireJsonContext.Default.InvoiceBasis),
                Ops.Statistics => Ok(request.Id, Wait(_service.GetStatisticsAsync(Arg(request, WireJsonContext.Default.StatisticsRequest))), WireJsonContext.Default.StatisticsReport),
                Ops.SignOut => Ok(request.Id, Wait(_service.SignOutAsync()), WireJsonContext.Default.Boolean),
                Ops.Users => Ok(request.Id, Wait(_service.GetUsersAsync()), WireJsonContext.Default.IReadOnlyListUserSummary),
                Ops.AddUser => Ok(request.Id, Wait(_service.AddUserAsync(Arg(request, WireJsonContext.Default.NewUserRequest))), WireJsonContext.Default.UserSummary),
                Ops.UpdateUser => Ok(request.Id, Wait(_service.UpdateUserAsync(Arg(request, WireJsonContext.Default.UserUpdate))), WireJsonContext.Default.UserSummary),
                Ops.ResetPin => Ok(request.Id, Wait(_service.ResetPinAsync(Arg(request, WireJsonContext.Default.PinReset))), WireJsonContext.Default.UserSummary),
                Ops.Journal => Ok(request.Id, Wait(_service.GetJournalAsync(Arg(request, WireJsonContext.Default.JournalRequest))), WireJsonContext.Default.JournalView),
                Ops.AddJournalEntry => Ok(request.Id, Wait(_service.AddJournalEntryAsync(Arg(request, WireJsonContext.Default.JournalEntryRequest))), WireJsonContext.Default.JournalEntryData),
                Ops.AccessLog => Ok(request.Id, Wait(_service.GetAccessLogAsync(Arg(request, WireJsonContext.Default.AccessLogQuery))), WireJsonContext.Default.IReadOnlyListAccessLogRow),
                Ops.Incidents => Ok(request.Id, Wait(_service.GetIncidentsAsync()), WireJsonContext.Default.IReadOnlyListIncidentData),
                Ops.SaveIncident => Ok(request.Id, Wait(_service.SaveIncidentAsync(Arg(request, WireJsonContext.Default.IncidentData))), WireJsonContext.Default.IncidentData),
                Ops.Complaints => Ok(request.Id, Wait(_service.GetComplaintsAsync()), WireJsonContext.Default.IReadOnlyListComplaintData),
                Ops.SaveComplaint => Ok(request.Id, Wait(_service.SaveComplaintAsync(Arg(request, WireJsonContext.Default.ComplaintData))), WireJsonContext.Default.ComplaintData),
                Ops.Handover => Ok(request.Id, Wait(_service.GetHandoverAsync(Arg(request, WireJsonContext.Default.HandoverRequest))), WireJsonContext.Default.HandoverView),
                Ops.MakeHandover => Ok(request.Id, Wait(_service.HandOverAsync(Arg(request, WireJsonContext.Default.HandoverNotesRequest))), WireJsonContext.Default.HandoverRecordData),
                Ops.AcknowledgeHandover => Ok(request.Id, Wait(_service.AcknowledgeHandoverAsync(Arg(request, WireJsonContext.Default.IdArgs).Id)), WireJsonContext.Default.HandoverRecordData),
                Ops.Handovers => Ok(request.Id, Wait(_service.GetHandoversAsync()), WireJsonContext.Default.IReadOnlyListHandoverRecordData),
                Ops.StaffMember => Ok(request.Id, Wait(_service.GetStaffMemberAsync(Arg(request, WireJsonContext.Default.IdArgs).Id)), WireJsonContext.Default.StaffData),
                Ops.SaveStaff => Ok(request.Id, Wait(_service.SaveStaffAsync(Arg(request, WireJsonContext.Default.StaffData))), WireJsonContext.Default.StaffData),
                Ops.PoolWeek => PoolWeek(request),
                Ops.DeployedHours => DeployedHours(request),
                _ => Refuse(request.Id, ErrorCodes.UnknownOperation, request.Op),
            };

            // "Saved" leaves only once it is true: every commit so far is on stable storage (the store's
            // CommitBarrier). A failure here fails this answer and, through Failed, stops the server.
            if (reply.Ok)
            {
                _waitUntilDurable();
            }

            return reply;
        }
        catch (JourException ex)
        {
            LogRefused(_connectionId, request.Op, ex.Code);
            return Refuse(request.Id, ex.Code, [.. ex.Args]);
        }
        catch (JsonException) when (!SignedIn)
        {
            return MalformedBeforeSignIn(request);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(request, ex);
        }
    }

    // A body that does not parse, from a session nobody has signed in to: logged once per connection as a
    // warning without a stack (anyone the socket admits could otherwise fill the log), and the connection closed.
    private ServerMessage MalformedBeforeSignIn(ClientMessage request)
    {
        if (Interlocked.Exchange(ref _warnedMalformed, 1) == 0)
        {
            LogMalformedBeforeSignIn(_connectionId, request.Op ?? "?");
        }

        _closeAfterReply = true;
        return Refuse(request.Id, ErrorCodes.BadRequest, request.Op ?? "?");
    }

    private ServerMessage Failed(ClientMessage request, Exception ex)
    {
        // Type and stack only: exception messages from the store can quote stored values.
        LogFailed(ex.GetType().FullName ?? "?", request.Op, ex.StackTrace ?? "");
        if (StorageFailure.Classify(ex, _closedBy(), _paths.DataDirectory) is { } storage)
        {
            // LiteDB has closed its engine: every later call would fail the same way. The server stops
            // after this reply; the next session starts one that opens the file again (replaying the log),
            // which works as soon as there is space again.
            LogStorageFailure(request.Op, storage.Code);
            _stopAfterReply = true;
            _lifetime.StopSoon();
            return Refuse(request.Id, storage.Code, [.. storage.Args]);
        }

        return Refuse(request.Id, ErrorCodes.Unexpected);
    }

    private static ServerMessage Greet(ClientMessage request)
    {
        Hello hello = Arg(request, WireJsonContext.Default.Hello);
        if (hello.Protocol != ProtocolInfo.Version)
        {
            return Refuse(request.Id, ErrorCodes.ProtocolMismatch, hello.Protocol.ToString(SwedishCulture.Instance), ProtocolInfo.Version.ToString(SwedishCulture.Instance));
        }

        return Ok(request.Id, new Hello(ProtocolInfo.Version, ProtocolInfo.BuildVersion), WireJsonContext.Default.Hello);
    }

    private ServerMessage SignIn(ClientMessage request)
    {
        SignInArgs args = Arg(request, WireJsonContext.Default.SignInArgs);
        return Ok(request.Id, Wait(_service.SignInAsync(args.UserId, args.Pin)), WireJsonContext.Default.SessionInfo);
    }

    private async Task<ServerMessage> HandlePinAsync(ClientMessage request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Op == Ops.SignIn)
            {
                SignInArgs args = Arg(request, WireJsonContext.Default.SignInArgs);
                return Ok(request.Id, await _service.SignInAsync(args.UserId, args.Pin, cancellationToken), WireJsonContext.Default.SessionInfo);
            }

            if (request.Op == Ops.SetUp)
            {
                SetUpArgs args = Arg(request, WireJsonContext.Default.SetUpArgs);
                SessionInfo admin = await _service.SetUpFirstAdminAsync(args.Name, args.Pin, args.Code, cancellationToken);

                // The new admin is "created" only once that is on stable storage.
                _waitUntilDurable();
                return Ok(request.Id, admin, WireJsonContext.Default.SessionInfo);
            }

            return Ok(request.Id, await _service.ConfirmPinAsync(Arg(request, WireJsonContext.Default.PinCheck), cancellationToken), WireJsonContext.Default.Boolean);
        }
        catch (JourException ex)
        {
            LogRefused(_connectionId, request.Op, ex.Code);
            return Refuse(request.Id, ex.Code, [.. ex.Args]);
        }
        catch (JsonException) when (!SignedIn)
        {
            return MalformedBeforeSignIn(request);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return Failed(request, ex);
        }
    }

    /// <summary>
    /// A new set-up code, to the server's own account only (the data directory's owner, checked by the kernel's
    /// peer credentials): the code travels over this socket to nobody else, and is never logged.
    /// </summary>
    private ServerMessage IssueSetUpCode(ClientMessage request)
    {
        if (!_policy.IsServerAccount(_peer))
        {
            LogSetUpCodeRefused(_connectionId, _peer?.Uid ?? -1);
            return Refuse(request.Id, ErrorCodes.SetUpCodeNotPermitted);
        }

        return Ok(request.Id, _service.IssueSetUpCode(), WireJsonContext.Default.String);
    }

    private ServerMessage OnCall(ClientMessage request)
    {
        RangeArgs args = Arg(request, WireJsonContext.Default.RangeArgs);
        return Ok(request.Id, Wait(_service.GetOnCallAsync(args.FromUtc, args.ToUtc)), WireJsonContext.Default.IReadOnlyListOnCallSlot);
    }

    private ServerMessage OnCallHours(ClientMessage request)
    {
        RangeArgs args = Arg(request, WireJsonContext.Default.RangeArgs);
        return Ok(request.Id, Wait(_service.GetOnCallHoursAsync(args.FromUtc, args.ToUtc)), WireJsonContext.Default.IReadOnlyListOfficerHours);
    }

    private ServerMessage PoolWeek(ClientMessage request)
    {
        RangeArgs args = Arg(request, WireJsonContext.Default.RangeArgs);
        return Ok(request.Id, Wait(_service.GetPoolWeekAsync(args.FromUtc, args.ToUtc)), WireJsonContext.Default.PoolWeek);
    }

    private ServerMessage DeployedHours(ClientMessage request)
    {
        RangeArgs args = Arg(request, WireJsonContext.Default.RangeArgs);
        return Ok(request.Id, Wait(_service.GetDeployedHoursAsync(args.FromUtc, args.ToUtc)), WireJsonContext.Default.IReadOnlyListAssistantHours);
    }

    // The in-process service completes synchronously; unwrapping keeps JourException as it is.
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static T Arg<T>(ClientMessage request, JsonTypeInfo<T> typeInfo) =>
        request.Body is { } body
            ? body.Deserialize(typeInfo) ?? throw new JourException(ErrorCodes.BadRequest, request.Op)
            : throw new JourException(ErrorCodes.BadRequest, request.Op);

    private static ServerMessage Ok<T>(int id, T value, JsonTypeInfo<T> typeInfo) =>
        new(id, true, JsonSerializer.SerializeToElement(value, typeInfo), null, null, null);

    private static ServerMessage Refuse(int id, string code, params string[] args) =>
        new(id, false, null, code, args, null);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId}: request {Id} {Op} answered (ok {Ok}) in {Milliseconds:0.0} ms")]
    private partial void LogAnswered(int connectionId, int id, string op, bool ok, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId}: a set-up code was asked for by uid {Uid}, not the server's account")]
    private partial void LogSetUpCodeRefused(int connectionId, int uid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {ConnectionId} ended: {Reason}")]
    private partial void LogConnectionEnded(int connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Op} refused with {Code}")]
    private partial void LogRefused(int connectionId, string op, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failure in {Op} ({Code}): the server stops so the next session reopens the file")]
    private partial void LogStorageFailure(string op, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId}: malformed input before sign-in ({What}); closed")]
    private partial void LogMalformedBeforeSignIn(int connectionId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} left {Bytes} bytes unread; disconnected")]
    private partial void LogSlowReader(int connectionId, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {Op} failed with {ExceptionType}\n{StackTrace}")]
    private partial void LogFailed(string exceptionType, string op, string stackTrace);
}
