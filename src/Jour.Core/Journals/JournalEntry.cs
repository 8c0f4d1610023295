namespace Jour.Core.Journals;

/// <summary>
/// One journal note. Append-only: nothing ever changes an entry, and only a thinning under the retention rules
/// deletes one (the whole series of a client, <see cref="Retention.IRetentionStore"/>); a correction is a new
/// entry whose <see cref="CorrectsId"/> names the one it corrects.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; set; }

    public long ClientId { get; set; }

    public JournalSeries Series { get; set; }

    public DateTime AtUtc { get; set; }

    public long AuthorId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The entry this one corrects, in the same client's same series; null for an ordinary note.</summary>
    public long? CorrectsId { get; set; }
}
