using Jour.Core.CallOuts;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.CallOuts;

/// <summary>
/// Shift notices by SMS on the demo rotation (07:00/19:00 Stockholm, five officers in turn): a set time before
/// a shift, and to whoever's shifts an override, a swap, a take-over or a rotation edit changed.
/// </summary>
public sealed class ShiftNoticeTests : IDisposable
{
    // Saturday 24 October 2026, 14:00 in Stockholm; the night shift starts at 19:00 (17:00 UTC) and ends on the fall-back night.
    private static readonly DateTime s_now = new(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_nightStart = new(2026, 10, 24, 17, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly FakeSmsGateway _sms;
    private JourUseCases _useCases;

    public ShiftNoticeTests()
    {
        DemoData.Seed(_store, _time);
        _sms = new FakeSmsGateway(_time);
        _useCases = NewUseCases(_sms);
        var admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(Role.Admin)).Id, "");
        Assert.Null(_useCases.SaveSmsSettingsAsync(admin, new SaveSmsSettings("https://api.example", "u", "pw", "+46700000000", 5, null), Ct).GetAwaiter().GetResult().Check);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Reminder_GoesAnHourBefore_ToTheIncomingOfficer_Once_EvenAfterARestart()
    {
        OnCallSlot night = _useCases.GetOnCallAt(s_nightStart).Current!;
        _time.SetUtcNow(s_nightStart.AddMinutes(-61));
        Poll();
        Assert.Empty(Texts(SmsKind.ShiftSoon));

        _time.SetUtcNow(s_nightStart.AddMinutes(-59));
        Poll();
        Poll();

        var sent = Assert.Single(_sms.Sent);
        Assert.Equal(PhoneNumber.ToE164(night.OfficerPhone), sent.To);
        Assert.Equal("Jour: Påminnelse, du har jour 2026-10-24 19:00-07:00.", sent.Text);
        Assert.Equal($"shift-{night.OfficerId}-20261024T170000Z", Assert.Single(_sms.Keys));

        // A new server on the same file: the notice is stored as sent, so it does not go again.
        var after = new FakeSmsGateway(_time);
        _useCases = NewUseCases(after);
        Poll();
        Assert.Empty(after.Sent);
    }

    [Fact]
    public void Reminder_TheLeadIsTheSetting_AndZeroSendsNone()
    {
        Save(new SaveSmsSettings(null, null, null, null, null, null, 120));
        _time.SetUtcNow(s_nightStart.AddMinutes(-121));
        Poll();
        Assert.Empty(_sms.Sent);

        Save(new SaveSmsSettings(null, null, null, null, null, null, 0));
        _time.SetUtcNow(s_nightStart.AddMinutes(-90));
        Poll();
        Assert.Empty(_sms.Sent);

        Save(new SaveSmsSettings(null, null, null, null, null, null, 120));
        Poll();
        Assert.Single(_sms.Sent);
        Assert.Equal(120, _useCases.GetSmsSettings().ShiftNoticeMinutes);

        var refused = Assert.Throws<JourException>(() => Save(new SaveSmsSettings(null, null, null, null, null, null, 1441)));
        Assert.Equal(ErrorCodes.ShiftNoticeInvalid, refused.Code);
    }

    [Fact]
    public void Override_TellsTheOfficerWhoLosesTheShift_AndTheOneWhoGetsIt_NotTheCoordinatorWhoMadeIt()
    {
        DateTime dayStart = s_nightStart.AddHours(13); // Sunday 07:00 (06:00 UTC), after the fall-back night
        OnCallSlot day = _useCases.GetOnCallAt(dayStart).Current!;
        var coordinator = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(Role.Coordinator)).Id, "");
        OfficerSummary cover = _useCases.GetOfficers().First(o => o.Id != day.OfficerId && o.Id != coordinator.UserId);

        _useCases.AddOverride(coordinator, new OverrideRequest(cover.Id, dayStart, day.EndUtc, "Sjuk"));
        Poll();

