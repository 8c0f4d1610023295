namespace Jour.Core.Contracts;

/// <summary>One entry of a contract's history: who did what, when, and the end date before and after.</summary>
public sealed class ContractChange
{
    public DateTime AtUtc { get; set; }

    /// <summary>The user; 0 for the migration of the old settings.</summary>
    public long UserId { get; set; }

    public ContractChangeKind Kind { get; set; }

    /// <summary>The last day before the change (empty: until further notice, or none before it was added).</summary>
    public string PreviousTo { get; set; } = "";

    public string NewTo { get; set; } = "";
}
