namespace Jour.Core.Retention;

/// <summary>
/// The record of one thinning (one transaction): when, who, under which rule, what and how many. Ids and counts
/// only, never a name or a text. Written in the same transaction as the deletion, never changed or removed.
/// </summary>
public sealed class Thinning
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public long UserId { get; set; }

    /// <summary>The rule's <see cref="RetentionRule.Name"/>.</summary>
    public string Rule { get; set; } = "";

    /// <summary>What was due was last written before this instant.</summary>
    public DateTime LastEntryBeforeUtc { get; set; }

    /// <summary>The clients whose files were thinned (a file rule).</summary>
    public List<long> ClientIds { get; set; } = [];

    public int JournalEntries { get; set; }

    public int CaseEvents { get; set; }

    public int AccessLogEntries { get; set; }

    public int Drafts { get; set; }
}
