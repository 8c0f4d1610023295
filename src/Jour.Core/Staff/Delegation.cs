namespace Jour.Core.Staff;

/// <summary>The right to perform a health-care task, issued by a nurse, valid for a period.</summary>
public sealed class Delegation
{
    public string Task { get; set; } = "";

    public string IssuedBy { get; set; } = "";

    public DateTime ValidFromUtc { get; set; }

    public DateTime ValidToUtc { get; set; }

    public bool Covers(DateTime fromUtc, DateTime toUtc) => ValidFromUtc <= fromUtc && toUtc <= ValidToUtc;
}
