namespace Jour.Core.Deployments;

/// <summary>One assistant, one time window, one case (insats), and the time actually worked.</summary>
public sealed class Deployment
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long AssistantId { get; set; }

    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    public DeploymentState State { get; set; }

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
}
