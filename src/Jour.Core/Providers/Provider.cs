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

    public IvoPermit Permit { get; set; } = IvoPermit.Granted;

    public List<ContactPerson> Contacts { get; set; } = [];

    /// <summary>Bumped on every save; a save against an older revision is refused.</summary>
    public int Revision { get; set; }
}
