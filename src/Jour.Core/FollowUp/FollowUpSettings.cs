namespace Jour.Core.FollowUp;

/// <summary>
/// The contract and invoicing settings (one document): who invoices whom, the contract period, the
/// fixed annual compensation and the utilisation target the council follows up against.
/// </summary>
public sealed class FollowUpSettings
{
    public const string SingletonId = "followup";

    /// <summary>The first contract's figures (seeds 000, 002); admin or finance adjusts them.</summary>
    public const decimal DefaultAnnualCompensation = 1_787_000m;

    public const decimal DefaultUtilisationTargetPercent = 65m;

    /// <summary>Two full-time standby assistants (about 1,750 h each): what the fixed compensation keeps ready.</summary>
    public const decimal DefaultCapacityHoursPerYear = 3_500m;

    public string Id { get; set; } = SingletonId;

    /// <summary>The invoicing organisation (utföraren), e.g. Leanlink LSS Funktionsstöd.</summary>
    public string SupplierName { get; set; } = "";

    public string OrganisationNumber { get; set; } = "";

    public string VatNumber { get; set; } = "";

    /// <summary>The F-tax line the invoice must carry, e.g. "Godkänd för F-skatt".</summary>
    public string FTax { get; set; } = "";

    /// <summary>The ordering party (beställaren).</summary>
    public string CustomerName { get; set; } = "";

    public string CustomerReference { get; set; } = "";

    public string InvoiceAddress { get; set; } = "";

    /// <summary>First day of the contract period, yyyy-MM-dd (Stockholm date); empty when not set.</summary>
    public string ContractStart { get; set; } = "";

    /// <summary>Last day of the contract period, inclusive, yyyy-MM-dd; empty when open-ended.</summary>
    public string ContractEnd { get; set; } = "";

    public decimal AnnualCompensation { get; set; } = DefaultAnnualCompensation;

    public decimal UtilisationTargetPercent { get; set; } = DefaultUtilisationTargetPercent;

    public decimal CapacityHoursPerYear { get; set; } = DefaultCapacityHoursPerYear;

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateOnly? ContractStartDate => ParseDate(ContractStart);

    public DateOnly? ContractEndDate => ParseDate(ContractEnd);

    /// <summary>A stored date, or null when empty or unreadable.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly d) ? d : null;
}
