namespace Jour.Core.FollowUp;

/// <summary>
/// The invoicing settings (one document): who invoices whom. The contract period, compensation, expected
/// utilisation and paid hours were settings here until schema 4; they are contracts now
/// (<see cref="Contracts.Contract"/>), made from the old fields when an older database is first opened.
/// </summary>
public sealed class FollowUpSettings
{
    public const string SingletonId = "followup";

    /// <summary>What a database before schema 4 counted with when its settings held no compensation (seed 000's figure).</summary>
    public const decimal DefaultAnnualCompensation = 1_787_000m;

    public const decimal DefaultUtilisationTargetPercent = 65m;

    /// <summary>Seed 000: "Betalning sker trettio (30) dagar efter mottagen och godkänd faktura".</summary>
    public const int DefaultPaymentTermDays = 30;

    public const int MaxPaymentTermDays = 365;

    /// <summary>Two full-time standby assistants (about 1,750 h each), the old default of capacity-hours.</summary>
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

    /// <summary>Days from the invoice date to the due date (seed 000: paid 30 days after the invoice); 30 in a database from before it was a setting.</summary>
    public int PaymentTermDays { get; set; } = DefaultPaymentTermDays;

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>A stored date, or null when empty or unreadable.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly d) ? d : null;
}
