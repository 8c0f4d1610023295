using Jour.Core.Cases;
using Jour.Core.Common;

namespace Jour.Core.Sessions;

/// <summary>
/// A session that calls the use cases directly: used by the server for each connection and by
/// tests. Holds who is signed in, so callers never pass an actor.
/// </summary>
public sealed class InProcessJourService : IJourService
{
    private readonly JourUseCases _useCases;
    private SessionInfo? _session;

    public InProcessJourService(JourUseCases useCases)
    {
        _useCases = useCases;
        _useCases.Hub.Changed += OnChanged;
    }

    public event Action<ChangeNotice>? Changed;

    public SessionInfo? Session => _session;

    /// <summary>True when an admin is signed in, by the stored roles (a removed admin loses it at once).</summary>
    public bool IsSignedInAdmin => _session is { } session && _useCases.IsActiveAdmin(session.UserId);

    public Task<InstallInfo> GetInstallInfoAsync(CancellationToken cancellationToken = default) =>
        Run(_useCases.GetInstallInfo);

    /// <summary>
    /// Signs in; a refusal is answered only after the delay the failure earned (1, 2, 4, 8 s), on the
    /// use cases' clock, so guessing is slow whatever the client does.
    /// </summary>
    public async Task<SessionInfo> SignInAsync(long userId, string pin, CancellationToken cancellationToken = default)
    {
        // The use case waits for the user's turn and, after a failure, the delay it earned.
        return _session = await _useCases.SignInAsync(userId, pin, cancellationToken);
    }

    /// <summary>A wrong code is answered after the delay it earned, as a wrong PIN is.</summary>
    public async Task<SessionInfo> SetUpFirstAdminAsync(string name, string pin, string code, CancellationToken cancellationToken = default) =>
        _session = await _useCases.SetUpFirstAdminAsync(name, pin, code, cancellationToken);

    /// <summary>A new set-up code (<see cref="JourUseCases.IssueSetUpCode"/>); the server offers it to its own account only.</summary>
    public string IssueSetUpCode() => _useCases.IssueSetUpCode();

    /// <summary>Set by whoever issued the code in this process (tests, as the server's creator would).</summary>
    public string? SetUpCode { get; set; }

    public Task<StatusInfo> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Run(_useCases.GetStatus);

