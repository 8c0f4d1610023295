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

    /// <summary>Whether a window from <paramref name="fromUtc"/> to <paramref name="toUtc"/> lies (partly) in the 24 hours after <paramref name="nowUtc"/>.</summary>
    public static bool WithinNextDay(DateTime fromUtc, DateTime toUtc, DateTime nowUtc) => toUtc > nowUtc && fromUtc < nowUtc.AddHours(24);

    /// <summary>A copy with its own list of competences.</summary>
    public NeedWindow Copy()
    {
        var copy = (NeedWindow)MemberwiseClone();
        copy.Competences = [.. Competences];
        return copy;
    }
}
