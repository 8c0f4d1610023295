using Jour.Core.Common;
using Stateless;
using Stateless.Graph;

namespace Jour.Core.Cases;

/// <summary>
/// One emergency: a client whose assistance the provider cannot staff. The lifecycle is a
/// Stateless machine over the stored <see cref="State"/>, so the store only ever sees a plain value;
/// the state moves only through the intention-named verbs, whose guards take the time as an argument.
/// </summary>
public sealed class Case
{
    /// <summary>How long after hand-back a case may be reopened unless settings say otherwise.</summary>
    public static readonly TimeSpan DefaultReopenPeriod = TimeSpan.FromDays(14);

    private StateMachine<CaseState, CaseTrigger>? _machine;
    private Dictionary<CaseTrigger, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<Moment>>? _triggers;
    private CaseState _state = CaseState.Received;

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

    /// <summary>
    /// Where the case stands. Given only when the case is built (a new one, or one read back from the
    /// store: that is the one rehydration path); afterwards only the verbs below move it.
    /// </summary>
    public CaseState State
    {
        get => _state;
        init => _state = value;
    }

    public DateTime ReceivedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? HandedBackUtc { get; set; }

    /// <summary>When the case reached an ended state (declined, closed, withdrawn); null while open.</summary>
    public DateTime? EndedUtc { get; set; }

    /// <summary>When an SMS yes last became a deployment of this case: the board marks it until the officer opens the case.</summary>
    public DateTime? SmsYesUtc { get; set; }

    /// <summary>Bumped on every save; a save against an older revision is refused.</summary>
    public int Revision { get; set; }

    public long UpdatedBy { get; set; }

    public bool ProviderAlternativesExhausted { get; set; }

    public List<VerificationStep> Verification { get; set; } = [];

    /// <summary>Why the support ended, given at hand-back; null while active and for cases handed back before it existed.</summary>
    public ClosingReason? ClosingReason { get; set; }

    public List<NeedWindow> Needs { get; set; } = [];

    public TimeSpan ReopenPeriod { get; set; } = DefaultReopenPeriod;

    /// <summary>The short-term place booked for the case (step 3); null when none is held.</summary>
    public long? ShortTermBookingId { get; set; }

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
        Needs.Where(w => !w.IsCovered && NeedWindow.WithinNextDay(w.FromUtc, w.ToUtc, nowUtc))
             .OrderBy(w => w.FromUtc)
             .FirstOrDefault();

    /// <summary>
    /// A copy that shares nothing a caller could change with this case: its own windows and verification
    /// steps, and its own machine (built when first asked). The store hands its kept open cases out this
    /// way, so no reader changes what the next one reads.
    /// </summary>
    public Case Copy()
    {
        var copy = (Case)MemberwiseClone();
        copy._machine = null;
        copy._triggers = null;
        copy.Needs = Needs.ConvertAll(w => w.Copy());
        copy.Verification = Verification.ConvertAll(v => v.Copy());
        return copy;
    }

    /// <summary>Triggers the machine permits now, in the order the machine declares them.</summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(DateTime nowUtc) =>

        // Every guard is synchronous, so the task has completed when it returns.
        [.. Machine.GetPermittedTriggersAsync(new Moment(nowUtc)).GetAwaiter().GetResult().Distinct()];

    /// <summary>Why <paramref name="trigger"/> cannot fire now: the unmet guards' message codes, empty when it can.</summary>
    public IReadOnlyList<string> UnmetGuards(CaseTrigger trigger, DateTime nowUtc)
    {
        if (Machine.CanFire(Triggers[trigger], new Moment(nowUtc), out ICollection<string>? unmet))
        {
            return [];
        }

        // Stateless leaves the list null when the state has no transition for the trigger at all.
        return unmet is null || unmet.Count == 0 ? [ErrorCodes.TriggerNotPermitted] : [.. unmet];
    }

    /// <summary>
    /// Moves the case on, or throws a <see cref="JourException"/> that says what is missing. The timeline
    /// entry keeps <paramref name="reason"/> as typed and, at a hand-back, why the support ended. Outside
    /// Core a case moves by its verbs (<see cref="Accept"/>, <see cref="HandBack"/>, …); the trigger form is
    /// for the use case that carries a trigger from the case screen, and for the demo and the generator.
    /// </summary>
    internal CaseEvent Fire(CaseTrigger trigger, DateTime nowUtc, long userId, string reason, ClosingReason? closing = null)
    {
        if (RequiresReason(trigger) && string.IsNullOrWhiteSpace(reason))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        CaseEvent entry = Move(trigger, nowUtc, userId, closing);
        if (closing is { } why && trigger == CaseTrigger.HandBack)
        {
            entry.Code = TimelineText.HandedBack;
            entry.Args = [why.ToString(), reason.Trim()];
        }
        else
        {
            entry.Code = TimelineText.Transition;
            entry.Args = [reason.Trim()];
        }

        return entry;
    }

