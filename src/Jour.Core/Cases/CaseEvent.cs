namespace Jour.Core.Cases;

/// <summary>One line of a case's timeline: a transition or a note, with who, when and why.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public long UserId { get; set; }

    public CaseState? From { get; set; }

    public CaseState? To { get; set; }

    public CaseTrigger? Trigger { get; set; }

    public string Text { get; set; } = "";
}
