namespace Jour.Core.Incidents;

/// <summary>
/// A measure MAS/MAR requires after an incident (seed 000: the operator must take the measures the medically
/// responsible point out): what, who answers for it, by when, and when it was done. Who is responsible is a name
/// as written, not a Jour user: it is often the provider's manager or a unit, who never sign in here.
/// </summary>
public sealed class RequiredMeasure
{
    /// <summary>1, 2, 3… within the incident.</summary>
    public int Number { get; set; }

    public string What { get; set; } = "";

    public string Responsible { get; set; } = "";

    /// <summary>The last local day, yyyy-MM-dd.</summary>
    public string DueOn { get; set; } = "";

    public long RequiredBy { get; set; }

    public DateTime RequiredUtc { get; set; }

    /// <summary>The local day it was done, yyyy-MM-dd; empty until then. Set once, never cleared.</summary>
    public string DoneOn { get; set; } = "";

    public long? DoneBy { get; set; }

    public DateTime? DoneUtc { get; set; }

    public bool IsDone => DoneOn.Length > 0;
}
