using Jour.Core.CallOuts;
using Jour.Core.Operations;
using Jour.Storage;

namespace Jour.Storage.Tests;

/// <summary>Call-outs, the SMS settings and the handled replies on an encrypted file: kept whole across a reopen, sound to `jour check`.</summary>
public sealed class CallOutStoreTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 12, 6, 21, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-callout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "jour.db");

    [Fact]
    public void ACallOut_WithItsOffersAndOutbox_TheSettingsAndTheInbox_SurviveAReopen_AndTheCheckIsSound()
    {
        long id;
        using (LiteJourStore store = LiteJourStore.OpenFile(Db, "k", mayCreate: true))
        {
            store.SaveSmsSettings(new SmsSettings { Url = "https://api.46elks.com", User = "u1", Password = "hemligt", From = "+46700000000", PollSeconds = 7, ConfirmOnYes = true });
            var callOut = new CallOut
            {
                CaseId = 4,
                WindowIndex = 1,
                FromUtc = s_now.AddHours(10),
                ToUtc = s_now.AddHours(18),
                CreatedBy = 3,
                CreatedUtc = s_now,
                Offers = [new SmsOffer { AssistantId = 9, Name = "Anna Berg", To = "+46731234567", Code = "K7Q2", Answer = "yes", DeploymentId = 12 }],
                Outbox = [new SmsOutgoing { Key = "abc", To = "+46731234567", Code = "K7Q2", Kind = SmsKind.Filled, Text = "Passet är tillsatt – tack", Attempts = 2, Uncertain = true, NextAttemptUtc = s_now, InFlightSince = s_now }],
            };
            id = store.AddCallOut(callOut).Id;
            store.MarkHandled(new SmsInboxEntry { Id = "in-1", HandledUtc = s_now });
            store.WaitUntilDurable();
        }

        using (LiteJourStore reopened = LiteJourStore.OpenFile(Db, "k"))
        {
            SmsSettings settings = reopened.LoadSmsSettings()!;
            Assert.Equal(("u1", "hemligt", 7, true), (settings.User, settings.Password, settings.PollSeconds, settings.ConfirmOnYes));
            CallOut kept = Assert.Single(reopened.LoadCallOutsForCase(4));
            Assert.Equal(id, kept.Id);
            Assert.Equal(s_now, kept.CreatedUtc);
            SmsOffer offer = Assert.Single(kept.Offers);
            Assert.Equal(("K7Q2", "yes", 12L), (offer.Code, offer.Answer, offer.DeploymentId!.Value));
            SmsOutgoing text = Assert.Single(kept.Outbox);
            Assert.Equal((SmsKind.Filled, 2, true, s_now), (text.Kind, text.Attempts, text.Uncertain, text.InFlightSince!.Value));
            Assert.Single(reopened.LoadCallOutsSince(s_now.AddMinutes(-1)));
            Assert.Empty(reopened.LoadCallOutsSince(s_now.AddMinutes(1)));
            Assert.Empty(reopened.LoadCallOutsForCase(5));
            Assert.True(reopened.WasHandled("in-1"));
            Assert.False(reopened.WasHandled("in-2"));
        }

        // The password is in the encrypted file, not readable in it.
        Assert.Equal(-1, File.ReadAllBytes(Db).AsSpan().IndexOf("hemligt"u8));
        string log = LiteJourStore.LogPathOf(Db);
        Assert.True(!File.Exists(log) || File.ReadAllBytes(log).AsSpan().IndexOf("hemligt"u8) == -1);
        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        Assert.True(report.IsSound, string.Join("; ", report.Findings.Select(f => f.Code)));
    }

    [Fact]
    public void AShiftNotice_IsStoredOncePerKey_AndItsSendingSurvivesAReopen()
    {
        SmsNotice Notice() => new()
        {
            Id = "shift-3-20261207T060000Z",
            OfficerId = 3,
            CreatedUtc = s_now,
            Message = new SmsOutgoing { Key = "shift-3-20261207T060000Z", To = "+46731234567", Kind = SmsKind.ShiftSoon, Text = "Jour: Påminnelse", NextAttemptUtc = s_now },
        };
        using (LiteJourStore store = LiteJourStore.OpenFile(Db, "k", mayCreate: true))
        {
            Assert.True(store.TryAddNotice(Notice()));
            Assert.False(store.TryAddNotice(Notice()));
            SmsNotice stored = store.FindNotice("shift-3-20261207T060000Z")!;
            stored.Message.SentUtc = s_now.AddSeconds(1);
            stored.Message.ProviderId = "s1";
            store.UpdateNotice(stored);
            store.WaitUntilDurable();
        }

        using (LiteJourStore reopened = LiteJourStore.OpenFile(Db, "k"))
        {
            SmsNotice kept = Assert.Single(reopened.LoadNoticesSince(s_now.AddMinutes(-1)));
            Assert.Equal((3L, SmsKind.ShiftSoon, "s1", s_now.AddSeconds(1)), (kept.OfficerId, kept.Message.Kind, kept.Message.ProviderId, kept.Message.SentUtc!.Value));
            Assert.Empty(reopened.LoadNoticesSince(s_now.AddMinutes(1)));
            Assert.False(reopened.TryAddNotice(Notice()));
        }

        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        Assert.True(report.IsSound, string.Join("; ", report.Findings.Select(f => f.Code)));
    }
}
