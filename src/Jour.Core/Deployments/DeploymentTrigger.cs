namespace Jour.Core.Deployments;

/// <summary>What moves a deployment on; each takes the time, so guards never read a clock of their own.</summary>
public enum DeploymentTrigger
{
    Contact,
    Confirm,
    Decline,
    Arrive,
    Complete,
    Cancel,
}
