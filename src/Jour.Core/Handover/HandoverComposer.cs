using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Incidents;
using Jour.Core.Providers;
using Jour.Core.Staff;

namespace Jour.Core.Handover;

/// <summary>
/// Composes the handover from the data and an instant, and nothing else: the same data and time give the
/// same summary. Personnummer, journal text (case descriptions, timeline notes) and access notes are never
/// read; addresses only when asked for.
/// </summary>
public static class HandoverComposer
{
    /// <summary>The summary looks this far ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    /// <summary>The continuity printout looks this far ahead.</summary>
    public static readonly TimeSpan ContinuityHorizon = TimeSpan.FromHours(72);

    /// <summary>A time report still unsigned this long after the shift ended is listed.</summary>
    public static readonly TimeSpan UnsignedAfter = TimeSpan.FromHours(48);

    /// <summary>A shift that began less than this before the handover is the incoming one (a handover just after the hand-off).</summary>
    public static readonly TimeSpan LateHandover = TimeSpan.FromHours(1);

    private static readonly StringComparer s_names = StringComparer.Create(SwedishCulture.Instance, false);

    public static HandoverSummary Compose(HandoverSource source, DateTime atUtc, HandoverOptions options)
    {
        var lookup = new Lookup(source, options);
        HandoverHeader header = Header(source, atUtc, options, out OfficerShift? incoming);
        DateTime until = atUtc + Horizon;

        var action = source.OpenCases
            .Where(c => c.State is CaseState.Received or CaseState.Assessing or CaseState.Staffing)
            .OrderByDescending(c => c.Urgency)
            .ThenBy(c => c.ReceivedUtc)
            .ThenBy(c => c.Id)
            .Select(c => new ActionCase(c.Number, c.State, c.Urgency, lookup.Client(c), lookup.Provider(c), c.ReceivedUtc, NextStep(c, atUtc), lookup.Address(c)))
            .ToList();

        var uncovered = source.OpenCases
            .SelectMany(c => c.Needs.Where(w => !w.IsCovered && w.ToUtc > atUtc && w.FromUtc < until).Select(w => Window(c, w, lookup)))
            .OrderBy(w => w.FromUtc)
            .ThenBy(w => w.CaseNumber, StringComparer.Ordinal)
            .ToList();

        var deployments = Planned(source, atUtc, until, lookup);

        var placements = source.OpenCases
            .Where(c => c.State == CaseState.ShortTermPlacement)
            .Select(c => new CaseMark(c.Number, lookup.Client(c), c.ReceivedUtc))
            .OrderBy(m => m.AtUtc)
            .ThenBy(m => m.CaseNumber, StringComparer.Ordinal)
            .ToList();

        var handedBack = source.OpenCases
            .Where(c => c.State == CaseState.HandedBack && c.HandedBackUtc is { } at && at >= header.PeriodFromUtc && at <= atUtc)
            .Select(c => new CaseMark(c.Number, lookup.Client(c), c.HandedBackUtc!.Value))
            .OrderBy(m => m.AtUtc)
            .ThenBy(m => m.CaseNumber, StringComparer.Ordinal)
            .ToList();

        var unsigned = source.Deployments
            .Where(d => d.OwesTimeReport && d.ToUtc <= atUtc - UnsignedAfter && lookup.Cases.ContainsKey(d.CaseId))
            .OrderBy(d => d.ToUtc)
            .ThenBy(d => d.Id)
            .Select(d => new UnsignedReport(lookup.CaseNumber(d.CaseId), lookup.Client(lookup.Cases[d.CaseId]), lookup.Assistant(d.AssistantId).Name, d.FromUtc, d.ToUtc))
            .ToList();

        return new HandoverSummary(
            header,
            action,
            uncovered,
            deployments,
            placements,
            handedBack,
            unsigned,
            Blocked(source),
            Availability(source, incoming),
            source.Notes.Trim(),
            AwaitingMas(source, lookup));
    }

