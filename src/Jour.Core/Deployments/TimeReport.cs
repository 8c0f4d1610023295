namespace Jour.Core.Deployments;

/// <summary>
/// Actual worked time of a deployment, signed by the assistant and by the client or their
/// representative. Both personnummer are kept in full for the invoice basis.
/// </summary>
public sealed class TimeReport
{
    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public int BreakMinutes { get; set; }

    public string AssistantSignedName { get; set; } = "";

    public string AssistantPersonalNumber { get; set; } = "";

    public DateTime? AssistantSignedUtc { get; set; }

    public string ClientSignedName { get; set; } = "";

    public string ClientSignerPersonalNumber { get; set; } = "";

    public DateTime? ClientSignedUtc { get; set; }

    public long RecordedBy { get; set; }

    public bool IsSigned => AssistantSignedUtc is not null && ClientSignedUtc is not null;

    /// <summary>Elapsed time between two instants (so a DST night counts 8 or 10 hours), less breaks.</summary>
    public TimeSpan Worked => EndUtc - StartUtc - TimeSpan.FromMinutes(BreakMinutes);
}
