namespace Jour.Core.Cases;

/// <summary>One recorded step of the priority order, with when it happened and how it went.</summary>
public sealed class VerificationStep
{
    /// <summary>The step of the priority order; null for the statement that the provider's own alternatives are exhausted.</summary>
    public PriorityStep? Step { get; set; }

    public long UserId { get; set; }

    public DateTime AtUtc { get; set; }

    public string Outcome { get; set; } = "";

    /// <summary>A copy (every member is a value or a string).</summary>
    public VerificationStep Copy() => (VerificationStep)MemberwiseClone();
}
