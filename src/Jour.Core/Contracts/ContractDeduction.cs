namespace Jour.Core.Contracts;

/// <summary>
/// An amount deducted from the contract's compensation (seed 000: unused funds already paid for the
/// leisure activities, 343 600 kr for 16/3–5/6), with the days it concerns and why.
/// </summary>
public sealed class ContractDeduction
{
    public decimal AmountKr { get; set; }

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string Reason { get; set; } = "";
}
