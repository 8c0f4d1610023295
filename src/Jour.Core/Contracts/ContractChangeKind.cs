namespace Jour.Core.Contracts;

public enum ContractChangeKind
{
    Added,
    Extended,

    /// <summary>Made from the settings annual-compensation, utilisation-target and capacity-hours of an older database.</summary>
    Migrated,
}
