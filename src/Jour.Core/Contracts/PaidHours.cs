namespace Jour.Core.Contracts;

/// <summary>
/// One standby assistant's paid hours in one month, as payroll reports them (<c>jour import paid-hours</c>),
/// and the hours of them worked in the organisation's other contracts. Seed 000: the staff are paid in full,
/// their paid time is expected to be used 65 % in the assignment or in other contracts, and only the time
/// that cannot be used is billed. One document per assistant and month: a later file for the same month
/// replaces it (payroll corrects its own file).
/// </summary>
public sealed class PaidHours
{
    /// <summary>"{assistant id}:{yyyy-MM}", so a month is stored once per assistant.</summary>
    public string Id { get; set; } = "";

    public long AssistantId { get; set; }

    /// <summary>The month, yyyy-MM.</summary>
    public string Month { get; set; } = "";

    /// <summary>The hours the assistant was paid for in the month.</summary>
    public decimal Hours { get; set; }

    /// <summary>The hours of <see cref="Hours"/> worked in the organisation's other contracts (used, not billed here).</summary>
    public decimal OtherContractHours { get; set; }

    public long ImportedBy { get; set; }

    public DateTime ImportedUtc { get; set; }

    public static string KeyOf(long assistantId, string month) => assistantId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + month;
}
