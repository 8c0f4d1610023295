namespace Jour.Core.CallOuts;

/// <summary>
/// One call-out: a window of a case offered by SMS to several assistants at once, the first yes taken.
/// Its offers say who was asked and what they answered; its outbox holds every text to send, each with an
/// idempotency key stored before the first attempt, so a retry never sends a text twice.
/// </summary>
public sealed class CallOut
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The window by its order on the case (as the candidates screen counts).</summary>
    public int WindowIndex { get; set; }

    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    /// <summary>How many yeses fill it (the window's assistants still missing when it went out).</summary>
    public int Needed { get; set; } = 1;

    public long CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Filled (every yes needed came) or withdrawn: a yes now gets a polite no.</summary>
    public bool IsClosed { get; set; }

    public List<SmsOffer> Offers { get; set; } = [];

    public List<SmsOutgoing> Outbox { get; set; } = [];
}

/// <summary>One assistant asked: the number as sent (E.164), the reply code, the answer.</summary>
public sealed class SmsOffer
{
    public long AssistantId { get; set; }

    public string Name { get; set; } = "";

    public string To { get; set; } = "";

    public string Code { get; set; } = "";

    /// <summary>"yes", "no" or empty while unanswered.</summary>
    public string Answer { get; set; } = "";

    public DateTime? AnsweredUtc { get; set; }

    /// <summary>Nothing more is expected of this offer (answered, filled by someone else, withdrawn).</summary>
    public bool IsClosed { get; set; }

    public long? DeploymentId { get; set; }

    /// <summary>Why a yes could not be taken (the officer's words), or empty.</summary>
    public string Refusal { get; set; } = "";
}

/// <summary>What a text in the outbox is.</summary>
public enum SmsKind
{
    Offer,
    Filled,
    Late,
    Ineligible,
    AskCode,

    /// <summary>To an officer, a set time before their on-call shift.</summary>
    ShiftSoon,

    /// <summary>To an officer whose future shifts an override, a swap or a rotation edit changed.</summary>
    ShiftChanged,
}

/// <summary>One text to send; <see cref="Key"/> is stored before the first attempt.</summary>
public sealed class SmsOutgoing
{
    public string Key { get; set; } = "";

    public string To { get; set; } = "";

    /// <summary>The offer's code this text belongs to.</summary>
    public string Code { get; set; } = "";

    public SmsKind Kind { get; set; }

    public string Text { get; set; } = "";

    public int Attempts { get; set; }

    public DateTime? FirstAttemptUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public string ProviderId { get; set; } = "";

    /// <summary>The last fault's message key, empty when none.</summary>
    public string LastFault { get; set; } = "";

    /// <summary>An attempt whose outcome is unknown (a time-out, a 5xx, a stop mid-send): look at the provider's list before sending again.</summary>
    public bool Uncertain { get; set; }

    /// <summary>Set while an attempt is under way; found set at a start, the attempt's outcome is unknown.</summary>
    public DateTime? InFlightSince { get; set; }

    /// <summary>What the provider's list said of the sent text at last: "delivered", "failed", or empty while unknown. Recorded once.</summary>
    public string Delivery { get; set; } = "";

    /// <summary>When it was delivered (the provider's time) or found failed (ours); null while unknown.</summary>
    public DateTime? DeliveryUtc { get; set; }
}

/// <summary>A reply fetched from the provider and handled, by the provider's id, so it is handled once.</summary>
public sealed class SmsInboxEntry
{
    public string Id { get; set; } = "";

    public DateTime HandledUtc { get; set; }
}

/// <summary>
/// A text to an officer about their own on-call shifts (one before a shift, one for a change). Its id is the
/// idempotency key, built from what it is about (the officer and the shift, or the change), so the same
/// notice is never stored, and so never sent, twice; it lives in the database and survives a restart.
/// </summary>
public sealed class SmsNotice
{
    public string Id { get; set; } = "";

    public long OfficerId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public SmsOutgoing Message { get; set; } = new();
}
