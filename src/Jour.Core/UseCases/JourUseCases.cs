using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.Operations;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>
/// The use cases, each taking the acting user so every change can be audited. One instance
/// serves every session of a server; writes are serialised so that a revision check and its save
/// cannot interleave with another session's.
/// </summary>
public sealed partial class JourUseCases
{
    private readonly IJourStore _store;
    private readonly TimeProvider _time;
    private readonly WriteGate _gate;
    private readonly ILogger _log;

    public JourUseCases(IJourStore store, TimeProvider time, WriteGate gate, ILogger<JourUseCases> log)
    {
        _store = store;
        _time = time;
        _gate = gate;
        _log = log;
    }

    /// <summary>With a gate of its own (tests, tools): nobody else writes through this store.</summary>
    public JourUseCases(IJourStore store, TimeProvider time, ChangeHub hub, ILogger<JourUseCases> log)
        : this(store, time, new WriteGate(time, hub), log)
    {
    }

    public ChangeHub Hub => _gate.Hub;

    /// <summary>Whether the database holds demo data.</summary>
    public bool IsDemo => _store.IsDemo;

    /// <summary>A user's roles as stored now, or null when the user is gone or disabled.</summary>
    public Role? StoredRoles(long userId) =>
        _store.FindUser(userId) is { IsDisabled: false } user ? user.Roles : null;

    /// <summary>As <see cref="WriteGate.CheckpointWhenQuiet"/>, for this store.</summary>
    public bool CheckpointWhenQuiet(TimeSpan quiet, int maxPendingWrites = 2000) =>
        _gate.CheckpointWhenQuiet(quiet, _store.Checkpoint, maxPendingWrites);

    private void Published(ChangeNotice notice) => _gate.Published(notice);

    private void Wrote() => _gate.Wrote();

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    public InstallInfo GetInstallInfo()
    {
        var users = _store.LoadUsers().Where(u => !u.IsDisabled).OrderBy(u => u.Name, StringComparer.Create(SwedishCulture.Instance, false));
        var choices = users.Select(u => new UserChoice(u.Id, u.Name, u.PinHash.Length > 0)).ToList();
        return new InstallInfo(_store.IsDemo, choices.Count == 0, choices);
    }

    public SessionInfo SignIn(long userId, string pin)
    {
        // Throttled and locked after repeated failures; see JourUseCases.Security.cs.
        User user = Authenticate(userId, pin);
        LogSignedIn(user.Id);
        return new SessionInfo(user.Id, user.Name, user.Roles, _store.IsDemo);
    }

    public StatusInfo GetStatus()
    {
        OnCallAt onCall = GetOnCallAt(UtcNow);
        HandoverRecord? waiting = _store.LatestHandover() is { AcknowledgedUtc: null } h ? h : null;
        return new StatusInfo(
            _store.IsDemo,
            onCall.Current?.OfficerName,
            onCall.UntilUtc,
            onCall.Next?.OfficerName,
            onCall.Next?.StartUtc,
            _store.CountOpenCases(),
            onCall.GapFromUtc,
            waiting?.CreatedUtc,
            ContractExtensionDue(),
            _store.DiskIsLow,
            waiting?.IncomingId,
            waiting is null ? null : UserNames().GetValueOrDefault(waiting.OutgoingId),
            FollowUp.YearReport.DueFor(Today()),
            _store.CountIncidentsWithMeasuresDueBefore(IsoDate.Format(Today())));
    }

    public IReadOnlyList<CaseSummary> GetOpenCases()
    {
        DateTime now = UtcNow;
        var clients = _store.LoadClientNames();
        var providers = _store.LoadProviders().ToDictionary(p => p.Id, p => p.Name);
        return
        [
            .. _store.LoadOpenCaseRows()
                .OrderByDescending(c => c.Urgency)
                .ThenBy(c => c.ReceivedUtc)
                .Select(c => Summarise(c, now, clients, providers)),
        ];
    }

