namespace Jour.Core.Roster;

/// <summary>
/// One officer on call for an interval whatever the rotation says. Never edited once stored: a
/// later override covering the same time wins, so the record of who changed what stays whole.
/// </summary>
public sealed class OnCallOverride
{
    public long Id { get; set; }

    public long OfficerId { get; set; }

    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    public OverrideKind Kind { get; set; }

    public string Reason { get; set; } = "";

    public long CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public bool Covers(DateTime instantUtc) => FromUtc <= instantUtc && instantUtc < ToUtc;
}
