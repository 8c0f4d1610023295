namespace Jour.Core.AccessLog;

/// <summary>One read of sensitive data: who, when, which client, what, why. Append-only.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public long UserId { get; set; }

    /// <summary>The client whose data was read; 0 when it was a standby assistant's (<see cref="AssistantId"/>).</summary>
    public long ClientId { get; set; }

    public long? AssistantId { get; set; }

    public AccessedData What { get; set; }

    public AccessBasis Basis { get; set; }

    /// <summary>The open case that gave access, when <see cref="Basis"/> is <see cref="AccessBasis.OnCase"/>.</summary>
    public long? CaseId { get; set; }

    /// <summary>The reason the user stated (required for emergency access).</summary>
    public string Reason { get; set; } = "";

    public bool IsEmergency => Basis == AccessBasis.Emergency;
}
