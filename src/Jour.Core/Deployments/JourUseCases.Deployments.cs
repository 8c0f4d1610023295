using System.Globalization;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Deployment: who can go, sending them, blocking, and the time actually worked.
public sealed partial class JourUseCases
{
    /// <summary>How far around a window deployments matter to the rest rules and the weekly limit.</summary>
    private static readonly TimeSpan RuleHorizon = TimeSpan.FromDays(8);

    /// <summary>The longest period a calendar export covers (two years and a little).</summary>
    public static readonly TimeSpan MaxCalendarPeriod = TimeSpan.FromDays(745);

    /// <summary>
    /// An assistant's deployments that count (confirmed, on site or worked, and not to be replaced) overlapping
    /// [fromUtc, toUtc), in time order, with the case's number and area only: this goes into a calendar.
    /// </summary>
    public IReadOnlyList<AssistantDeployment> GetAssistantDeployments(GetAssistantDeployments request)
    {
        DateTime from = Utc(request.FromUtc), to = Utc(request.ToUtc);
        if (to <= from || to - from > MaxCalendarPeriod)
        {
            throw new JourException(ErrorCodes.PeriodInvalid);
        }

        if (_store.FindStaff(request.AssistantId) is null)
        {
            throw new JourException(ErrorCodes.AssistantNotFound, request.AssistantId.ToString(CultureInfo.InvariantCulture));
        }

        var areas = new Dictionary<long, (string Number, string Area)>();
        (string Number, string Area) CaseOf(long caseId)
        {
            if (!areas.TryGetValue(caseId, out var found))
            {
                Case? c = _store.FindCase(caseId);
                string address = c is null ? "" : _store.FindClient(c.ClientId)?.Address ?? "";
                found = (c?.Number ?? "?", SmsText.Area(address));
                areas[caseId] = found;
            }

            return found;
        }

        return
        [
            .. _store.LoadDeployments(from, to)
                .Where(d => d.AssistantId == request.AssistantId && d.Covers && d.Overlaps(from, to))
                .OrderBy(d => d.FromUtc)
                .ThenBy(d => d.Id)
                .Select(d =>
                {
                    var (number, area) = CaseOf(d.CaseId);
                    return new AssistantDeployment(d.Id, number, area, d.FromUtc, d.ToUtc, d.State);
                }),
        ];
    }

    public CandidateList GetCandidates(CandidateRequest request)
    {
        Case c = FindCaseOrThrow(request.CaseId);
        NeedWindow window = WindowAt(c, request.WindowIndex);
        var client = _store.FindClient(c.ClientId);
        var deployments = _store.LoadDeployments(window.FromUtc - RuleHorizon, window.ToUtc + RuleHorizon);
        var ranked = Eligibility.Rank(window.FromUtc, window.ToUtc, c.ClientId, window.Competences, client?.DelegatedTasks ?? [], _store.LoadStaff(), deployments, RegisterCheckDemandFor(client, window.FromUtc));
        return new CandidateList(
            c.Id,
            request.WindowIndex,
            ToData(window),
            c.Revision,
            [.. ranked.Select(r => new CandidateData(r.Assistant.Id, r.Assistant.Name, r.Assistant.Phone, r.IsEligible, r.NeedsOverride, r.KnowsClient, Math.Round(r.HoursThisWeek, 1), [.. r.Reasons.Select(reason => Describe(reason, r))]))]);
    }

