using Jour.Core.Common;
using Stateless;
using Stateless.Graph;

namespace Jour.Core.Deployments;

/// <summary>
/// One assistant, one time window, one case (insats), and the time actually worked. The state
/// moves only through the intention-named verbs (a Stateless machine over the stored value);
/// <see cref="State"/> is given once, when a deployment is built or read back from the store.
/// </summary>
public sealed class Deployment
{
    /// <summary>How early before the shift an assistant may be registered on site.</summary>
    public static readonly TimeSpan ArrivalMargin = TimeSpan.FromHours(2);

    private StateMachine<DeploymentState, DeploymentTrigger>? _machine;
    private Dictionary<DeploymentTrigger, StateMachine<DeploymentState, DeploymentTrigger>.TriggerWithParameters<DateTime>>? _triggers;
    private DeploymentState _state;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public long AssistantId { get; set; }

    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    /// <summary>
    /// Where the deployment stands. Given only when it is built (a new one, or one read back from
    /// the store: that is the one rehydration path); afterwards only the verbs below move it.
    /// </summary>
    public DeploymentState State
    {
        get => _state;
        init => _state = value;
    }

    /// <summary>Set when the assistant was blocked after being booked: the slot must be filled again.</summary>
    public bool NeedsReplacement { get; set; }

    /// <summary>Why a rest rule was knowingly broken; empty when none was.</summary>
    public string RestOverrideReason { get; set; } = "";

    public long CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public TimeReport? Report { get; set; }

    /// <summary>Holds the assistant's time: every state but declined and cancelled.</summary>
    public bool IsActive => State is not (DeploymentState.Declined or DeploymentState.Cancelled);

    /// <summary>Counts towards covering the window.</summary>
    public bool Covers => (State is DeploymentState.Confirmed or DeploymentState.OnSite or DeploymentState.Completed) && !NeedsReplacement;

    /// <summary>Worked, so a signed time report is owed before the case may close.</summary>
    public bool OwesTimeReport => (State is DeploymentState.OnSite or DeploymentState.Completed) && Report is not { IsSigned: true };

    public bool Overlaps(DateTime fromUtc, DateTime toUtc) => FromUtc < toUtc && fromUtc < ToUtc;

    /// <summary>The assistant has been reached but has not yet answered (kontaktad).</summary>
    public void Contact(DateTime nowUtc) => Fire(DeploymentTrigger.Contact, nowUtc);

    /// <summary>The assistant has said yes (bekräftad): counts towards covering the window.</summary>
    public void Confirm(DateTime nowUtc) => Fire(DeploymentTrigger.Confirm, nowUtc);

    /// <summary>The assistant has said no (avböjd).</summary>
    public void Decline(DateTime nowUtc) => Fire(DeploymentTrigger.Decline, nowUtc);

    /// <summary>The assistant is at the client's (på plats).</summary>
    public void Arrive(DateTime nowUtc) => Fire(DeploymentTrigger.Arrive, nowUtc);

    /// <summary>The shift has been worked (genomförd).</summary>
    public void Complete(DateTime nowUtc) => Fire(DeploymentTrigger.Complete, nowUtc);

    /// <summary>The municipality has called it off (avbokad).</summary>
    public void Cancel(DateTime nowUtc) => Fire(DeploymentTrigger.Cancel, nowUtc);

    public bool CanContact(DateTime nowUtc) => Refusal(DeploymentTrigger.Contact, nowUtc) is null;

    public bool CanConfirm(DateTime nowUtc) => Refusal(DeploymentTrigger.Confirm, nowUtc) is null;

    public bool CanDecline(DateTime nowUtc) => Refusal(DeploymentTrigger.Decline, nowUtc) is null;

    public bool CanArrive(DateTime nowUtc) => Refusal(DeploymentTrigger.Arrive, nowUtc) is null;

    public bool CanComplete(DateTime nowUtc) => Refusal(DeploymentTrigger.Complete, nowUtc) is null;

    public bool CanCancel(DateTime nowUtc) => Refusal(DeploymentTrigger.Cancel, nowUtc) is null;

    /// <summary>The states the machine lets the deployment move to now, in the order the states are declared.</summary>
    public IReadOnlyList<DeploymentState> PermittedMoves(DateTime nowUtc) =>

        // An ended deployment moves nowhere; answering without a machine keeps a long case's screen cheap
        // (building one costs about a third of a millisecond, and most of a case's deployments have ended).
        State is DeploymentState.Completed or DeploymentState.Declined or DeploymentState.Cancelled
            ? []
            : [.. Enum.GetValues<DeploymentTrigger>().Where(t => Refusal(t, nowUtc) is null).Select(TargetOf).Distinct().Order()];

    /// <summary>Moves to <paramref name="target"/> by the verb that leads there, or throws a refusal that says what is wrong.</summary>
    public void MoveTo(DeploymentState target, DateTime nowUtc)
    {
        DeploymentTrigger? trigger = TriggerFor(target);
        if (trigger is null)
        {
            throw new JourException(ErrorCodes.DeploymentMoveRefused, Messages.Nested("Deployment_" + State), Messages.Nested("Deployment_" + target));
        }

        Fire(trigger.Value, nowUtc);
    }

