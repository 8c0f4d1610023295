namespace Jour.Core.Handover;

/// <summary>
/// One shift change (överlämning): the period it covers, who handed over to whom, the outgoing
/// officer's notes, the summary text as it stood when handed over, and who acknowledged it when.
/// </summary>
public sealed class HandoverRecord
{
    public long Id { get; set; }

    public DateTime PeriodFromUtc { get; set; }

    public DateTime PeriodToUtc { get; set; }

    /// <summary>The signed-in officer who handed over.</summary>
    public long OutgoingId { get; set; }

    /// <summary>Who the rotation says takes over; null when nobody is on call next.</summary>
    public long? IncomingId { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>The summary as composed when handed over, lines joined by '\n', unpaged, notes included.</summary>
    public string Text { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public long? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }
}