    /// <summary>The emergency printout: open cases with their needs, every deployment, the pool and the rotation for 72 hours.</summary>
    public static ContinuitySummary ComposeContinuity(HandoverSource source, DateTime atUtc, HandoverOptions options)
    {
        var lookup = new Lookup(source, options);
        HandoverHeader header = Header(source, atUtc, options, out _);
        DateTime until = atUtc + ContinuityHorizon;
        var cases = source.OpenCases
            .Where(c => c.State != CaseState.HandedBack)
            .OrderByDescending(c => c.Urgency)
            .ThenBy(c => c.ReceivedUtc)
            .ThenBy(c => c.Id)
            .Select(c =>
            {
                Provider? provider = c.ProviderId is { } p ? lookup.Providers.GetValueOrDefault(p) : null;
                return new ContinuityCase(
                    c.Number,
                    c.State,
                    c.Urgency,
                    lookup.Client(c),
                    lookup.Provider(c),
                    provider?.Phone ?? "",
                    c.CallerName,
                    c.CallerPhone,
                    [.. c.Needs.Where(w => w.ToUtc > atUtc && w.FromUtc < until).OrderBy(w => w.FromUtc).Select(w => Window(c, w, lookup))],
                    lookup.Address(c));
            })
            .ToList();
        var pool = source.Staff
            .Where(s => !s.IsBlocked)
            .OrderBy(s => s.Name, s_names)
            .ThenBy(s => s.Id)
            .Select(Member)
            .ToList();
        var rotation = source.Shifts.Where(s => s.ToUtc > atUtc && s.FromUtc < until).OrderBy(s => s.FromUtc).ToList();
        return new ContinuitySummary(header, cases, Planned(source, atUtc, until, lookup), pool, Blocked(source), rotation);
    }

    /// <summary>
    /// The hand-off nearest the instant: the end of the current shift, or its start when that was less than
    /// an hour ago (a handover written just after 07:00 is still the night's).
    /// </summary>
    private static HandoverHeader Header(HandoverSource source, DateTime atUtc, HandoverOptions options, out OfficerShift? incoming)
    {
        var shifts = source.Shifts.OrderBy(s => s.FromUtc).ToList();
        int current = shifts.FindIndex(s => s.FromUtc <= atUtc && atUtc < s.ToUtc);
        int outgoingIndex = current;
        if (current > 0 && atUtc - shifts[current].FromUtc < LateHandover)
        {
            outgoingIndex = current - 1;
        }

        OfficerShift? outgoing = outgoingIndex >= 0 ? shifts[outgoingIndex] : null;
        incoming = outgoingIndex >= 0 && outgoingIndex + 1 < shifts.Count ? shifts[outgoingIndex + 1] : null;
        OfficerShift? next = outgoingIndex >= 0 && outgoingIndex + 2 < shifts.Count ? shifts[outgoingIndex + 2] : null;
        DateTime periodFrom = source.LastHandoverUtc is { } last && last < atUtc
            ? last
            : outgoing?.FromUtc ?? atUtc - TimeSpan.FromHours(12);
        return new HandoverHeader(
            atUtc,
            periodFrom,
            atUtc,
            source.IsDemo,
            source.OutgoingName ?? outgoing?.OfficerName,
            incoming?.OfficerName,
            incoming?.FromUtc,
            next?.OfficerName,
            next?.FromUtc,
            options.WithAddresses,
            source.ContractExtensionDue);
    }

    private static List<AwaitingMas> AwaitingMas(HandoverSource source, Lookup lookup) =>
    [
        .. (source.Incidents ?? [])
            .Where(i => Incident.ReportTo(i.Kind) == IncidentRecipient.MedicalResponsible && i.MasNotifiedUtc is null && i.Status != RecordStatus.Closed)
            .OrderBy(i => i.OccurredUtc)
            .ThenBy(i => i.Id)
            .Select(i => new AwaitingMas(i.Id, i.Kind, i.OccurredUtc, i.ClientId is { } client ? lookup.ClientName(client) : "")),
    ];

    private static List<PlannedDeployment> Planned(HandoverSource source, DateTime fromUtc, DateTime toUtc, Lookup lookup) =>
    [
        .. source.Deployments
            .Where(d => d.IsActive && d.Overlaps(fromUtc, toUtc) && lookup.Cases.ContainsKey(d.CaseId))
            .Select(d =>
            {
                StandbyAssistant a = lookup.Assistant(d.AssistantId);
                Case c = lookup.Cases[d.CaseId];
                return (d.Id, Planned: new PlannedDeployment(d.FromUtc, d.ToUtc, a.Name, a.Phone, c.Number, lookup.Client(c), d.State, d.NeedsReplacement, lookup.Address(c)));
            })
            .OrderBy(x => x.Planned.FromUtc)
            .ThenBy(x => x.Planned.AssistantName, s_names)
            .ThenBy(x => x.Id)
            .Select(x => x.Planned),
    ];

