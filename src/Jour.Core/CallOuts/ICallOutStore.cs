namespace Jour.Core.CallOuts;

/// <summary>Where call-outs, shift notices, the SMS settings and the handled replies are kept.</summary>
public interface ICallOutStore
{
    SmsSettings? LoadSmsSettings();

    void SaveSmsSettings(SmsSettings settings);

    CallOut AddCallOut(CallOut callOut);

    void UpdateCallOut(CallOut callOut);

    CallOut? FindCallOut(long id);

    IReadOnlyList<CallOut> LoadCallOutsForCase(long caseId);

    /// <summary>Call-outs made since <paramref name="sinceUtc"/> (replies and retries concern only recent ones).</summary>
    IReadOnlyList<CallOut> LoadCallOutsSince(DateTime sinceUtc);

    /// <summary>Stores a notice unless one with its id (the idempotency key) is stored already; says whether it was new.</summary>
    bool TryAddNotice(SmsNotice notice);

    void UpdateNotice(SmsNotice notice);

    SmsNotice? FindNotice(string id);

    /// <summary>Notices made since <paramref name="sinceUtc"/>.</summary>
    IReadOnlyList<SmsNotice> LoadNoticesSince(DateTime sinceUtc);

    bool WasHandled(string smsId);

    void MarkHandled(SmsInboxEntry entry);
}
