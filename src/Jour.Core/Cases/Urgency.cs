namespace Jour.Core.Cases;

/// <summary>How soon help must be in place; higher is more urgent.</summary>
public enum Urgency
{
    Normal = 0,
    High = 1,
    Acute = 2,
}
