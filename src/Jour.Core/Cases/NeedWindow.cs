namespace Jour.Core.Cases;

/// <summary>A time window in which the client needs assistants.</summary>
public sealed class NeedWindow
{
    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    public int Assistants { get; set; } = 1;

    public List<string> Competences { get; set; } = [];

    /// <summary>
    /// Assistants confirmed for this window. Kept as a count until deployments exist
    /// (roster issue), which will derive it.
    /// </summary>
    public int Confirmed { get; set; }

    public bool IsCovered => Confirmed >= Assistants;
}
