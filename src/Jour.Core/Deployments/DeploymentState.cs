namespace Jour.Core.Deployments;

/// <summary>föreslagen, kontaktad, bekräftad, avböjd, på plats, genomförd, avbokad.</summary>
public enum DeploymentState
{
    Proposed,
    Contacted,
    Confirmed,
    Declined,
    OnSite,
    Completed,
    Cancelled,
}
