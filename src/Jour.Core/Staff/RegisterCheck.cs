using Jour.Core.Common;
using Jour.Core.Identity;

namespace Jour.Core.Staff;

/// <summary>
/// An extract from the criminal-records register that the assistant showed (lag 2010:479 om registerkontroll
/// av personal som utför vissa insatser åt barn med funktionsnedsättning): the day it was shown and who
/// checked it. The extract itself is never kept.
/// </summary>
public sealed class RegisterCheck
{
    /// <summary>The local date it was shown, yyyy-MM-dd.</summary>
    public string ShownOn { get; set; } = "";

    public long CheckedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}

/// <summary>A child client's window asks for a register check valid on <paramref name="Date"/>: shown at most <paramref name="ValidityMonths"/> before.</summary>
public sealed record RegisterCheckDemand(DateOnly Date, int ValidityMonths)
{
    /// <summary>Whether one of the checks was shown on or before the date and is still within its validity then.</summary>
    public bool IsMetBy(IEnumerable<RegisterCheck> checks) =>
        checks.Any(c => IsoDate.Parse(c.ShownOn) is { } shown && shown <= Date && RegisterChecks.ValidUntil(shown, ValidityMonths) >= Date);
}

/// <summary>The rule of lag 2010:479 as Jour applies it: who counts as a child, and how long a check holds.</summary>
public static class RegisterChecks
{
    public const int DefaultValidityMonths = 12;

    public const int MaxValidityMonths = 60;

    /// <summary>The age below which the law asks for a register check.</summary>
    public const int AdultAge = 18;

    /// <summary>What a window on <paramref name="date"/> asks of an assistant, or null when the client is an adult then (or their number is unknown).</summary>
    public static RegisterCheckDemand? DemandFor(string clientNumber, DateOnly date, int validityMonths)
    {
        if (!PersonalIdentityNumber.TryParse(clientNumber, date, out PersonalIdentityNumber number, out _))
        {
            return null;
        }

        return number.BirthDate.AddYears(AdultAge) > date ? new RegisterCheckDemand(date, validityMonths) : null;
    }

    /// <summary>The last day a check shown on <paramref name="shown"/> counts: shown 2026-03-01, valid for 12 months, counts through 2027-02-28.</summary>
    public static DateOnly ValidUntil(DateOnly shown, int validityMonths) => shown.AddMonths(validityMonths).AddDays(-1);

    /// <summary>The latest check by the day it was shown, or null.</summary>
    public static RegisterCheck? Latest(IEnumerable<RegisterCheck> checks) =>
        checks.Where(c => IsoDate.Parse(c.ShownOn) is not null).MaxBy(c => IsoDate.Parse(c.ShownOn));
}
