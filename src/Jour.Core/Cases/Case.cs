using Jour.Core.Common;
using Stateless;
using Stateless.Graph;

namespace Jour.Core.Cases;

/// <summary>
/// One emergency: a client whose assistance the provider cannot staff. The lifecycle is a
/// Stateless machine over the stored <see cref="State"/>, so the store only ever sees a plain value.
/// </summary>
public sealed class Case
{
    /// <summary>How long after hand-back a case may be reopened unless settings say otherwise.</summary>
    public static readonly TimeSpan DefaultReopenPeriod = TimeSpan.FromDays(14);

    private StateMachine<CaseState, CaseTrigger>? _machine;
    private DateTime _nowUtc;

    public long Id { get; set; }

    /// <summary>Human case number, e.g. "2026-0042".</summary>
    public string Number { get; set; } = "";

    public long ClientId { get; set; }

    /// <summary>Null when the client is their own employer (egen arbetsgivare).</summary>
    public long? ProviderId { get; set; }

    public CaseReason Reason { get; set; }

    public Urgency Urgency { get; set; }

    public string CallerName { get; set; } = "";

    public string CallerPhone { get; set; } = "";

    public string Description { get; set; } = "";

    public CaseState State { get; set; } = CaseState.Received;

    public DateTime ReceivedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? HandedBackUtc { get; set; }

    /// <summary>When the case reached an ended state (declined, closed, withdrawn); null while open.</summary>
    public DateTime? EndedUtc { get; set; }

    /// <summary>Bumped on every save; a save against an older revision is refused.</summary>
    public int Revision { get; set; }

    public long UpdatedBy { get; set; }

    public bool ProviderAlternativesExhausted { get; set; }

    public List<VerificationStep> Verification { get; set; } = [];

    /// <summary>Why the support ended, given at hand-back; null while active and for cases handed back before it existed.</summary>
    public ClosingReason? ClosingReason { get; set; }

    public List<NeedWindow> Needs { get; set; } = [];

    public TimeSpan ReopenPeriod { get; set; } = DefaultReopenPeriod;

    /// <summary>
    /// Time reports of this case not yet signed by assistant and client; set by the use case before
    /// firing Close, not stored. Time reports arrive with the roster, so for now it is always 0.
    /// </summary>
    public int UnsignedTimeReports { get; set; }

    public bool IsOpen => State is not (CaseState.Declined or CaseState.Closed or CaseState.Withdrawn);

    public bool IsVerified =>
        ProviderAlternativesExhausted
        && HasStep(PriorityStep.CrisisStaffingCentreContacted)
        && HasStep(PriorityStep.StandbyPool);

    private bool HasStep(PriorityStep step) => Verification.Any(v => v.Step == step);

    /// <summary>The earliest window of the next 24 hours that still lacks assistants.</summary>
    public NeedWindow? NextUncoveredWindow(DateTime nowUtc) =>
        Needs.Where(w => !w.IsCovered && w.ToUtc > nowUtc && w.FromUtc < nowUtc.AddHours(24))
             .OrderBy(w => w.FromUtc)
             .FirstOrDefault();

    /// <summary>Triggers the machine permits now, in the order the machine declares them.</summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(DateTime nowUtc)
    {
        _nowUtc = nowUtc;

        // Every guard is synchronous, so the task has completed when it returns.
        return [.. Machine.GetPermittedTriggersAsync().GetAwaiter().GetResult().Distinct()];
    }

    /// <summary>Why <paramref name="trigger"/> cannot fire now: the unmet guards' message codes, empty when it can.</summary>
    public IReadOnlyList<string> UnmetGuards(CaseTrigger trigger, DateTime nowUtc)
    {
        _nowUtc = nowUtc;
        if (Machine.CanFire(trigger, out ICollection<string>? unmet))
        {
            return [];
        }

        // Stateless leaves the list null when the state has no transition for the trigger at all.
        return unmet is null || unmet.Count == 0 ? [ErrorCodes.TriggerNotPermitted] : [.. unmet];
    }

    /// <summary>Moves the case on, or throws a <see cref="JourException"/> that says what is missing.</summary>
    public CaseEvent Fire(CaseTrigger trigger, DateTime nowUtc, long userId, string reason, ClosingReason? closing = null)
    {
        _nowUtc = nowUtc;
        if (RequiresReason(trigger) && string.IsNullOrWhiteSpace(reason))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        var unmet = UnmetGuards(trigger, nowUtc);
        if (unmet.Count > 0)
        {
            throw new JourException(unmet[0], Messages.Get("State_" + State));
        }

        CaseState from = State;
        Machine.Fire(trigger);
        if (State == CaseState.HandedBack && from != CaseState.HandedBack)
        {
            HandedBackUtc = nowUtc;
            ClosingReason = closing;
        }
        else if (IsOpen && State != CaseState.HandedBack)
        {
            ClosingReason = null;
        }

        EndedUtc = IsOpen ? null : nowUtc;

        UpdatedUtc = nowUtc;
        UpdatedBy = userId;
        return new CaseEvent
        {
            CaseId = Id,
            AtUtc = nowUtc,
            UserId = userId,
            From = from,
            To = State,
            Trigger = trigger,
            Text = closing is { } why && trigger == CaseTrigger.HandBack
                ? string.Join(" – ", new[] { Messages.Get("Closing_" + why), reason.Trim() }.Where(t => t.Length > 0))
                : reason.Trim(),
        };
    }

