namespace Jour.Core.Providers;

/// <summary>An assistance provider (assistansanordnare).</summary>
public sealed class Provider
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Ten digits, NNNNNN-NNNN.</summary>
    public string OrganisationNumber { get; set; } = "";

    public bool HasFTax { get; set; } = true;

    public ProviderStatus Status { get; set; }

    public string Phone { get; set; } = "";
}