    private CaseEvent Move(CaseTrigger trigger, DateTime nowUtc, long userId, ClosingReason? closing)
    {
        var unmet = UnmetGuards(trigger, nowUtc);
        if (unmet.Count > 0)
        {
            throw new JourException(unmet[0], Messages.Nested("State_" + State));
        }

        CaseState from = State;

        // What a state means beyond its name (when the case was handed back and why, when it ended) is set by
        // the machine's entry actions, from the moment the trigger carries.
        Machine.Fire(Triggers[trigger], new Moment(nowUtc, closing));
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
        };
    }

    /// <summary>
    /// What the officer may choose now: the permitted triggers, and the move to Korttidsplats once only the booking
    /// is missing, since that action books the place (<see cref="UnmetGuardsWithPlaceBooked"/>).
    /// </summary>
    public IReadOnlyList<CaseTrigger> OfferedTriggers(DateTime nowUtc)
    {
        var permitted = PermittedTriggers(nowUtc);
        return !permitted.Contains(CaseTrigger.MoveToShortTermPlacement) && State is CaseState.Staffing or CaseState.Covered && UnmetGuardsWithPlaceBooked(nowUtc).Count == 0
            ? [.. permitted, CaseTrigger.MoveToShortTermPlacement]
            : permitted;
    }

    /// <summary>Choices this state has that wait for something, each with the codes of what is missing (the booking not among them: the choice books it).</summary>
    public IReadOnlyList<(CaseTrigger Trigger, IReadOnlyList<string> Missing)> BlockedTriggers(DateTime nowUtc)
    {
        var blocked = new List<(CaseTrigger, IReadOnlyList<string>)>();
        foreach (CaseTrigger trigger in Enum.GetValues<CaseTrigger>())
        {
            if (!Machine.CanFire(Triggers[trigger], new Moment(nowUtc), out ICollection<string>? unmet) && unmet is { Count: > 0 })
            {
                IReadOnlyList<string> missing = trigger == CaseTrigger.MoveToShortTermPlacement ? UnmetGuardsWithPlaceBooked(nowUtc) : [.. unmet];
                if (missing.Count > 0)
                {
                    blocked.Add((trigger, missing));
                }
            }
        }

        return blocked;
    }

    /// <summary>The officer starts checking whether the provider's own alternatives are exhausted.</summary>
    public CaseEvent StartAssessment(DateTime nowUtc, long userId, string comment = "") => Fire(CaseTrigger.StartAssessment, nowUtc, userId, comment);

    /// <summary>Takes the case on (Bemannas); needs the verification recorded.</summary>
    public CaseEvent Accept(DateTime nowUtc, long userId, string comment = "") => Fire(CaseTrigger.Accept, nowUtc, userId, comment);

    /// <summary>The provider still has alternatives: the case is declined, with why.</summary>
    public CaseEvent Decline(DateTime nowUtc, long userId, string reason) => Fire(CaseTrigger.Decline, nowUtc, userId, reason);

    /// <summary>Every window of the next 24 hours is staffed (Bemannat).</summary>
    public CaseEvent MarkCovered(DateTime nowUtc, long userId, string text) => Fire(CaseTrigger.MarkCovered, nowUtc, userId, text);

    /// <summary>A window of the next 24 hours lacks assistants again (back to Bemannas), with why.</summary>
    public CaseEvent GapAppeared(DateTime nowUtc, long userId, string reason) => Fire(CaseTrigger.GapAppeared, nowUtc, userId, reason);

    /// <summary>A change of deployments staffed every window of the next 24 hours (Bemannat); the timeline says so in the reader's language.</summary>
    public CaseEvent CoverageReached(DateTime nowUtc, long userId) => Said(Move(CaseTrigger.MarkCovered, nowUtc, userId, null), TimelineText.CoverageReached);

    /// <summary>A change of deployments left a window of the next 24 hours without assistants (back to Bemannas); the timeline says so in the reader's language.</summary>
    public CaseEvent CoverageLost(DateTime nowUtc, long userId) => Said(Move(CaseTrigger.GapAppeared, nowUtc, userId, null), TimelineText.CoverageLost);

    /// <summary>The client moves to a short-term placement (korttidsplats).</summary>
    public CaseEvent PlaceInShortTermCare(DateTime nowUtc, long userId, string comment) => Fire(CaseTrigger.MoveToShortTermPlacement, nowUtc, userId, comment);

    /// <summary>The provider (or a new one) resumes: handed back, with why the support ended.</summary>
    public CaseEvent HandBack(DateTime nowUtc, long userId, ClosingReason closing, string comment) => Fire(CaseTrigger.HandBack, nowUtc, userId, comment, closing);

    /// <summary>Closes a handed-back case; needs every time report signed.</summary>
    public CaseEvent Close(DateTime nowUtc, long userId, string comment = "") => Fire(CaseTrigger.Close, nowUtc, userId, comment);

    /// <summary>The caller withdraws the request, with why.</summary>
    public CaseEvent Withdraw(DateTime nowUtc, long userId, string reason) => Fire(CaseTrigger.Withdraw, nowUtc, userId, reason);

    /// <summary>Takes a handed-back case on again within the reopening period, with why.</summary>
    public CaseEvent Reopen(DateTime nowUtc, long userId, string reason) => Fire(CaseTrigger.Reopen, nowUtc, userId, reason);

    public bool CanStartAssessment(DateTime nowUtc) => UnmetGuards(CaseTrigger.StartAssessment, nowUtc).Count == 0;

    public bool CanAccept(DateTime nowUtc) => UnmetGuards(CaseTrigger.Accept, nowUtc).Count == 0;

    public bool CanDecline(DateTime nowUtc) => UnmetGuards(CaseTrigger.Decline, nowUtc).Count == 0;

    public bool CanMarkCovered(DateTime nowUtc) => UnmetGuards(CaseTrigger.MarkCovered, nowUtc).Count == 0;

    public bool CanGapAppear(DateTime nowUtc) => UnmetGuards(CaseTrigger.GapAppeared, nowUtc).Count == 0;

    public bool CanPlaceInShortTermCare(DateTime nowUtc) => UnmetGuards(CaseTrigger.MoveToShortTermPlacement, nowUtc).Count == 0;

    /// <summary>What would still stop the move to Korttidsplats were a place booked: asked before one is booked, so a refusal books nothing.</summary>
    public IReadOnlyList<string> UnmetGuardsWithPlaceBooked(DateTime nowUtc)
    {
        long? booked = ShortTermBookingId;
        ShortTermBookingId ??= 0;
        try
        {
            return UnmetGuards(CaseTrigger.MoveToShortTermPlacement, nowUtc);
        }
        finally
        {
            ShortTermBookingId = booked;
        }
    }

    public bool CanHandBack(DateTime nowUtc) => UnmetGuards(CaseTrigger.HandBack, nowUtc).Count == 0;

    public bool CanClose(DateTime nowUtc) => UnmetGuards(CaseTrigger.Close, nowUtc).Count == 0;

    public bool CanWithdraw(DateTime nowUtc) => UnmetGuards(CaseTrigger.Withdraw, nowUtc).Count == 0;

    public bool CanReopen(DateTime nowUtc) => UnmetGuards(CaseTrigger.Reopen, nowUtc).Count == 0;

    /// <summary>
    /// The large-data generator's fast path (LargeData.Step): a transition whose destination the real
    /// machine gave for this state and trigger, without building a machine per case. Nothing else may use it.
    /// </summary>
    internal void ReplayGeneratedTransition(CaseState to) => _state = to;

    /// <summary>
    /// Records the statement that the provider's alternatives are exhausted (<paramref name="step"/>
    /// null) or a step of the priority order, with when it happened and how it went.
    /// </summary>
    public CaseEvent RecordVerification(PriorityStep? step, DateTime atUtc, string outcome, DateTime nowUtc, long userId)
    {
        if (!IsOpen || State == CaseState.HandedBack)
        {
            throw new JourException(ErrorCodes.VerificationClosed, Messages.Nested("State_" + State));
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
        return new CaseEvent
        {
            CaseId = Id,
            AtUtc = nowUtc,
            UserId = userId,
            Code = TimelineText.Verification,
            Args = [step?.ToString() ?? TimelineText.Exhausted, TimelineText.Instant(atUtc), outcome.Trim()],
        };
    }

    private static CaseEvent Said(CaseEvent entry, string code)
    {
        entry.Code = code;
        return entry;
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

    private Dictionary<CaseTrigger, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<Moment>> Triggers
    {
        get
        {
            _ = Machine;
            return _triggers!;
        }
    }

    private bool AllWindowsNext24hCovered(DateTime nowUtc) => NextUncoveredWindow(nowUtc) is null;

    private bool WithinReopenPeriod(DateTime nowUtc) => HandedBackUtc is { } at && nowUtc - at <= ReopenPeriod;

    private static Tuple<Func<Moment, bool>, string> Guard(Func<Moment, bool> holds, string missing) => new(holds, missing);

    private StateMachine<CaseState, CaseTrigger> Build()
    {
        // Every trigger carries its moment, so a guard or an entry action reads the time (and at a hand-back, why)
        // from its argument, never from a field set before the call.
        var m = new StateMachine<CaseState, CaseTrigger>(() => _state, s => _state = s);
        _triggers = Enum.GetValues<CaseTrigger>().ToDictionary(t => t, m.SetTriggerParameters<Moment>);
        var t = _triggers;

        m.Configure(CaseState.Received)
            .Permit(CaseTrigger.StartAssessment, CaseState.Assessing)
            .Permit(CaseTrigger.Withdraw, CaseState.Withdrawn);

        m.Configure(CaseState.Assessing)
            .PermitIf(
                t[CaseTrigger.Accept],
                CaseState.Staffing,
                Guard(_ => ProviderAlternativesExhausted, ErrorCodes.GuardExhaustedMissing),
                Guard(_ => HasStep(PriorityStep.CrisisStaffingCentreContacted), ErrorCodes.GuardStep1Missing),
                Guard(_ => HasStep(PriorityStep.StandbyPool), ErrorCodes.GuardStep2Missing))
            .Permit(CaseTrigger.Decline, CaseState.Declined)
            .Permit(CaseTrigger.Withdraw, CaseState.Withdrawn);

        // Step 3: a place is booked through the resurssakkunnig before the client moves (issue 20).
        var step3 = Guard(_ => HasStep(PriorityStep.ShortTermPlacement), ErrorCodes.GuardStep3Missing);
        var placeBooked = Guard(_ => ShortTermBookingId is not null, ErrorCodes.GuardPlaceNotBooked);

        m.Configure(CaseState.Staffing)
            .PermitIf(t[CaseTrigger.MarkCovered], CaseState.Covered, Guard(at => AllWindowsNext24hCovered(at.NowUtc), ErrorCodes.GuardWindowsUncovered))
            .PermitIf(t[CaseTrigger.MoveToShortTermPlacement], CaseState.ShortTermPlacement, step3, placeBooked)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.Covered)
            .Permit(CaseTrigger.GapAppeared, CaseState.Staffing)
            .PermitIf(t[CaseTrigger.MoveToShortTermPlacement], CaseState.ShortTermPlacement, step3, placeBooked)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.ShortTermPlacement)
            .Permit(CaseTrigger.HandBack, CaseState.HandedBack);

        m.Configure(CaseState.HandedBack)
            .OnEntryFrom(t[CaseTrigger.HandBack], at =>
            {
                HandedBackUtc = at.NowUtc;
                ClosingReason = at.Closing;
            }, "RecordHandBack")
            .PermitIf(t[CaseTrigger.Close], CaseState.Closed, Guard(_ => UnsignedTimeReports == 0, ErrorCodes.GuardTimeReportsUnsigned))
            .PermitIf(t[CaseTrigger.Reopen], CaseState.Staffing, Guard(at => WithinReopenPeriod(at.NowUtc), ErrorCodes.GuardReopenPeriodPassed));

        // Reopened: the support did not end after all.
        m.Configure(CaseState.Staffing)
            .OnEntryFrom(t[CaseTrigger.Reopen], _ => ClosingReason = null, "ClearClosingReason");

        foreach (CaseState ended in (CaseState[])[CaseState.Declined, CaseState.Closed, CaseState.Withdrawn])
        {
            m.Configure(ended).OnEntry(transition => EndedUtc = ((Moment)transition.Parameters[0]).NowUtc, "RecordEnd");
        }

        return m;
    }

    /// <summary>What every trigger carries: when it fires and, at a hand-back, why the support ended.</summary>
    private readonly record struct Moment(DateTime NowUtc, ClosingReason? Closing = null);
}
