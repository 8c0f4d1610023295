using Jour.Core.Cases;

namespace Jour.Core.Sessions;

/// <summary>
/// The use cases a screen or a command may call, on behalf of the session's signed-in user.
/// Implemented in-process (tests, the server itself) and over the socket (sessions); callers
/// cannot tell which. Refusals arrive as <see cref="Common.JourException"/>.
/// </summary>
public interface IJourService : IDisposable
{
    /// <summary>Raised, on any thread, when another session (or this one) changed data.</summary>
    event Action<ChangeNotice>? Changed;

    Task<InstallInfo> GetInstallInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Signs in; demo users without a PIN may pass an empty one.</summary>
    Task<SessionInfo> SignInAsync(long userId, string pin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the first admin on a fresh non-demo install and signs them in, with the one-time set-up code
    /// shown where the database was created (or issued since by the data directory's owner).
    /// </summary>
    Task<SessionInfo> SetUpFirstAdminAsync(string name, string pin, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// The set-up code this session was handed by the server it started, which created the database; null
    /// when it started none, or the database needs none. Shown on the first-admin screen, never stored.
    /// </summary>
    string? SetUpCode { get; }

    Task<StatusInfo> GetStatusAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseSummary>> GetOpenCasesAsync(CancellationToken cancellationToken = default);

    /// <summary>Cases in one state, ended states included (for `jour cases --state`).</summary>
    Task<IReadOnlyList<CaseSummary>> GetCasesInStateAsync(CaseState state, CancellationToken cancellationToken = default);

    Task<CaseDetail> GetCaseAsync(long caseId, CancellationToken cancellationToken = default);

    Task<CaseDetail> FireAsync(TransitionRequest request, CancellationToken cancellationToken = default);

    Task<TimelineEntry> AddNoteAsync(NoteRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ClientSummary>> GetClientsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StaffSummary>> GetStaffAsync(CancellationToken cancellationToken = default);

    /// <summary>A consistent, encrypted copy of the database with its SHA-256 while sessions keep working (admins and coordinators).</summary>
    Task<BackupResult> BackupAsync(BackupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads and checks the whole open database: counts, indexes, references, schema version.</summary>
    Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Recreates the demo data; refused on a database that is not a demo.</summary>
    Task<bool> ResetDemoAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a case from the intake form; the form's draft is discarded.</summary>
    Task<CaseDetail> CreateCaseAsync(NewCaseRequest request, CancellationToken cancellationToken = default);

    Task<CaseDetail> RecordVerificationAsync(VerificationRequest request, CancellationToken cancellationToken = default);

    Task<ClientData> GetClientAsync(long clientId, CancellationToken cancellationToken = default);

    Task<ClientData> SaveClientAsync(ClientData client, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProviderData>> GetProvidersAsync(CancellationToken cancellationToken = default);

    Task<ProviderData> SaveProviderAsync(ProviderData provider, CancellationToken cancellationToken = default);

    /// <summary>The signed-in user's draft of a form, or null.</summary>
    Task<DraftData?> GetDraftAsync(string form, CancellationToken cancellationToken = default);

    Task<bool> SaveDraftAsync(DraftData draft, CancellationToken cancellationToken = default);

    Task<bool> DiscardDraftAsync(string form, CancellationToken cancellationToken = default);

    // Deployment: candidates, sending, blocking, time reports.
    Task<CandidateList> GetCandidatesAsync(CandidateRequest request, CancellationToken cancellationToken = default);

    Task<CaseDetail> AssignAsync(AssignRequest request, CancellationToken cancellationToken = default);

    Task<CaseDetail> SetDeploymentStateAsync(DeploymentStateRequest request, CancellationToken cancellationToken = default);

    Task<StaffSummary> SetBlockedAsync(BlockRequest request, CancellationToken cancellationToken = default);

    Task<CaseDetail> ReportTimeAsync(TimeReportRequest request, CancellationToken cancellationToken = default);

    Task<CaseDetail> SignAsync(SignRequest request, CancellationToken cancellationToken = default);

    /// <summary>The effective on-call intervals (rotation with overrides laid over it) overlapping [fromUtc, toUtc).</summary>
    Task<IReadOnlyList<OnCallSlot>> GetOnCallAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>Who is on call at an instant, until when, who is next, and the first gap within 14 days.</summary>
    Task<OnCallAt> GetOnCallAtAsync(DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>The signed-in officer takes the current shift from the one on call, from now to its end.</summary>
    Task<OnCallSlot> TakeOverAsync(CancellationToken cancellationToken = default);

    /// <summary>An officer covers an interval; a start in the past is moved to now, an interval already over is refused.</summary>
    Task<OnCallSlot> AddOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default);

    /// <summary>The officers on call at two instants swap those shifts (two overrides).</summary>
    Task<IReadOnlyList<OnCallSlot>> SwapAsync(SwapRequest request, CancellationToken cancellationToken = default);

    /// <summary>The version of the rotation ruling now, or null when there is none.</summary>
    Task<RotationData?> GetRotationAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new version of the rotation ruling from now (or later); the past keeps the old one.</summary>
    Task<RotationData> SaveRotationAsync(RotationData rotation, CancellationToken cancellationToken = default);

    /// <summary>Everyone who can be on call.</summary>
    Task<IReadOnlyList<OfficerSummary>> GetOfficersAsync(CancellationToken cancellationToken = default);

    /// <summary>On-call hours per officer in [fromUtc, toUtc).</summary>
    Task<IReadOnlyList<OfficerHours>> GetOnCallHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a client file against the register and, unless it is a dry run, adds every row in one
    /// transaction; with any issue nothing is added. Refused unless the user is an admin or a coordinator.
    /// </summary>
    Task<ImportResult> ImportClientsAsync(ImportRequest request, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ImportClientsAsync"/>, for a provider file.</summary>
    Task<ImportResult> ImportProvidersAsync(ImportRequest request, CancellationToken cancellationToken = default);

    Task<ImportResult> ImportStaffAsync(ImportRequest request, CancellationToken cancellationToken = default);

    // Follow-up: settings, the invoicing basis, statistics.

    /// <summary>The contract and invoicing settings (defaults when never saved).</summary>
    Task<SettingsData> GetSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the settings; refused unless the user is finance or an administrator.</summary>
    Task<SettingsData> SaveSettingsAsync(SettingsData settings, CancellationToken cancellationToken = default);

    /// <summary>One month's invoicing basis with full personnummer; refused unless the user is finance or an administrator.</summary>
    Task<InvoiceBasis> GetInvoiceBasisAsync(InvoiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The follow-up statistics for a period of whole Stockholm days.</summary>
    Task<StatisticsReport> GetStatisticsAsync(StatisticsRequest request, CancellationToken cancellationToken = default);
    // Users and sign-in (issue 7).

    /// <summary>Ends the session's sign-in (switching user); the connection stays for the next one.</summary>
    Task<bool> SignOutAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks a PIN typed at the lock screen or to leave kiosk mode; refused like a failed sign-in.</summary>
    Task<bool> ConfirmPinAsync(PinCheck check, CancellationToken cancellationToken = default);

    /// <summary>Every user, disabled ones last; admins only.</summary>
    Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken = default);

    Task<UserSummary> AddUserAsync(NewUserRequest request, CancellationToken cancellationToken = default);

    Task<UserSummary> UpdateUserAsync(UserUpdate update, CancellationToken cancellationToken = default);

    /// <summary>A new PIN for a user; also lifts a sign-in lock.</summary>
    Task<UserSummary> ResetPinAsync(PinReset reset, CancellationToken cancellationToken = default);
    // Journals, the access log, incidents and complaints.

    /// <summary>One series of a client's journal; logged. Without a case (and not MAS/MAR) it needs a reason.</summary>
    Task<JournalView> GetJournalAsync(JournalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Appends a journal entry or a correction; nothing is ever changed or deleted.</summary>
    Task<JournalEntryData> AddJournalEntryAsync(JournalEntryRequest request, CancellationToken cancellationToken = default);

    /// <summary>The access log (MAS/MAR and admins), emergency accesses first.</summary>
    Task<IReadOnlyList<AccessLogRow>> GetAccessLogAsync(AccessLogQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IncidentData>> GetIncidentsAsync(CancellationToken cancellationToken = default);

    Task<IncidentData> SaveIncidentAsync(IncidentData incident, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ComplaintData>> GetComplaintsAsync(CancellationToken cancellationToken = default);

    Task<ComplaintData> SaveComplaintAsync(ComplaintData complaint, CancellationToken cancellationToken = default);

    /// <summary>The handover summary (or the 72-hour continuity printout) composed at an instant, as text.</summary>
    Task<HandoverView> GetHandoverAsync(HandoverRequest request, CancellationToken cancellationToken = default);

    /// <summary>The signed-in officer hands over now with notes; stored for the incoming officer to acknowledge.</summary>
    Task<HandoverRecordData> HandOverAsync(HandoverNotesRequest request, CancellationToken cancellationToken = default);

    /// <summary>The signed-in (incoming) officer acknowledges a handover; refused for the one who made it.</summary>
    Task<HandoverRecordData> AcknowledgeHandoverAsync(long handoverId, CancellationToken cancellationToken = default);

    /// <summary>Past handovers, newest first.</summary>
    Task<IReadOnlyList<HandoverRecordData>> GetHandoversAsync(CancellationToken cancellationToken = default);

    /// <summary>One assistant in full, for the edit form.</summary>
    Task<StaffData> GetStaffMemberAsync(long assistantId, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates an assistant; refused when someone else saved it since it was read.</summary>
    Task<StaffData> SaveStaffAsync(StaffData assistant, CancellationToken cancellationToken = default);

    /// <summary>The standby pool over a period (a week): deployments and declared (un)availability per assistant.</summary>
    Task<PoolWeek> GetPoolWeekAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>Booked and reported hours per assistant in [fromUtc, toUtc).</summary>
    Task<IReadOnlyList<AssistantHours>> GetDeployedHoursAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);
}