    private static UncoveredWindow Window(Case c, NeedWindow w, Lookup lookup) =>
        new(c.Number, lookup.Client(c), w.FromUtc, w.ToUtc, w.Assistants, w.Confirmed, [.. w.Competences], lookup.Address(c));

    private static List<string> Blocked(HandoverSource source) =>
        [.. source.Staff.Where(s => s.IsBlocked).Select(s => s.Name).Order(s_names)];

    private static PoolAvailability Availability(HandoverSource source, OfficerShift? shift)
    {
        var pool = source.Staff.Where(s => !s.IsBlocked).ToList();
        if (shift is null)
        {
            return new PoolAvailability(null, null, pool.Count, []);
        }

        var busy = source.Deployments
            .Where(d => d.IsActive && d.Overlaps(shift.FromUtc, shift.ToUtc))
            .Select(d => d.AssistantId)
            .ToHashSet();
        return new PoolAvailability(
            shift.FromUtc,
            shift.ToUtc,
            pool.Count,
            [.. pool.Where(s => !busy.Contains(s.Id)).OrderBy(s => s.Name, s_names).ThenBy(s => s.Id).Select(Member)]);
    }

    private static PoolMember Member(StandbyAssistant s) => new(s.Name, s.Phone, [.. s.Competences]);

    /// <summary>What the next officer should do with a case that needs action now.</summary>
    private static string NextStep(Case c, DateTime atUtc)
    {
        switch (c.State)
        {
            case CaseState.Received:
                return Messages.Get("Handover_Next_Received");
            case CaseState.Assessing:
                var missing = c.UnmetGuards(CaseTrigger.Accept, atUtc).Where(code => code != ErrorCodes.TriggerNotPermitted).ToList();
                return missing.Count == 0
                    ? Messages.Get("Handover_Next_Decide")
                    : Messages.Format("Handover_Next_Assess", [string.Join(", ", missing.Select(code => Messages.Get(code + "_Short")))]);
            default:
                var gaps = c.Needs.Where(w => !w.IsCovered && w.ToUtc > atUtc && w.FromUtc < atUtc + Horizon).OrderBy(w => w.FromUtc).ToList();
                return gaps.Count == 0
                    ? Messages.Get("Handover_Next_NoGaps")
                    : Messages.Format("Handover_Next_Staff", [gaps.Count.ToString(SwedishCulture.Instance), HandoverText.Local(gaps[0].FromUtc)]);
        }
    }

    /// <summary>The source's registers by id, with names resolved the same way everywhere.</summary>
    private sealed class Lookup
    {
        private readonly Dictionary<long, Client> _clients;
        private readonly Dictionary<long, StandbyAssistant> _staff;
        private readonly bool _addresses;

        public Lookup(HandoverSource source, HandoverOptions options)
        {
            _clients = source.Clients.ToDictionary(c => c.Id);
            _staff = source.Staff.ToDictionary(s => s.Id);
            Providers = source.Providers.ToDictionary(p => p.Id);
            Cases = source.OpenCases.ToDictionary(c => c.Id);
            _addresses = options.WithAddresses;
        }

        public Dictionary<long, Provider> Providers { get; }

        public Dictionary<long, Case> Cases { get; }

        public string Client(Case c) => ClientName(c.ClientId);

        public string ClientName(long clientId) => _clients.GetValueOrDefault(clientId)?.Name ?? "?";

        public string Provider(Case c) => c.ProviderId is { } p
            ? Providers.GetValueOrDefault(p)?.Name ?? "?"
            : Messages.Get("SelfEmployer");

        public string? Address(Case c) => _addresses ? _clients.GetValueOrDefault(c.ClientId)?.Address : null;

        public string CaseNumber(long caseId) => Cases.GetValueOrDefault(caseId)?.Number ?? "?";

        public StandbyAssistant Assistant(long id) => _staff.GetValueOrDefault(id) ?? new StandbyAssistant { Id = id, Name = "?" };
    }
}