    /// <summary>Triggers this state has whose guards are unmet now, each with the codes of what is missing.</summary>
    public IReadOnlyList<(CaseTrigger Trigger, IReadOnlyList<string> Missing)> BlockedTriggers(DateTime nowUtc)
    {
        _nowUtc = nowUtc;
        var blocked = new List<(CaseTrigger, IReadOnlyList<string>)>();
        foreach (CaseTrigger trigger in Enum.GetValues<CaseTrigger>())
        {
            if (!Machine.CanFire(trigger, out ICollection<string>? unmet) && unmet is { Count: > 0 })
            {
                blocked.Add((trigger, [.. unmet]));
            }
        }

        return blocked;
    }

    /// <summary>
    /// Records the statement that the provider's alternatives are exhausted (<paramref name="step"/>
    /// null) or a step of the priority order, with when it happened and how it went.
    /// </summary>
    public CaseEvent RecordVerification(PriorityStep? step, DateTime atUtc, string outcome, DateTime nowUtc, long userId)
    {
        if (!IsOpen || State == CaseState.HandedBack)
        {
            throw new JourException(ErrorCodes.VerificationClosed, Messages.Get("State_" + State));
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new JourException(ErrorCodes.OutcomeRequired);
        }

        if (atUtc > nowUtc.AddMinutes(5))
        {
            throw new JourException(ErrorCodes.VerificationInFuture);
        }

        if (step is null)
        {
            ProviderAlternativesExhausted = true;
        }

        Verification.Add(new VerificationStep { Step = step, AtUtc = atUtc, Outcome = outcome.Trim(), UserId = userId });
        UpdatedUtc = nowUtc;
        UpdatedBy = userId;
        string label = step is { } s ? Messages.Get("Step_" + s) : Messages.Get("Step_Exhausted");
        return new CaseEvent
        {
            CaseId = Id,
            AtUtc = nowUtc,
            UserId = userId,
            Text = Messages.Format("Timeline_Verification", [label, SwedishTime.FormatLocal(atUtc), outcome.Trim()]),
        };
    }

    /// <summary>Triggers whose transition must say why.</summary>
    public static bool RequiresReason(CaseTrigger trigger) =>
        trigger is CaseTrigger.Decline or CaseTrigger.Withdraw or CaseTrigger.Reopen or CaseTrigger.GapAppeared;

    /// <summary>The lifecycle as a DOT or Mermaid graph, from the machine itself so docs cannot drift.</summary>
    public static string FormatGraph(bool mermaid)
    {
        var info = new Case().Machine.GetInfo();
        return mermaid ? MermaidGraph.Format(info) : UmlDotGraph.Format(info);
    }

    private StateMachine<CaseState, CaseTrigger> Machine => _machine ??= Build();

    private bool AllWindowsNext24hCovered() => NextUncoveredWindow(_nowUtc) is null;

    private bool WithinReopenPeriod() => HandedBackUtc is { } at && _nowUtc - at <= ReopenPeriod;

    private StateMachine<CaseState, CaseTrigger> Build()
    {
        var m = new StateMachine<CaseState, CaseTrigger>(() => State, s => State = s);

        m.Configure(CaseState.Received)
            .Permit(CaseTrigger.StartAssessment, CaseState.Assessing)
            .Permit(CaseTrigger.Withdraw, CaseState.Withdrawn);

        m.Configure(CaseState.Assessing)
            .PermitIf(
                CaseTrigger.Accept,
                CaseState.Staffing,
                new Tuple<Func<bool>, string>(() => ProviderAlternativesExhausted, ErrorCodes.GuardExhaustedMissing),
                new Tuple<Func<bool>, string>(() => HasStep(PriorityStep.CrisisStaffingCentreContacted), ErrorCodes.GuardStep1Missing),
                new Tuple<Func<bool>, string>(() => HasStep(PriorityStep.StandbyPool), ErrorCodes.GuardStep2Missing))
            .Permit(CaseTrigger.Decline, CaseState.Declined)
            .Permit(CaseTrigger.Withdraw, CaseState.Withdrawn);

        m.Configure(CaseState.Staffing)
            .PermitIf(CaseTrigger.MarkCovered, CaseState.Covered, AllWindowsNext24hCovered, ErrorCodes.GuardWindowsUncovered)
            .Permit(CaseTrigger.MoveToShortTermPlacement, CaseState.ShortTermPlacement)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.Covered)
            .Permit(CaseTrigger.GapAppeared, CaseState.Staffing)
            .Permit(CaseTrigger.MoveToShortTermPlacement, CaseState.ShortTermPlacement)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.ShortTermPlacement)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.HandedBack)
            .PermitIf(CaseTrigger.Close, CaseState.Closed, () => UnsignedTimeReports == 0, ErrorCodes.GuardTimeReportsUnsigned)
            .PermitIf(CaseTrigger.Reopen, CaseState.Staffing, WithinReopenPeriod, ErrorCodes.GuardReopenPeriodPassed);

        return m;
    }
}
