using Jour.Core.CallOuts;
using Jour.Storage.Postgres;
using Jour.Testing;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every <see cref="ICallOutStore"/> does, whichever database is under it.</summary>
public abstract class CallOutStoreContract<TStore>(IStores<TStore> stores) : StoreContract<TStore>(stores)
    where TStore : ICallOutStore
{
    private static readonly DateTime s_now = At(2026, 12, 6, 21);

    [Fact]
    public void ACallOut_WithItsOffersAndOutbox_ReadsBackAsWritten_ByCaseAndSinceAMoment()
    {
        TStore store = Stores.Open();
        var callOut = new CallOut
        {
            CaseId = 4, WindowIndex = 1, FromUtc = s_now.AddHours(10), ToUtc = s_now.AddHours(18), Needed = 2, CreatedBy = 3, CreatedUtc = s_now,
            Offers = [new SmsOffer { AssistantId = 9, Name = "Anna Berg", To = "+46731234567", Code = "K7Q2", Answer = "yes", AnsweredUtc = s_now.AddMinutes(3), DeploymentId = 12 }],
            Outbox = [new SmsOutgoing { Key = "abc", To = "+46731234567", Code = "K7Q2", Kind = SmsKind.Filled, Text = "Passet är tillsatt – tack", Attempts = 2, Uncertain = true, NextAttemptUtc = s_now, InFlightSince = s_now }],
        };

        CallOut added = store.AddCallOut(callOut);
        store.AddCallOut(new CallOut { CaseId = 5, CreatedUtc = s_now.AddHours(-2) });

        Assert.True(added.Id > 0);
        Assert.Equal(Whole(callOut), Whole(store.FindCallOut(added.Id)));
        Assert.Equal(Whole(callOut), Whole(Assert.Single(store.LoadCallOutsForCase(4))));
        Assert.Equal([4L], store.LoadCallOutsSince(s_now).Select(c => c.CaseId));
        Assert.Equal([4L, 5L], store.LoadCallOutsSince(s_now.AddHours(-2)).Select(c => c.CaseId).Order());
        Assert.Empty(store.LoadCallOutsSince(s_now.AddMinutes(1)));
        Assert.Empty(store.LoadCallOutsForCase(6));
        Assert.Null(store.FindCallOut(added.Id + 1000));

        added.IsClosed = true;
        added.Offers[0].IsClosed = true;
        store.UpdateCallOut(added);
        CallOut closed = store.FindCallOut(added.Id)!;
        Assert.True(closed.IsClosed && closed.Offers[0].IsClosed);
    }

    [Fact]
    public void TheSmsSettings_AreNullUntilSaved_ThenTheLastSaved()
    {
        TStore store = Stores.Open();
        Assert.Null(store.LoadSmsSettings());

        store.SaveSmsSettings(new SmsSettings { Url = "https://a", User = "u0", Password = "p0", From = "Jour" });
        store.SaveSmsSettings(new SmsSettings { Url = "https://api.46elks.com", User = "u1", Password = "hemligt", From = "+46700000000", PollSeconds = 7, ConfirmOnYes = true, ShiftNoticeMinutes = 30, UpdatedBy = 2, UpdatedUtc = s_now });

        SmsSettings read = store.LoadSmsSettings()!;
        Assert.Equal(("u1", "hemligt", 7, true, 30, s_now), (read.User, read.Password, read.PollSeconds, read.ConfirmOnYes, read.ShiftNoticeMinutes, read.UpdatedUtc));
        Assert.True(read.IsConfigured);
    }

    [Fact]
    public void AReply_IsHandledOnce_AndANotice_IsStoredOncePerKey()
    {
        TStore store = Stores.Open();
        Assert.False(store.WasHandled("in-1"));
        store.MarkHandled(new SmsInboxEntry { Id = "in-1", HandledUtc = s_now });
        store.MarkHandled(new SmsInboxEntry { Id = "in-1", HandledUtc = s_now.AddSeconds(1) });
        Assert.True(store.WasHandled("in-1"));
        Assert.False(store.WasHandled("in-2"));

        Assert.True(store.TryAddNotice(Notice()));
        Assert.False(store.TryAddNotice(Notice()));
        SmsNotice stored = store.FindNotice(Notice().Id)!;
        stored.Message.SentUtc = s_now.AddSeconds(1);
        stored.Message.ProviderId = "s1";
        store.UpdateNotice(stored);

        SmsNotice kept = Assert.Single(store.LoadNoticesSince(s_now.AddMinutes(-1)));
        Assert.Equal((3L, SmsKind.ShiftSoon, "s1", s_now.AddSeconds(1)), (kept.OfficerId, kept.Message.Kind, kept.Message.ProviderId, kept.Message.SentUtc!.Value));
        Assert.Empty(store.LoadNoticesSince(s_now.AddMinutes(1)));
        Assert.Null(store.FindNotice("other"));
    }

    [Fact]
    public void TwoServersAddingTheSameNotice_StoreItOnce()
    {
        TStore one = Stores.Open();
        TStore two = Stores.OpenAgain(one);
        for (int round = 0; round < 10; round++)
        {
            string id = $"shift-3-{round}";
            bool[] added = AtOnce(Stores, () => one.TryAddNotice(Notice(id)), () => two.TryAddNotice(Notice(id)));

            Assert.Single(added, true);
        }

        Assert.Equal(10, one.LoadNoticesSince(s_now.AddMinutes(-1)).Count);
    }

    private static SmsNotice Notice(string id = "shift-3-20261207T060000Z") => new()
    {
        Id = id,
        OfficerId = 3,
        CreatedUtc = s_now,
        Message = new SmsOutgoing { Key = id, To = "+46731234567", Kind = SmsKind.ShiftSoon, Text = "Jour: Påminnelse", NextAttemptUtc = s_now },
    };
}

public sealed class LiteCallOutStoreTests() : CallOutStoreContract<LiteJourStore>(new LiteStores());

public sealed class PgCallOutStoreTests(PostgresCluster cluster) : CallOutStoreContract<PgJourStore>(new PgStores(cluster));
