using Jour.Core.CallOuts;

namespace Jour.Storage.Postgres;

// Call-outs by SMS: a few documents a day, each with its offers and outbox, read by case or since a moment; the
// SMS settings; the ids of replies already handled and of notices already made, whose primary keys are what
// keeps two servers from handling a reply or storing a notice twice.
public sealed partial class PgJourStore
{
    public SmsSettings? LoadSmsSettings() =>
        ReadOne("SELECT doc::text FROM sms_settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsSettings), ("id", SmsSettings.SingletonId));

    public void SaveSmsSettings(SmsSettings settings) => Upsert(PgTables.SmsSettings, settings);

    public CallOut AddCallOut(CallOut callOut)
    {
        InTransaction(w => w.Insert(PgTables.CallOuts, callOut));
        return callOut;
    }

    public void UpdateCallOut(CallOut callOut) => Update(PgTables.CallOuts, callOut);

    public CallOut? FindCallOut(long id) => FindById("callouts", id, PgDocuments.CallOut);

    public IReadOnlyList<CallOut> LoadCallOutsForCase(long caseId) => Read(
        "SELECT doc::text FROM callouts WHERE case_id = @caseId ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.CallOut), ("caseId", caseId));

    public IReadOnlyList<CallOut> LoadCallOutsSince(DateTime sinceUtc) => Read(
        "SELECT doc::text FROM callouts WHERE created_utc >= @sinceUtc ORDER BY created_utc, id", r => PgDocuments.Read(r.GetString(0), PgDocuments.CallOut), ("sinceUtc", sinceUtc));

    public bool TryAddNotice(SmsNotice notice)
    {
        int added = 0;
        InTransaction(w => added = w.Execute(PgTables.SmsNotices.InsertOnce, PgTables.SmsNotices.Row(notice)));
        return added == 1;
    }

    public void UpdateNotice(SmsNotice notice) => Update(PgTables.SmsNotices, notice);

    public SmsNotice? FindNotice(string id) =>
        ReadOne("SELECT doc::text FROM sms_notices WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsNotice), ("id", id));

    public IReadOnlyList<SmsNotice> LoadNoticesSince(DateTime sinceUtc) => Read(
        "SELECT doc::text FROM sms_notices WHERE created_utc >= @sinceUtc ORDER BY created_utc, id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsNotice), ("sinceUtc", sinceUtc));

    public bool WasHandled(string smsId) => ReadCount("SELECT count(*) FROM sms_inbox WHERE id = @id", ("id", smsId)) > 0;

    public void MarkHandled(SmsInboxEntry entry) => Upsert(PgTables.SmsInbox, entry);
}