    /// <summary>
    /// Sends an assistant to a window. A double booking, a block, an exclusion or a missing
    /// competence or delegation is refused; a broken rest rule or hour limit needs a reason, logged.
    /// </summary>
    public CaseDetail Assign(SessionInfo actor, AssignRequest request)
    {
        InputLimits.Check(request);
        CaseDetail detail;
        lock (_gate.Lock)
        {
            Case c = FindCaseOrThrow(request.CaseId);
            NeedWindow window = WindowAt(c, request.WindowIndex);
            StandbyAssistant assistant = _store.FindStaff(request.AssistantId)
                ?? throw new JourException(ErrorCodes.AssistantNotFound, request.AssistantId.ToString(CultureInfo.InvariantCulture));
            var client = _store.FindClient(c.ClientId);
            var own = _store.LoadDeployments(window.FromUtc - RuleHorizon, window.ToUtc + RuleHorizon).Where(d => d.AssistantId == assistant.Id && d.IsActive).ToList();
            Candidate assessed = Eligibility.Assess(assistant, window.FromUtc, window.ToUtc, c.ClientId, window.Competences, client?.DelegatedTasks ?? [], own, RegisterCheckDemandFor(client, window.FromUtc));
            if (assessed.Reasons.Contains(Ineligibility.Busy))
            {
                throw new JourException(ErrorCodes.DoubleBooking, assistant.Name);
            }

            var hard = assessed.Reasons.Where(r => !Candidate.IsOverridable(r)).ToList();
            if (hard.Count > 0)
            {
                throw new JourException(ErrorCodes.NotEligible, string.Join(", ", hard.Select(r => Describe(r, assessed))));
            }

            if (assessed.NeedsOverride && string.IsNullOrWhiteSpace(request.OverrideReason))
            {
                throw new JourException(ErrorCodes.OverrideReasonRequired, string.Join(", ", assessed.Reasons.Select(r => Describe(r, assessed))));
            }

            DateTime now = UtcNow;

            // A new deployment starts proposed and reaches the asked state through its machine.
            var deployment = new Deployment
            {
                CaseId = c.Id,
                AssistantId = assistant.Id,
                FromUtc = window.FromUtc,
                ToUtc = window.ToUtc,
                RestOverrideReason = assessed.NeedsOverride ? request.OverrideReason.Trim() : "",
                CreatedBy = actor.UserId,
                CreatedUtc = now,
            };
            if (request.State != DeploymentState.Proposed)
            {
                deployment.MoveTo(request.State, now);
            }

            Said? overstaffed = Overstaffing(deployment, request.OverstaffReason, assistant.Name);
            deployment = _store.AddDeployment(deployment);
            if (assessed.NeedsOverride)
            {
                LogOverride(deployment.Id, assistant.Id, actor.UserId);
            }

            if (overstaffed is not null)
            {
                LogOverstaffed(deployment.Id, c.Id, actor.UserId);
            }

            detail = SaveCoverage(c, actor.UserId, overstaffed ?? DeploymentSaid(deployment, assistant.Name));
        }

        Published(new ChangeNotice(ChangeKind.Case, request.CaseId));
        return detail;
    }

    public CaseDetail SetDeploymentState(SessionInfo actor, DeploymentStateRequest request)
    {
        InputLimits.Check(request);
        CaseDetail detail;
        long caseId;
        lock (_gate.Lock)
        {
            Deployment d = FindDeploymentOrThrow(request.DeploymentId);
            bool covered = d.Covers;
            d.MoveTo(request.State, UtcNow);
            string name = _store.FindStaff(d.AssistantId)?.Name ?? "?";
            Said? overstaffed = covered ? null : Overstaffing(d, request.OverstaffReason, name);
            _store.UpdateDeployment(d);
            caseId = d.CaseId;
            if (overstaffed is not null)
            {
                LogOverstaffed(d.Id, d.CaseId, actor.UserId);
            }

            detail = SaveCoverage(FindCaseOrThrow(d.CaseId), actor.UserId, overstaffed ?? DeploymentSaid(d, name));
        }

        Published(new ChangeNotice(ChangeKind.Case, caseId));
        return detail;
    }

    /// <summary>
    /// Blocks an assistant at once: gone from every suggestion, every future deployment flagged for
    /// replacement (so its gap shows again). Lifting a block is logged the same way.
    /// </summary>
    public StaffSummary SetBlocked(SessionInfo actor, BlockRequest request)
    {
        InputLimits.Check(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        var touched = new HashSet<long>();
        StandbyAssistant a;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            a = _store.FindStaff(request.AssistantId)
                ?? throw new JourException(ErrorCodes.AssistantNotFound, request.AssistantId.ToString(CultureInfo.InvariantCulture));
            a.IsBlocked = request.Block;
            a.BlockLog.Add(new BlockEntry { Blocked = request.Block, UserId = actor.UserId, AtUtc = now, Reason = request.Reason.Trim() });
            _store.UpdateStaff(a);
            if (request.Block)
            {
                foreach (Deployment d in _store.LoadDeployments(now, DateTime.MaxValue.AddDays(-1)).Where(d => d.AssistantId == a.Id && d.IsActive && d.ToUtc > now))
                {
                    d.NeedsReplacement = true;
                    _store.UpdateDeployment(d);
                    touched.Add(d.CaseId);
                }
            }

            foreach (long caseId in touched)
            {
                SaveCoverage(FindCaseOrThrow(caseId), actor.UserId, new Said(TimelineText.Replacement, [a.Name]));
            }
        }

        LogBlocked(a.Id, request.Block, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, a.Id));
        foreach (long caseId in touched)
        {
            Published(new ChangeNotice(ChangeKind.Case, caseId));
        }

