using System.Globalization;

namespace Jour.Core.Contracts;

/// <summary>
/// One contract period of the standby assignment (seeds 000–002): its days, its compensation (an annual
/// amount at a price level, or one sum for the whole period), the utilisation expected of the standby
/// staff's paid time, the deductions agreed, and how it is extended. Contracts never overlap, so each day
/// is counted with the one in force that day. Dates are Stockholm dates stored as yyyy-MM-dd.
/// </summary>
public sealed class Contract
{
    public long Id { get; set; }

    /// <summary>First day, inclusive.</summary>
    public string From { get; set; } = "";

    /// <summary>Last day, inclusive; empty while the contract runs until further notice (tills vidare).</summary>
    public string To { get; set; } = "";

    /// <summary>The compensation per full year, when it is given as an annual amount.</summary>
    public decimal? AnnualKr { get; set; }

    /// <summary>The year whose price level <see cref="AnnualKr"/> is stated in (seed 002: "i 2021 års nivå").</summary>
    public int? PriceLevel { get; set; }

    /// <summary>The compensation for the whole period, when it is paid as one sum (seed 001: 760 000 kr for 2022).</summary>
    public decimal? LumpSumKr { get; set; }

    /// <summary>The share of the standby staff's paid time expected to be used (seed 000: 65 %); only the rest is billed.</summary>
    public decimal UtilisationPercent { get; set; }

    /// <summary>The standby staff's paid hours per full year the compensation keeps ready; 0 when not known.</summary>
    public decimal CapacityHoursPerYear { get; set; }

    public List<ContractDeduction> Deductions { get; set; } = [];

    /// <summary>How many months one extension adds (seed 000: 2); null when the contract names none.</summary>
    public int? MonthsPerExtension { get; set; }

    /// <summary>How long before the end an extension must be decided (seed 000: 2 weeks).</summary>
    public int NoticeWeeks { get; set; } = 2;

    /// <summary>Who added, extended or migrated the contract, and when: a contract's past is kept, not rewritten.</summary>
    public List<ContractChange> History { get; set; } = [];

    public DateOnly FromDate => ParseDate(From) ?? DateOnly.MinValue;

    /// <summary>The last day, or null until further notice.</summary>
    public DateOnly? ToDate => ParseDate(To);

    /// <summary>Whether the contract is in force on <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => day >= FromDate && (ToDate is not { } to || day <= to);

    /// <summary>Whether the two contracts share at least one day.</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) =>
        (to is not { } end || FromDate <= end) && (ToDate is not { } myEnd || from <= myEnd);

    /// <summary>A stored date, or null when empty or unreadable.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;

    public static string FormatDate(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
