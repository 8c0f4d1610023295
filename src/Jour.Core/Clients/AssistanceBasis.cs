namespace Jour.Core.Clients;

/// <summary>What the client's personal assistance is granted under.</summary>
public enum AssistanceBasis
{
    Unknown,

    /// <summary>LSS 9 § 2, decided by the municipality.</summary>
    Lss,

    /// <summary>Assistansersättning under socialförsäkringsbalken (Försäkringskassan).</summary>
    Sfb,
}
