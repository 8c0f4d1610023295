namespace Jour.Core.Drafts;

/// <summary>
/// A half-filled form, kept on the server so it survives a crash, a lost connection or the idle
/// lock. One per user and form.
/// </summary>
public sealed class Draft
{
    /// <summary>"{userId}/{form}".</summary>
    public string Id { get; set; } = "";

    public long UserId { get; set; }

    public string Form { get; set; } = "";

    /// <summary>The fields as the user typed them, field name to text.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    public DateTime SavedUtc { get; set; }

    public static string IdFor(long userId, string form) => $"{userId}/{form}";
}
