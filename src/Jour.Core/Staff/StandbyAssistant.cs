namespace Jour.Core.Staff;

/// <summary>A deployable assistant in the standby pool (beredskapspersonal).</summary>
public sealed class StandbyAssistant
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>Twelve digits, or empty until known; kept in full for the invoice basis.</summary>
    public string PersonalIdentityNumber { get; set; } = "";

    public EmploymentForm EmploymentForm { get; set; }

    public List<string> Competences { get; set; } = [];

    public decimal WeeklyHourLimit { get; set; } = 40;

    public bool IsBlocked { get; set; }

    public List<Delegation> Delegations { get; set; } = [];

    /// <summary>Declared availability and unavailability, in any order.</summary>
    public List<AvailabilityPeriod> Availability { get; set; } = [];

    /// <summary>Clients the assistant already knows: continuity, ranked first.</summary>
    public List<long> KnownClientIds { get; set; } = [];

    /// <summary>Clients the assistant must not be sent to.</summary>
    public List<long> ExcludedClientIds { get; set; } = [];

    /// <summary>Raised by every save, so a save over someone else's newer one is refused.</summary>
    public int Revision { get; set; }

    /// <summary>Who blocked or unblocked, when and why, newest last; kept for ever.</summary>
    public List<BlockEntry> BlockLog { get; set; } = [];

    /// <summary>Register extracts shown (lag 2010:479), oldest first; kept as the record that the check was made.</summary>
    public List<RegisterCheck> RegisterChecks { get; set; } = [];
}
