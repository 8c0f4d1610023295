namespace Jour.Core.CallOuts;

/// <summary>
/// The port to an SMS provider (46elks first): send one text, list the messages the account has sent and
/// received. Core does no I/O; the server plugs in an adapter. Every method throws
/// <see cref="SmsGatewayException"/> for a fault of the provider or the way to it.
/// </summary>
public interface ISmsGateway
{
    /// <summary>Sends one text; returns the provider's id of the message.</summary>
    Task<string> SendAsync(SmsAccount account, string to, string message, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The newest messages of the account, both directions (a test call when <paramref name="limit"/> is 1).</summary>
    Task<IReadOnlyList<SmsMessage>> ListAsync(SmsAccount account, int limit, CancellationToken cancellationToken);
}

/// <summary>Where and as whom to reach the provider; the password never leaves the server.</summary>
public sealed record SmsAccount(string Url, string User, string Password, string From);

/// <summary>
/// One message as the provider lists it; <see cref="Incoming"/> for a reply. For a text sent, <see cref="Status"/> is the
/// provider's word ("created", "sent", "delivered", "failed"; empty when not given) and <see cref="DeliveredUtc"/> when
/// it reached the phone, if it did.
/// </summary>
public sealed record SmsMessage(string Id, string From, string To, string Text, bool Incoming, DateTime CreatedUtc, string Status = "", DateTime? DeliveredUtc = null)
{
    /// <summary>The provider says the text reached the phone.</summary>
    public bool IsDelivered => string.Equals(Status, "delivered", StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider says the text will not reach the phone.</summary>
    public bool IsUndelivered => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What went wrong reaching the provider.</summary>
public enum SmsFault
{
    Unreachable,
    Unauthorized,
    RateLimited,
    ServerError,
    Timeout,
    Refused,
}

/// <summary>A fault of the provider: the kind says what the officer is told and whether a retry may have been sent.</summary>
public sealed class SmsGatewayException : Exception
{
    public SmsGatewayException(SmsFault fault, int status = 0)
        : base($"SMS gateway fault {fault} ({status})")
    {
        Fault = fault;
        Status = status;
    }

    public SmsGatewayException()
        : this(SmsFault.Unreachable)
    {
    }

    public SmsGatewayException(string message)
        : base(message)
    {
    }

    public SmsGatewayException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SmsFault Fault { get; }

    public int Status { get; }

    /// <summary>The message may have left although no answer said so: look before sending again.</summary>
    public bool Uncertain => Fault is SmsFault.Timeout or SmsFault.ServerError;

    /// <summary>The message key (Messages.tsv) that tells the officer, in Swedish by default.</summary>
    public string MessageKey => "Sms_Fault_" + Fault;
}
