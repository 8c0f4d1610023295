namespace Jour.Core.Staff;

/// <summary>How a standby assistant is employed (anställningsform); decides pay and how far ahead they can be planned.</summary>
public enum EmploymentForm
{
    /// <summary>Timanställd: called in by the hour, the usual form for the standby pool.</summary>
    Hourly,

    /// <summary>Visstidsanställd: employed for a fixed period.</summary>
    FixedTerm,

    /// <summary>Tillsvidareanställd: permanent.</summary>
    Permanent,
}
