namespace Jour.Core.Incidents;

/// <summary>A complaint or a view: from whom, about what, the answer and where it stands.</summary>
public sealed class Complaint
{
    public long Id { get; set; }

    public ComplaintKind Kind { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public long RegisteredBy { get; set; }

    /// <summary>Who complained: a client, a representative, a provider, an assistant (free text).</summary>
    public string From { get; set; } = "";

    public string About { get; set; } = "";

    public long? ClientId { get; set; }

    public long? CaseId { get; set; }

    public long? AssistantId { get; set; }

    public string Answer { get; set; } = "";

    public DateTime? AnsweredUtc { get; set; }

    public RecordStatus Status { get; set; }

    /// <summary>The local day the complaint was escalated to the committee (nämnden), yyyy-MM-dd; empty when not.</summary>
    public string EscalatedOn { get; set; } = "";

    /// <summary>The local day the committee answered, yyyy-MM-dd; empty until it has.</summary>
    public string CommitteeAnsweredOn { get; set; } = "";

    public int Revision { get; set; }
}
