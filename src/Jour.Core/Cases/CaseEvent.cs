namespace Jour.Core.Cases;

/// <summary>
/// One line of a case's timeline: a transition or a note, with who, when and why. What it says is stored as
/// a message code with its arguments and rendered when read, in the reader's language (<see cref="TimelineText"/>).
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public long UserId { get; set; }

    public CaseState? From { get; set; }

    public CaseState? To { get; set; }

    public CaseTrigger? Trigger { get; set; }

    /// <summary>The message code of what the entry says (<see cref="TimelineText"/>); null for an entry stored before codes.</summary>
    public string? Code { get; set; }

    /// <summary>The code's arguments as plain values: names and free text as typed, UTC instants in ISO 8601, enum names.</summary>
    public List<string> Args { get; set; } = [];

    /// <summary>The text of an entry stored before codes (issue 17), in the language of the server that wrote it; empty when the entry has a code.</summary>
    public string Text { get; set; } = "";

    /// <summary>What the entry says, in the current UI culture.</summary>
    public string Render() => TimelineText.Render(Code, Args, Text);
}
