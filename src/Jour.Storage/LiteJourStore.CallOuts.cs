using Jour.Core.CallOuts;
using LiteDB;

namespace Jour.Storage;

// Call-outs by SMS (issue 21): a few documents a day, each with its offers and outbox; the SMS settings
// (the password encrypted at rest with the rest of the file); the ids of replies already handled.
public sealed partial class LiteJourStore
{
    private ILiteCollection<CallOut> CallOuts => _db.GetCollection<CallOut>("callouts");

    private ILiteCollection<SmsSettings> SmsSettingsCollection => _db.GetCollection<SmsSettings>("sms_settings");

    private ILiteCollection<SmsInboxEntry> SmsInbox => _db.GetCollection<SmsInboxEntry>("sms_inbox");

    private ILiteCollection<SmsNotice> SmsNotices => _db.GetCollection<SmsNotice>("sms_notices");

    public SmsSettings? LoadSmsSettings() => SmsSettingsCollection.FindById(SmsSettings.SingletonId);

    public void SaveSmsSettings(SmsSettings settings) => InTransaction(() => SmsSettingsCollection.Upsert(settings));

    public CallOut AddCallOut(CallOut callOut)
    {
        InTransaction(() => CallOuts.Insert(callOut));
        return callOut;
    }

    public void UpdateCallOut(CallOut callOut) => InTransaction(() => CallOuts.Update(callOut));

    public CallOut? FindCallOut(long id) => CallOuts.FindById(id);

    public IReadOnlyList<CallOut> LoadCallOutsForCase(long caseId) => [.. CallOuts.Find(Query.EQ(nameof(CallOut.CaseId), caseId))];

    public IReadOnlyList<CallOut> LoadCallOutsSince(DateTime sinceUtc) => [.. CallOuts.Find(Query.GTE(nameof(CallOut.CreatedUtc), sinceUtc))];

    // New collections and indexes need no schema version: EnsureIndex builds them once, a no-op afterwards.
    private void EnsureCallOutIndexes()
    {
        CallOuts.EnsureIndex(nameof(CallOut.CaseId));
        CallOuts.EnsureIndex(nameof(CallOut.CreatedUtc));
        SmsNotices.EnsureIndex(nameof(SmsNotice.CreatedUtc));
    }

    public bool TryAddNotice(SmsNotice notice)
    {
        bool added = false;
        InTransaction(() =>
        {
            if (SmsNotices.FindById(notice.Id) is null)
            {
                SmsNotices.Insert(notice);
                added = true;
            }
        });
        return added;
    }

    public void UpdateNotice(SmsNotice notice) => InTransaction(() => SmsNotices.Update(notice));

    public SmsNotice? FindNotice(string id) => SmsNotices.FindById(id);

    public IReadOnlyList<SmsNotice> LoadNoticesSince(DateTime sinceUtc) => [.. SmsNotices.Find(Query.GTE(nameof(SmsNotice.CreatedUtc), sinceUtc))];

    public bool WasHandled(string smsId) => SmsInbox.FindById(smsId) is not null;

    public void MarkHandled(SmsInboxEntry entry) => InTransaction(() => SmsInbox.Upsert(entry));
}