        var texts = Texts(SmsKind.ShiftChanged);
        Assert.Equal(2, texts.Count);
        Assert.Equal("Jour: Ditt jourschema har ändrats. Inte längre ditt: 2026-10-25 07:00-19:00.", texts.Single(t => t.To == PhoneNumber.ToE164(day.OfficerPhone)).Text);
        Assert.Equal("Jour: Ditt jourschema har ändrats. Nytt pass: 2026-10-25 07:00-19:00.", texts.Single(t => t.To == PhoneNumber.ToE164(cover.Phone)).Text);
        Assert.DoesNotContain(texts, t => t.Text.Contains("Sjuk", StringComparison.Ordinal));
    }

    [Fact]
    public void Override_OfPartOfAShift_TellsTheOfficerWhatIsLeft()
    {
        DateTime dayStart = s_nightStart.AddHours(13);
        OnCallSlot day = _useCases.GetOnCallAt(dayStart).Current!;
        var coordinator = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(Role.Coordinator)).Id, "");
        OfficerSummary cover = _useCases.GetOfficers().First(o => o.Id != day.OfficerId && o.Id != coordinator.UserId);

        _useCases.AddOverride(coordinator, new OverrideRequest(cover.Id, dayStart.AddHours(1), day.EndUtc, "Tandläkare"));
        Poll();

        var texts = Texts(SmsKind.ShiftChanged);
        Assert.Equal("Jour: Ditt jourschema har ändrats. Inte längre ditt: 2026-10-25 08:00-19:00.", texts.Single(t => t.To == PhoneNumber.ToE164(day.OfficerPhone)).Text);
        Assert.Equal("Jour: Ditt jourschema har ändrats. Nytt pass: 2026-10-25 08:00-19:00.", texts.Single(t => t.To == PhoneNumber.ToE164(cover.Phone)).Text);
    }

    [Fact]
    public void TakeOver_TellsOnlyTheOfficerRelieved()
    {
        OnCallSlot current = _useCases.GetOnCallAt(s_now).Current!;
        OfficerSummary taker = _useCases.GetOfficers().First(o => o.Id != current.OfficerId);

        _useCases.TakeOver(_useCases.SignIn(taker.Id, ""));
        Poll();

        var text = Assert.Single(Texts(SmsKind.ShiftChanged));
        Assert.Equal(PhoneNumber.ToE164(current.OfficerPhone), text.To);
        Assert.Equal("Jour: Ditt jourschema har ändrats. Inte längre ditt: 2026-10-24 14:00-19:00.", text.Text);
    }

    [Fact]
    public void Swap_TellsBothWhatTheyGaveAndGot()
    {
        DateTime a = s_nightStart.AddHours(1), b = s_nightStart.AddHours(15);
        OnCallSlot first = _useCases.GetOnCallAt(a).Current!, second = _useCases.GetOnCallAt(b).Current!;
        var admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles == Role.Admin).Id, "");

        _useCases.Swap(admin, new SwapRequest(a, b, "Byte"));
        Poll();

        var texts = Texts(SmsKind.ShiftChanged);
        Assert.Equal(2, texts.Count);
        string toFirst = texts.Single(t => t.To == PhoneNumber.ToE164(first.OfficerPhone)).Text;
        Assert.Equal("Jour: Ditt jourschema har ändrats. Nytt pass: 2026-10-25 07:00-19:00. Inte längre ditt: 2026-10-24 19:00-07:00.", toFirst);
        Assert.Contains("Nytt pass: 2026-10-24 19:00-07:00.", texts.Single(t => t.To == PhoneNumber.ToE164(second.OfficerPhone)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RotationEdit_TellsEveryoneWhoseNextFourWeeksChanged_OnceAText_WithHowManyMore()
    {
        var coordinator = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(Role.Coordinator)).Id, "");
        RotationData rotation = _useCases.GetRotation()!;

        // Drop the last officer: every shift from tomorrow on moves.
        _useCases.SaveRotation(coordinator, rotation with { OfficerIds = [.. rotation.OfficerIds.SkipLast(1)], ValidFromUtc = s_now.AddDays(1) });
        Poll();
        Poll();

        var texts = Texts(SmsKind.ShiftChanged);
        Assert.Equal(texts.Count, texts.Select(t => t.To).Distinct().Count());
        Assert.InRange(texts.Count, 4, 5);
        string dropped = PhoneNumber.ToE164(_store.FindUser(rotation.OfficerIds[^1])!.Phone)!;
        string toDropped = texts.Single(t => t.To == dropped).Text;
        Assert.StartsWith("Jour: Ditt jourschema har ändrats. Inte längre ditt: ", toDropped, StringComparison.Ordinal);
        Assert.DoesNotContain("Nytt pass", toDropped, StringComparison.Ordinal);
        Assert.Matches(@"\(\+\d+ till, se jourschemat\.\)$", toDropped);
    }

    [Fact]
    public void AFault_LeavesTheNoticeQueued_AndTheRetrySendsItOnce()
    {
        _sms.Fail(SmsFault.ServerError);
        _time.SetUtcNow(s_nightStart.AddMinutes(-30));
        Poll();
        Assert.Empty(_sms.Sent);

        _time.Advance(TimeSpan.FromSeconds(6));
        Poll();
        _time.Advance(TimeSpan.FromMinutes(10));
        Poll();

        Assert.Single(_sms.Sent);
        Assert.Single(_sms.Keys.Distinct());
    }

    [Fact]
    public void Diff_JoinsAnOfficersAdjacentPieces_AndReportsOnlyRealChanges()
    {
        DateTime t = s_now;
        OnCallPiece P(long officer, int from, int to) => new(officer, t.AddHours(from), t.AddHours(to), null, null);

        var changes = ShiftChanges.Diff([P(1, 0, 12), P(2, 12, 24)], [P(1, 0, 6), P(1, 6, 12), P(3, 12, 18), P(2, 18, 24)]);

        Assert.False(changes.ContainsKey(1));
        Assert.Equal([new Shift(3, t.AddHours(12), t.AddHours(18))], changes[3].Gained);
        Assert.Empty(changes[3].Lost);
        Assert.Equal([new Shift(2, t.AddHours(12), t.AddHours(18))], changes[2].Lost);
        Assert.Empty(changes[2].Gained);

        // Officer 4's stretch is split in the middle and moved on at the end.
        var split = ShiftChanges.Diff([P(4, 0, 24)], [P(4, 0, 6), P(5, 6, 8), P(4, 8, 30)]);
        Assert.Equal([new Shift(4, t.AddHours(6), t.AddHours(8))], split[4].Lost);
        Assert.Equal([new Shift(4, t.AddHours(24), t.AddHours(30))], split[4].Gained);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JourUseCases NewUseCases(FakeSmsGateway sms) => new(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { Sms = sms };

    private void Poll() => _useCases.PollSmsAsync(Ct).GetAwaiter().GetResult();

    private void Save(SaveSmsSettings request)
    {
        var admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(Role.Admin)).Id, "");
        _useCases.SaveSmsSettingsAsync(admin, request, Ct).GetAwaiter().GetResult();
    }

    private List<SmsMessage> Texts(SmsKind kind) =>
        [.. _sms.Sent.Where(m => kind == SmsKind.ShiftSoon ? m.Text.Contains("Påminnelse", StringComparison.Ordinal) : m.Text.Contains("jourschema har ändrats", StringComparison.Ordinal))];
}