    public Task<IReadOnlyList<CaseSummary>> GetOpenCasesAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetOpenCases() : []);

    public Task<IReadOnlyList<CaseSummary>> GetCasesInStateAsync(CaseState state, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetCasesInState(state) : []);

    public Task<CaseDetail> GetCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetCase(caseId) : null!);

    public Task<CaseDetail> FireAsync(TransitionRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Fire(Actor(), request));

    public Task<TimelineEntry> AddNoteAsync(NoteRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.AddNote(Actor(), request));

    public Task<IReadOnlyList<ClientSummary>> GetClientsAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetClients() : []);

    public Task<IReadOnlyList<StaffSummary>> GetStaffAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetStaff() : []);

    public Task<IReadOnlyList<OnCallSlot>> GetOnCallAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetOnCall(fromUtc, toUtc) : []);

    public Task<OnCallAt> GetOnCallAtAsync(DateTime atUtc, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetOnCallAt(atUtc) : null!);

    public Task<OnCallSlot> TakeOverAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.TakeOver(Actor()));

    public Task<OnCallSlot> AddOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.AddOverride(Actor(), request));

    public Task<IReadOnlyList<OnCallSlot>> SwapAsync(SwapRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Swap(Actor(), request));

    public Task<RotationData?> GetRotationAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetRotation() : null);

    public Task<RotationData> SaveRotationAsync(RotationData rotation, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveRotation(Actor(), rotation));

    public Task<IReadOnlyList<OfficerSummary>> GetOfficersAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetOfficers() : []);

    public Task<IReadOnlyList<OfficerHours>> GetOnCallHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetOnCallHours(fromUtc, toUtc) : []);

    public Task<CaseDetail> CreateCaseAsync(NewCaseRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.CreateCase(Actor(), request));

    public Task<CaseDetail> RecordVerificationAsync(VerificationRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.RecordVerification(Actor(), request));

    public Task<ClientData> GetClientAsync(long clientId, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetClient(Actor(), clientId));

    public Task<ClientData> SaveClientAsync(ClientData client, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveClient(Actor(), client));

    public Task<IReadOnlyList<ProviderData>> GetProvidersAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetProviders() : []);

    public Task<ProviderData> SaveProviderAsync(ProviderData provider, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveProvider(Actor(), provider));

    public Task<DraftData?> GetDraftAsync(string form, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetDraft(Actor(), form));

    public Task<bool> SaveDraftAsync(DraftData draft, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            _useCases.SaveDraft(Actor(), draft);
            return true;
        });

    public Task<bool> DiscardDraftAsync(string form, CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            _useCases.DiscardDraft(Actor(), form);
            return true;
        });

    public Task<CandidateList> GetCandidatesAsync(CandidateRequest request, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetCandidates(request) : null!);

    public Task<CaseDetail> AssignAsync(AssignRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Assign(Actor(), request));

    public Task<CaseDetail> SetDeploymentStateAsync(DeploymentStateRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SetDeploymentState(Actor(), request));

    public Task<StaffSummary> SetBlockedAsync(BlockRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SetBlocked(Actor(), request));

    public Task<CaseDetail> ReportTimeAsync(TimeReportRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ReportTime(Actor(), request));

    public Task<CaseDetail> SignAsync(SignRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Sign(Actor(), request));

    public Task<BackupResult> BackupAsync(BackupRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Backup(Actor(), request));

    public Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.Check(Actor()));

    public Task<bool> ResetDemoAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ResetDemo(Actor()));

    public Task<ImportResult> ImportClientsAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ImportClients(Actor(), request));

    public Task<ImportResult> ImportProvidersAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ImportProviders(Actor(), request));

    public Task<ImportResult> ImportStaffAsync(ImportRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ImportStaff(Actor(), request));

    public Task<SettingsData> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetSettings() : null!);

    public Task<SettingsData> SaveSettingsAsync(SettingsData settings, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveSettings(Actor(), settings));

    public Task<InvoiceBasis> GetInvoiceBasisAsync(InvoiceRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetInvoiceBasis(Actor(), request));

    public Task<StatisticsReport> GetStatisticsAsync(StatisticsRequest request, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetStatistics(request) : null!);
    public Task<bool> SignOutAsync(CancellationToken cancellationToken = default) =>
        Run(() =>
        {
            if (_session is { } session)
            {
                _useCases.SignOut(session);
            }

            _session = null;
            return true;
        });

    public async Task<bool> ConfirmPinAsync(PinCheck check, CancellationToken cancellationToken = default)
    {
        return await _useCases.ConfirmPinAsync(_session, check, cancellationToken);
    }

    public Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetUsers(Actor()));

    public Task<UserSummary> AddUserAsync(NewUserRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.AddUser(Actor(), request));

    public Task<UserSummary> UpdateUserAsync(UserUpdate update, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.UpdateUser(Actor(), update));

    public Task<UserSummary> ResetPinAsync(PinReset reset, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.ResetPin(Actor(), reset));

    public Task<JournalView> GetJournalAsync(JournalRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetJournal(Actor(), request));

    public Task<JournalEntryData> AddJournalEntryAsync(JournalEntryRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.AddJournalEntry(Actor(), request));

    public Task<IReadOnlyList<AccessLogRow>> GetAccessLogAsync(AccessLogQuery query, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetAccessLog(Actor(), query));

    public Task<IReadOnlyList<IncidentData>> GetIncidentsAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetIncidents(Actor()));

    public Task<IncidentData> SaveIncidentAsync(IncidentData incident, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveIncident(Actor(), incident));

    public Task<IReadOnlyList<ComplaintData>> GetComplaintsAsync(CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetComplaints(Actor()));

    public Task<ComplaintData> SaveComplaintAsync(ComplaintData complaint, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveComplaint(Actor(), complaint));
    public Task<HandoverView> GetHandoverAsync(HandoverRequest request, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetHandover(request) : null!);

    public Task<HandoverRecordData> HandOverAsync(HandoverNotesRequest request, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.HandOver(Actor(), request));

    public Task<HandoverRecordData> AcknowledgeHandoverAsync(long handoverId, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.AcknowledgeHandover(Actor(), handoverId));

    public Task<IReadOnlyList<HandoverRecordData>> GetHandoversAsync(CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetHandovers() : []);
    public Task<StaffData> GetStaffMemberAsync(long assistantId, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.GetStaffMember(Actor(), assistantId));

    public Task<StaffData> SaveStaffAsync(StaffData assistant, CancellationToken cancellationToken = default) =>
        Run(() => _useCases.SaveStaff(Actor(), assistant));

    public Task<PoolWeek> GetPoolWeekAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetPoolWeek(fromUtc, toUtc) : null!);

    public Task<IReadOnlyList<AssistantHours>> GetDeployedHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Run(() => Actor() is not null ? _useCases.GetDeployedHours(fromUtc, toUtc) : []);

    public void Dispose() => _useCases.Hub.Changed -= OnChanged;

    private SessionInfo Actor() => _session ?? throw new JourException(ErrorCodes.NotSignedIn);

    private void OnChanged(ChangeNotice notice) => Changed?.Invoke(notice);

    private static Task<T> Run<T>(Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (JourException ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