        return Summary(a, PoolRules().RegisterCheckValidityMonths);
    }

    /// <summary>Records the time actually worked; a signed report cannot be changed.</summary>
    public CaseDetail ReportTime(SessionInfo actor, TimeReportRequest request)
    {
        if (request.EndUtc <= request.StartUtc || request.EndUtc - request.StartUtc > TimeSpan.FromHours(24)
            || request.BreakMinutes < 0 || TimeSpan.FromMinutes(request.BreakMinutes) >= request.EndUtc - request.StartUtc)
        {
            throw new JourException(ErrorCodes.TimeReportInvalid);
        }

        return ChangeDeployment(actor, request.DeploymentId, d =>
        {
            if (d.Report is { AssistantSignedUtc: not null } or { ClientSignedUtc: not null })
            {
                throw new JourException(ErrorCodes.TimeReportSigned);
            }

            // Reported time means the shift was worked: only a confirmed or on-site deployment can be.
            if (d.State != DeploymentState.Completed)
            {
                d.Complete(UtcNow);
            }

            d.Report = new TimeReport { StartUtc = request.StartUtc, EndUtc = request.EndUtc, BreakMinutes = request.BreakMinutes, RecordedBy = actor.UserId };

            return new Said(TimelineText.TimeReport, [TimelineText.Instant(request.StartUtc), TimelineText.Instant(request.EndUtc), TimelineText.Number(d.Report.Worked.TotalHours)]);
        });
    }

    /// <summary>
    /// A signature by personnummer: the assistant's side only by the assistant in the register who
    /// worked, the client's only by the client or a registered god man, förvaltare or vårdnadshavare.
    /// The register's name is kept with the full number for the invoice basis.
    /// </summary>
    public CaseDetail Sign(SessionInfo actor, SignRequest request)
    {
        InputLimits.Check(request);
        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(UtcNow).ToDateTimeUnspecified());
        if (!PersonalIdentityNumber.TryParse(request.PersonalNumber, today, out PersonalIdentityNumber number, out IdentityNumberError error))
        {
            throw new JourException(PersonalIdentityNumber.ErrorMessageKey(error));
        }

        return ChangeDeployment(actor, request.DeploymentId, d =>
        {
            TimeReport report = d.Report ?? throw new JourException(ErrorCodes.TimeReportMissing);
            string signer;
            if (request.ByAssistant)
            {
                StandbyAssistant? assistant = _store.FindStaff(d.AssistantId);
                if (assistant is null || assistant.PersonalIdentityNumber != number.Value)
                {
                    throw new JourException(ErrorCodes.SignerNotAssistant, assistant?.Name ?? "?");
                }

                signer = assistant.Name;
                report.AssistantSignedName = signer;
                report.AssistantPersonalNumber = number.Value;
                report.AssistantSignedUtc = UtcNow;
            }
            else
            {
                signer = ClientSigner(FindCaseOrThrow(d.CaseId).ClientId, number.Value);
                report.ClientSignedName = signer;
                report.ClientSignerPersonalNumber = number.Value;
                report.ClientSignedUtc = UtcNow;
            }

            return new Said(request.ByAssistant ? TimelineText.SignedAssistant : TimelineText.SignedClient, [signer]);
        });
    }

    /// <summary>The deployments of a case, for its screen.</summary>
    private List<DeploymentData> DeploymentsOf(IReadOnlyList<Deployment> deployments)
    {
        // Only the assistants the case has: reading the whole pool for every case detail cost about 60 % of
        // the server's time under load at 100,000 cases (perf, bench/README).
        var staff = new Dictionary<long, StandbyAssistant>();
        foreach (long id in deployments.Select(d => d.AssistantId).Distinct())
        {
            if (_store.FindStaff(id) is { } assistant)
            {
                staff[id] = assistant;
            }
        }

        DateTime now = UtcNow;
        return
        [
            .. deployments
                .OrderBy(d => d.FromUtc)
                .ThenBy(d => d.Id)
                .Select(d => new DeploymentData(
                    d.Id,
                    d.AssistantId,
                    staff.TryGetValue(d.AssistantId, out StandbyAssistant? s) ? s.Name : "?",
                    s?.Phone ?? "",
                    d.FromUtc,
                    d.ToUtc,
                    d.State,
                    d.NeedsReplacement,
                    d.RestOverrideReason,
                    d.Report is { } r
                        ? new TimeReportData(r.StartUtc, r.EndUtc, r.BreakMinutes, Math.Round(r.Worked.TotalHours, 2), r.AssistantSignedName, r.AssistantSignedUtc, r.ClientSignedName, r.ClientSignedUtc)
                        : null,
                    d.PermittedMoves(now))),
        ];
    }

    /// <summary>What the case's guards need from deployments: how many time reports are owed.</summary>
    private static void Hydrate(Case c, IReadOnlyList<Deployment> deployments) =>
        c.UnsignedTimeReports = deployments.Count(d => d.OwesTimeReport);

    private CaseDetail ChangeDeployment(SessionInfo actor, long deploymentId, Func<Deployment, Said> change)
    {
        CaseDetail detail;
        long caseId;
        lock (_gate.Lock)
        {
            Deployment d = FindDeploymentOrThrow(deploymentId);
            Said said = change(d);
            _store.UpdateDeployment(d);
            caseId = d.CaseId;
            detail = SaveCoverage(FindCaseOrThrow(d.CaseId), actor.UserId, said);
        }

        Published(new ChangeNotice(ChangeKind.Case, caseId));
        return detail;
    }

    /// <summary>
    /// Counts each window's covering deployments, moves the case between Bemannas and Bemannat as
    /// coverage of the next 24 hours requires, and saves it with a timeline entry that says <paramref name="said"/>.
    /// Under the write gate.
    /// </summary>
    private CaseDetail SaveCoverage(Case c, long userId, Said said)
    {
        DateTime now = UtcNow;
        var deployments = _store.LoadDeploymentsForCase(c.Id);
        foreach (NeedWindow w in c.Needs)
        {
            w.Confirmed = deployments.Count(d => d.Covers && d.FromUtc <= w.FromUtc && d.ToUtc >= w.ToUtc);
        }

        Hydrate(c, deployments);
        int seen = c.Revision;
        var entry = new CaseEvent { CaseId = c.Id, AtUtc = now, UserId = userId, Code = said.Code, Args = [.. said.Args] };
        Func<CaseEvent>? follow = c.State switch
        {
            CaseState.Staffing when c.CanMarkCovered(now) && c.Needs.Count > 0 => () => c.CoverageReached(now, userId),
            CaseState.Covered when c.NextUncoveredWindow(now) is not null => () => c.CoverageLost(now, userId),
            _ => null,
        };
        c.UpdatedUtc = now;
        c.UpdatedBy = userId;
        c.Revision++;
        if (!_store.TrySaveCase(c, seen, entry))
        {
            throw ChangedByOther(c);
        }

        if (follow is not null)
        {
            // Coverage drives Bemannas ⇄ Bemannat, recorded as its own timeline entry.
            int before = c.Revision;
            CaseEvent moved = follow();
            c.Revision++;
            if (!_store.TrySaveCase(c, before, moved))
            {
                throw ChangedByOther(c);
            }
        }

        return Detail(c, deployments);
    }

    /// <summary>
    /// What the timeline says of a deployment that covers a window already staffed, or null when it does not
    /// over-staff; beyond the need without a reason it is refused. Under the write gate, before the save.
    /// </summary>
    private Said? Overstaffing(Deployment d, string reason, string assistantName)
    {
        if (!d.Covers)
        {
            return null;
        }

        Case c = FindCaseOrThrow(d.CaseId);
        var others = _store.LoadDeploymentsForCase(c.Id).Where(o => o.Id != d.Id).ToList();
        NeedWindow? window = c.Needs.FirstOrDefault(w => d.FromUtc <= w.FromUtc && d.ToUtc >= w.ToUtc);
        if (window is null)
        {
            return null;
        }

        int staffed = others.Count(o => o.Covers && o.FromUtc <= window.FromUtc && o.ToUtc >= window.ToUtc);
        if (staffed < window.Assistants)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new JourException(
                ErrorCodes.OverstaffReasonRequired,
                staffed.ToString(CultureInfo.InvariantCulture),
                window.Assistants.ToString(CultureInfo.InvariantCulture));
        }

        return new Said(
            TimelineText.DeploymentOverstaffed,
            [assistantName, TimelineText.Instant(d.FromUtc), TimelineText.Instant(d.ToUtc), d.State.ToString(), (staffed + 1).ToString(CultureInfo.InvariantCulture), window.Assistants.ToString(CultureInfo.InvariantCulture), reason.Trim()]);
    }

    /// <summary>Whose personnummer signs for the client: the client's own, or a registered representative's who may sign.</summary>
    private string ClientSigner(long clientId, string number)
    {
        Client client = _store.FindClient(clientId) ?? throw new JourException(ErrorCodes.SignerNotClient, "?", Messages.Nested("Representatives_None"));
        if (client.PersonalIdentityNumber == number)
        {
            return client.Name;
        }

        var entitled = client.Representatives.Where(r => r.MaySign).ToList();
        return entitled.FirstOrDefault(r => r.PersonalNumber == number)?.Name
            ?? throw new JourException(
                ErrorCodes.SignerNotClient,
                client.Name,
                entitled.Count == 0 ? Messages.Nested("Representatives_None") : string.Join(", ", entitled.Select(r => r.Name)));
    }

    private Case FindCaseOrThrow(long caseId) =>
        _store.FindCase(caseId) ?? throw new JourException(ErrorCodes.CaseNotFound, caseId.ToString(SwedishCulture.Instance));

    private Deployment FindDeploymentOrThrow(long id) =>
        _store.FindDeployment(id) ?? throw new JourException(ErrorCodes.DeploymentNotFound, id.ToString(CultureInfo.InvariantCulture));

    private static NeedWindow WindowAt(Case c, int index)
    {
        var ordered = c.Needs.OrderBy(w => w.FromUtc).ToList();
        return index >= 0 && index < ordered.Count ? ordered[index] : throw new JourException(ErrorCodes.NeedRequired);
    }

    private static NeedWindowData ToData(NeedWindow w) => new(w.FromUtc, w.ToUtc, w.Assistants, [.. w.Competences], w.Confirmed);

    private static Said DeploymentSaid(Deployment d, string assistantName) =>
        new(TimelineText.Deployment, [assistantName, TimelineText.Instant(d.FromUtc), TimelineText.Instant(d.ToUtc), d.State.ToString()]);

    private static string Describe(Ineligibility reason, Candidate candidate) => reason switch
    {
        Ineligibility.MissingCompetence or Ineligibility.MissingDelegation =>
            Messages.Format("Ineligible_" + reason, [string.Join(", ", candidate.Missing)]),
        Ineligibility.HourLimit => Messages.Format("Ineligible_HourLimit", [candidate.HoursThisWeek.ToString("0.#", SwedishCulture.Instance), candidate.Assistant.WeeklyHourLimit.ToString("0.#", SwedishCulture.Instance)]),
        _ => Messages.Get("Ineligible_" + reason),
    };

    /// <summary>What a timeline entry of a deployment change says: its code and arguments (<see cref="TimelineText"/>).</summary>
    private sealed record Said(string Code, IReadOnlyList<string> Args);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment {DeploymentId} of assistant {AssistantId} breaks a rest rule or hour limit; override by user {UserId}")]
    private partial void LogOverride(long deploymentId, long assistantId, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment {DeploymentId} staffs case {CaseId} beyond the window's need; reason given by user {UserId}")]
    private partial void LogOverstaffed(long deploymentId, long caseId, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Assistant {AssistantId} blocked={Blocked} by user {UserId}")]
    private partial void LogBlocked(long assistantId, bool blocked, long userId);
}
