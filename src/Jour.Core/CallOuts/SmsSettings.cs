namespace Jour.Core.CallOuts;

/// <summary>
/// The SMS gateway's settings (one document in the encrypted database, so the password is encrypted at rest
/// with the database key and is never in jour.json, a log or an answer).
/// </summary>
public sealed class SmsSettings
{
    public const string SingletonId = "sms";

    public const int DefaultPollSeconds = 20;

    public const int MinPollSeconds = 1;

    public const int MaxPollSeconds = 3600;

    public const int DefaultShiftNoticeMinutes = 60;

    /// <summary>The longest lead of a shift notice: a day.</summary>
    public const int MaxShiftNoticeMinutes = 1440;

    public string Id { get; set; } = SingletonId;

    public string Url { get; set; } = "";

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender shown on the phone: E.164 or an alphanumeric name of at most 11 characters.</summary>
    public string From { get; set; } = "";

    /// <summary>How often the server fetches replies.</summary>
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    /// <summary>The first yes becomes a confirmed deployment rather than a proposed one.</summary>
    public bool ConfirmOnYes { get; set; }

    /// <summary>How long before an on-call shift its officer gets an SMS; 0 sends none.</summary>
    public int ShiftNoticeMinutes { get; set; } = DefaultShiftNoticeMinutes;

    public long UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public bool IsConfigured => Url.Length > 0 && User.Length > 0 && Password.Length > 0 && From.Length > 0;

    public SmsAccount Account => new(Url, User, Password, From);
}
