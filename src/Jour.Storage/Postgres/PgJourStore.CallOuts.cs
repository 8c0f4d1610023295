using Jour.Core.CallOuts;

namespace Jour.Storage.Postgres;

// Call-outs by SMS: a few documents a day, each with its offers and outbox, read by case or since a moment; the
// SMS settings; the ids of replies already handled and of notices already made, whose primary keys are what
// keeps two servers from handling a reply or storing a notice twice.
public sealed partial class PgJourStore
{
    public SmsSettings? LoadSmsSettings() =>
        ReadOne("SELECT doc::text FROM sms_settings WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsSettings), ("id", SmsSettings.SingletonId));

    public void SaveSmsSettings(SmsSettings settings) => InTransaction(w => w.Execute(
        "INSERT INTO sms_settings (id, doc) VALUES (@id, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
        ("id", settings.Id), ("doc", PgDocuments.Write(settings, PgDocuments.SmsSettings))));

    public CallOut AddCallOut(CallOut callOut)
    {
        InTransaction(w =>
        {
            callOut.Id = w.NewId("callouts", callOut.Id);
            w.Execute("INSERT INTO callouts (id, case_id, created_utc, doc) VALUES (@id, @caseId, @createdUtc, @doc::jsonb)", CallOutParameters(callOut));
        });
        return callOut;
    }

    public void UpdateCallOut(CallOut callOut) => InTransaction(w =>
        w.Execute("UPDATE callouts SET case_id = @caseId, created_utc = @createdUtc, doc = @doc::jsonb WHERE id = @id", CallOutParameters(callOut)));

    public CallOut? FindCallOut(long id) => FindById("callouts", id, PgDocuments.CallOut);

    public IReadOnlyList<CallOut> LoadCallOutsForCase(long caseId) => Read(
        "SELECT doc::text FROM callouts WHERE case_id = @caseId ORDER BY id", r => PgDocuments.Read(r.GetString(0), PgDocuments.CallOut), ("caseId", caseId));

    public IReadOnlyList<CallOut> LoadCallOutsSince(DateTime sinceUtc) => Read(
        "SELECT doc::text FROM callouts WHERE created_utc >= @sinceUtc ORDER BY created_utc, id", r => PgDocuments.Read(r.GetString(0), PgDocuments.CallOut), ("sinceUtc", sinceUtc));

    private static (string, object?)[] CallOutParameters(CallOut c) =>
        [("id", c.Id), ("caseId", c.CaseId), ("createdUtc", c.CreatedUtc), ("doc", PgDocuments.Write(c, PgDocuments.CallOut))];

    public bool TryAddNotice(SmsNotice notice)
    {
        int added = 0;
        InTransaction(w => added = w.Execute(
            "INSERT INTO sms_notices (id, created_utc, doc) VALUES (@id, @createdUtc, @doc::jsonb) ON CONFLICT (id) DO NOTHING", NoticeParameters(notice)));
        return added == 1;
    }

    public void UpdateNotice(SmsNotice notice) => InTransaction(w => w.Execute(
        "UPDATE sms_notices SET created_utc = @createdUtc, doc = @doc::jsonb WHERE id = @id", NoticeParameters(notice)));

    private static (string, object?)[] NoticeParameters(SmsNotice n) =>
        [("id", n.Id), ("createdUtc", n.CreatedUtc), ("doc", PgDocuments.Write(n, PgDocuments.SmsNotice))];

    public SmsNotice? FindNotice(string id) =>
        ReadOne("SELECT doc::text FROM sms_notices WHERE id = @id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsNotice), ("id", id));

    public IReadOnlyList<SmsNotice> LoadNoticesSince(DateTime sinceUtc) => Read(
        "SELECT doc::text FROM sms_notices WHERE created_utc >= @sinceUtc ORDER BY created_utc, id", r => PgDocuments.Read(r.GetString(0), PgDocuments.SmsNotice), ("sinceUtc", sinceUtc));

    public bool WasHandled(string smsId) => ReadCount("SELECT count(*) FROM sms_inbox WHERE id = @id", ("id", smsId)) > 0;

    public void MarkHandled(SmsInboxEntry entry) => InTransaction(w => w.Execute(
        "INSERT INTO sms_inbox (id, doc) VALUES (@id, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
        ("id", entry.Id), ("doc", PgDocuments.Write(entry, PgDocuments.SmsInboxEntry))));
}