    /// <summary>Cases in one state, ended ones included, sorted as the board sorts.</summary>
    public IReadOnlyList<CaseSummary> GetCasesInState(CaseState state)
    {
        DateTime now = UtcNow;
        var clients = _store.LoadClientNames();
        var providers = _store.LoadProviders().ToDictionary(p => p.Id, p => p.Name);
        return
        [
            .. _store.LoadCases(state)
                .OrderByDescending(c => c.Urgency)
                .ThenBy(c => c.ReceivedUtc)
                .Select(c => Summarise(CaseRow.Of(c), now, clients, providers)),
        ];
    }

    public CaseDetail GetCase(long caseId)
    {
        Case c = _store.FindCase(caseId) ?? throw new JourException(ErrorCodes.CaseNotFound, caseId.ToString(SwedishCulture.Instance));
        return Detail(c);
    }

    /// <summary>The case with the number every screen shows (`2026-0004`).</summary>
    public CaseDetail GetCaseByNumber(string number)
    {
        Case c = _store.FindCaseByNumber(number.Trim()) ?? throw new JourException(ErrorCodes.CaseNotFound, number.Trim());
        return Detail(c);
    }

    public CaseDetail Fire(SessionInfo actor, TransitionRequest request)
    {
        InputLimits.Check(request);
        if (request.Trigger == CaseTrigger.HandBack && request.ClosingReason is null)
        {
            throw new JourException(ErrorCodes.ClosingReasonRequired);
        }

        CaseEvent? fired = null;
        CaseDetail detail = ChangeCase(request.CaseId, request.ExpectedRevision, c =>
        {
            fired = Move(c, request, UtcNow, actor.UserId);
            if (fired.From == CaseState.ShortTermPlacement)
            {
                ReleaseShortTermPlace(c, fired.AtUtc, actor.UserId);
            }

            return fired;
        });
        LogTransition(request.CaseId, fired!.From, fired.To, actor.UserId);
        return detail;
    }

    /// <summary>The officer's choice on the case screen (a trigger on the wire), made by the verb of its intention.</summary>
    private static CaseEvent Move(Case c, TransitionRequest r, DateTime now, long userId) => r.Trigger switch
    {
        CaseTrigger.StartAssessment => c.StartAssessment(now, userId, r.Reason),
        CaseTrigger.Accept => c.Accept(now, userId, r.Reason),
        CaseTrigger.Decline => c.Decline(now, userId, r.Reason),
        CaseTrigger.MarkCovered => c.MarkCovered(now, userId, r.Reason),
        CaseTrigger.GapAppeared => c.GapAppeared(now, userId, r.Reason),
        CaseTrigger.MoveToShortTermPlacement => c.PlaceInShortTermCare(now, userId, r.Reason),
        CaseTrigger.HandBack => c.HandBack(now, userId, r.ClosingReason ?? throw new JourException(ErrorCodes.ClosingReasonRequired), r.Reason),
        CaseTrigger.Close => c.Close(now, userId, r.Reason),
        CaseTrigger.Withdraw => c.Withdraw(now, userId, r.Reason),
        CaseTrigger.Reopen => c.Reopen(now, userId, r.Reason),
        _ => throw new JourException(ErrorCodes.TriggerNotPermitted, Messages.Nested("State_" + c.State)),
    };

