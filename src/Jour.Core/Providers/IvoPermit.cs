namespace Jour.Core.Providers;

/// <summary>The provider's permit from IVO to run personal assistance.</summary>
public enum IvoPermit
{
    Unknown,
    Granted,
    Applied,
    Revoked,
}
