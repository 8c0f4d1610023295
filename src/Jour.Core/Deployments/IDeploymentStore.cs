namespace Jour.Core.Deployments;

/// <summary>Where deployments and their time reports are kept.</summary>
public interface IDeploymentStore
{
    IReadOnlyList<Deployment> LoadDeploymentsForCase(long caseId);

    /// <summary>Active or not, of every assistant, overlapping the interval.</summary>
    IReadOnlyList<Deployment> LoadDeployments(DateTime fromUtc, DateTime toUtc);

    Deployment? FindDeployment(long id);

    Deployment AddDeployment(Deployment deployment);

    void UpdateDeployment(Deployment deployment);
}