    /// <summary>
    /// Applies <paramref name="change"/> to a case against the revision the user saw and saves it with
    /// its timeline entry in one transaction; a stale revision is refused naming who changed what.
    /// </summary>
    private CaseDetail ChangeCase(long caseId, int expectedRevision, Func<Case, CaseEvent> change)
    {
        CaseDetail detail;
        lock (_gate.Lock)
        {
            Case c = _store.FindCase(caseId)
                ?? throw new JourException(ErrorCodes.CaseNotFound, caseId.ToString(SwedishCulture.Instance));
            if (c.Revision != expectedRevision)
            {
                throw ChangedByOther(c);
            }

            var deployments = _store.LoadDeploymentsForCase(c.Id);
            Hydrate(c, deployments);
            CaseEvent entry = change(c);
            int seen = c.Revision;
            c.Revision++;
            if (!_store.TrySaveCase(c, seen, entry))
            {
                throw ChangedByOther(c);
            }

            detail = Detail(c, deployments);
        }

        Published(new ChangeNotice(ChangeKind.Case, caseId));
        return detail;
    }

    public TimelineEntry AddNote(SessionInfo actor, NoteRequest request)
    {
        InputLimits.Check(request);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        CaseEvent entry;
        lock (_gate.Lock)
        {
            Case c = _store.FindCase(request.CaseId)
                ?? throw new JourException(ErrorCodes.CaseNotFound, request.CaseId.ToString(SwedishCulture.Instance));
            entry = new CaseEvent { CaseId = c.Id, AtUtc = UtcNow, UserId = actor.UserId, Code = TimelineText.Note, Args = [request.Text.Trim()] };
            int seen = c.Revision;
            c.Revision++;
            c.UpdatedUtc = entry.AtUtc;
            c.UpdatedBy = actor.UserId;
            if (!_store.TrySaveCase(c, seen, entry))
            {
                throw ChangedByOther(c);
            }
        }

        Published(new ChangeNotice(ChangeKind.Case, request.CaseId));
        return Entry(entry, actor.UserName);
    }

    public IReadOnlyList<ClientSummary> GetClients()
    {
        var providers = _store.LoadProviders().ToDictionary(p => p.Id, p => p.Name);
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return
        [
            .. _store.LoadClients()
                .OrderBy(c => c.Name, compare)
                .Select(c => new ClientSummary(
                    c.Id,
                    c.Name,
                    MaskNumber(c.PersonalIdentityNumber),
                    c.Sex,
                    c.IsSelfEmployer ? Messages.Get("SelfEmployer") : c.ProviderId is { } p ? providers.GetValueOrDefault(p, "") : "")),
        ];
    }

    public IReadOnlyList<StaffSummary> GetStaff()
    {
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        int months = PoolRules().RegisterCheckValidityMonths;
        return [.. _store.LoadStaff().OrderBy(s => s.Name, compare).Select(s => Summary(s, months))];
    }

    private static StaffSummary Summary(StandbyAssistant a, int registerCheckMonths) => new(
        a.Id,
        a.Name,
        a.Phone,
        [.. a.Competences],
        a.IsBlocked,
        RegisterChecks.Latest(a.RegisterChecks) is { } latest ? RegisterChecks.ValidUntil(IsoDate.Parse(latest.ShownOn)!.Value, registerCheckMonths) : null);

    public bool ResetDemo(SessionInfo actor)
    {
        lock (_gate.Lock)
        {
            DemoData.Seed(_store, _time);
        }

        LogDemoReset(actor.UserId);
        Published(new ChangeNotice(ChangeKind.Everything, 0));
        return true;
    }

    /// <summary>"YYYYMMDD-****"; a stored number that does not parse is hidden entirely.</summary>
    public static string MaskNumber(string stored) =>
        stored.Length == 12 && stored.All(char.IsAsciiDigit) ? string.Concat(stored.AsSpan(0, 8), "-****") : "********-****";

