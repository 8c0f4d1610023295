namespace Jour.Core.Staff;

/// <summary>Rules of the standby pool that are the municipality's to set (one document).</summary>
public sealed class PoolSettings
{
    public const string SingletonId = "pool";

    public string Id { get; set; } = SingletonId;

    /// <summary>How long a shown register extract counts for a child client's window (one year by default).</summary>
    public int RegisterCheckValidityMonths { get; set; } = RegisterChecks.DefaultValidityMonths;

    /// <summary>How often each assistant's hygiene self-check recurs (once a year by default).</summary>
    public int HygieneCheckIntervalMonths { get; set; } = Hygiene.HygieneRoutines.DefaultIntervalMonths;

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