    /// <summary>Why <paramref name="trigger"/> cannot fire now, as a refusal ready to throw; null when it can.</summary>
    public JourException? Refusal(DeploymentTrigger trigger, DateTime nowUtc)
    {
        if (Machine.CanFire(Triggers[trigger], nowUtc, out ICollection<string>? unmet))
        {
            return null;
        }

        string from = Messages.Nested("Deployment_" + State);
        string to = Messages.Nested("Deployment_" + TargetOf(trigger));

        // Stateless leaves the list empty when the state has no transition for the trigger at all.
        return unmet is { Count: > 0 }
            ? new JourException(unmet.First(), from, to, SwedishTime.FormatLocal(FromUtc))
            : new JourException(ErrorCodes.DeploymentMoveRefused, from, to);
    }

    /// <summary>The lifecycle as a DOT or Mermaid graph, from the machine itself so docs cannot drift.</summary>
    public static string FormatGraph(bool mermaid)
    {
        var info = new Deployment().Machine.GetInfo();
        return mermaid ? MermaidGraph.Format(info) : UmlDotGraph.Format(info);
    }

    private static DeploymentState TargetOf(DeploymentTrigger trigger) => trigger switch
    {
        DeploymentTrigger.Contact => DeploymentState.Contacted,
        DeploymentTrigger.Confirm => DeploymentState.Confirmed,
        DeploymentTrigger.Decline => DeploymentState.Declined,
        DeploymentTrigger.Arrive => DeploymentState.OnSite,
        DeploymentTrigger.Complete => DeploymentState.Completed,
        _ => DeploymentState.Cancelled,
    };

    private static DeploymentTrigger? TriggerFor(DeploymentState target) =>
        Enum.GetValues<DeploymentTrigger>().Cast<DeploymentTrigger?>().FirstOrDefault(t => TargetOf(t!.Value) == target);

    private void Fire(DeploymentTrigger trigger, DateTime nowUtc)
    {
        if (Refusal(trigger, nowUtc) is { } refusal)
        {
            throw refusal;
        }

        Machine.Fire(Triggers[trigger], nowUtc);
    }

    private StateMachine<DeploymentState, DeploymentTrigger> Machine => _machine ??= Build();

    private Dictionary<DeploymentTrigger, StateMachine<DeploymentState, DeploymentTrigger>.TriggerWithParameters<DateTime>> Triggers
    {
        get
        {
            _ = Machine;
            return _triggers!;
        }
    }

    private StateMachine<DeploymentState, DeploymentTrigger> Build()
    {
        var m = new StateMachine<DeploymentState, DeploymentTrigger>(() => _state, s => _state = s);
        _triggers = Enum.GetValues<DeploymentTrigger>().ToDictionary(t => t, m.SetTriggerParameters<DateTime>);
        var t = _triggers;

        // A blocked assistant's slot is to be filled by someone else, not confirmed again.
        var notBlocked = new Tuple<Func<DateTime, bool>, string>(_ => !NeedsReplacement, ErrorCodes.GuardDeploymentNeedsReplacement);

        m.Configure(DeploymentState.Proposed)
            .Permit(DeploymentTrigger.Contact, DeploymentState.Contacted)
            .PermitIf(t[DeploymentTrigger.Confirm], DeploymentState.Confirmed, notBlocked)
            .Permit(DeploymentTrigger.Decline, DeploymentState.Declined)
            .Permit(DeploymentTrigger.Cancel, DeploymentState.Cancelled);

        m.Configure(DeploymentState.Contacted)
            .PermitIf(t[DeploymentTrigger.Confirm], DeploymentState.Confirmed, notBlocked)
            .Permit(DeploymentTrigger.Decline, DeploymentState.Declined)
            .Permit(DeploymentTrigger.Cancel, DeploymentState.Cancelled);

        // A confirmed assistant may still call off (avböjd) or be called off (avbokad) before going.
        m.Configure(DeploymentState.Confirmed)
            .PermitIf(
                t[DeploymentTrigger.Arrive],
                DeploymentState.OnSite,
                notBlocked,
                new Tuple<Func<DateTime, bool>, string>(now => now >= FromUtc - ArrivalMargin, ErrorCodes.GuardDeploymentNotStarted),
                new Tuple<Func<DateTime, bool>, string>(now => now < ToUtc, ErrorCodes.GuardDeploymentShiftOver))
            .Permit(DeploymentTrigger.Complete, DeploymentState.Completed)
            .Permit(DeploymentTrigger.Decline, DeploymentState.Declined)
            .Permit(DeploymentTrigger.Cancel, DeploymentState.Cancelled);

        // On site the shift is being worked: it can only end as worked, with its time report.
        m.Configure(DeploymentState.OnSite)
            .Permit(DeploymentTrigger.Complete, DeploymentState.Completed);

        return m;
    }
}