    /// <summary>A refusal that names who changed the case, when, and what they did (the latest timeline entry).</summary>
    private JourException ChangedByOther(Case current)
    {
        Case stored = _store.FindCase(current.Id) ?? current;
        string who = UserNames().GetValueOrDefault(stored.UpdatedBy, "?");
        string when = SwedishTime.FormatClock(stored.UpdatedUtc);
        CaseEvent? last = _store.LoadTimeline(stored.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).LastOrDefault();
        string what = last switch
        {
            { From: { } from, To: { } to } => Messages.Nested("Change_Transition", Messages.Nested("State_" + from), Messages.Nested("State_" + to)),
            { Code: { } code } when last.Render().Length > 0 => Messages.NestedTimelineEntry(code, last.Args, 60),
            not null when last.Render() is { Length: > 0 } said => said.Length > 60 ? said[..60] + "…" : said,
            _ => Messages.Nested("Change_Note"),
        };
        return new JourException(ErrorCodes.CaseChangedByOther, who, when, what);
    }

    /// <summary>A timeline entry as the reader gets it: the code and arguments, rendered on the reader's side in the reader's language.</summary>
    private static TimelineEntry Entry(CaseEvent e, string userName) =>
        new(e.Id, e.AtUtc, userName, e.From, e.To, e.Trigger, e.Code, [.. e.Args], e.Text);

    private Dictionary<long, string> UserNames() => _store.LoadUsers().ToDictionary(u => u.Id, u => u.Name);

    /// <summary>The case screen's view; <paramref name="deployments"/> when the caller has just loaded them.</summary>
    private CaseDetail Detail(Case c, IReadOnlyList<Deployment>? deployments = null)
    {
        deployments ??= _store.LoadDeploymentsForCase(c.Id);
        Hydrate(c, deployments);
        DateTime now = UtcNow;
        var clients = new Dictionary<long, string>();
        if (_store.FindClient(c.ClientId) is { } client)
        {
            clients[client.Id] = client.Name;
        }

        var providers = _store.LoadProviders().ToDictionary(p => p.Id, p => p.Name);
        var names = UserNames();
        var timeline = _store.LoadTimeline(c.Id)
            .OrderBy(e => e.AtUtc)
            .ThenBy(e => e.Id)
            .Select(e => Entry(e, names.GetValueOrDefault(e.UserId, "?")))
            .ToList();
        return new CaseDetail(
            Summarise(CaseRow.Of(c), now, clients, providers),
            c.Reason,
            c.CallerName,
            c.CallerPhone,
            c.Description,
            c.IsVerified,
            c.OfferedTriggers(now),
            timeline,
            c.ClientId,
            c.ProviderAlternativesExhausted,
            [.. c.Verification.OrderBy(v => v.AtUtc).Select(v => new VerificationData(v.Step, v.AtUtc, v.Outcome))],
            [.. c.Needs.OrderBy(w => w.FromUtc).Select(w => new NeedWindowData(w.FromUtc, w.ToUtc, w.Assistants, [.. w.Competences], w.Confirmed))],
            [.. c.BlockedTriggers(now).Select(b => new BlockedTrigger(b.Trigger, string.Join(", ", b.Missing.Select(code => Messages.Format(code + "_Short", [c.UnsignedTimeReports.ToString(SwedishCulture.Instance)])))))],
            DeploymentsOf(deployments));
    }

    private static CaseSummary Summarise(CaseRow c, DateTime now, IReadOnlyDictionary<long, string> clients, IReadOnlyDictionary<long, string> providers)
    {
        CaseRow.Window? gap = c.NextUncoveredWindow(now);
        string provider = c.ProviderId is { } p ? providers.GetValueOrDefault(p, "") : Messages.Get("SelfEmployer");
        return new CaseSummary(
            c.Id,
            c.Number,
            c.State,
            c.Urgency,
            clients.GetValueOrDefault(c.ClientId, "?"),
            provider,
            c.ReceivedUtc,
            gap?.FromUtc,
            gap?.ToUtc,
            c.Revision,
            c.SmsYesUtc);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data recreated by user {UserId}")]
    private partial void LogDemoReset(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private partial void LogSignedIn(long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for user id {UserId}")]
    private partial void LogSignInFailed(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} {From} -> {To} by user {UserId}")]
    private partial void LogTransition(long caseId, CaseState? from, CaseState? to, long userId);
}
