namespace Jour.Core.Cases;

/// <summary>One recorded step of the priority order, with when it happened and how it went.</summary>
public sealed class VerificationStep
{
    public PriorityStep Step { get; set; }

    public DateTime AtUtc { get; set; }

    public string Outcome { get; set; } = "";
}
