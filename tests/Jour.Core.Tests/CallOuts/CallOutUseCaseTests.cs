using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Jour.Core.Tests.CallOuts;

public sealed class CallOutUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _officer;
    private readonly FakeSmsGateway _sms;

    public CallOutUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _sms = new FakeSmsGateway(_time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { Sms = _sms };
        _officer = _useCases.SignIn(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "");
        SmsSettingsData saved = Save(new SaveSmsSettings("https://api.example", "u", "secret-pw", "+46700000000", 5, null));
        Assert.Null(saved.Check);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("JA K7Q2", true, "K7Q2")]
    [InlineData("ja k7q2", true, "K7Q2")]
    [InlineData("  Ja  ", true, null)]
    [InlineData("Ja!", true, null)]
    [InlineData("NEJ AB3D", false, "AB3D")]
    [InlineData("nej", false, null)]
    [InlineData("Nej. ab3d", false, "AB3D")]
    public void Parse_ReadsYesOrNo_AndTheCode_InAnyCase(string text, bool yes, string? code)
    {
        SmsReply? reply = SmsReply.Parse(text);

        Assert.NotNull(reply);
        Assert.Equal(yes, reply.Yes);
        Assert.Equal(code, reply.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kanske")]
    [InlineData("jaha")]
    [InlineData("nejdå")]
    [InlineData("Vem är det?")]
    public void Parse_AnythingElse_IsNotAnAnswer(string text) => Assert.Null(SmsReply.Parse(text));

    [Theory]
    [InlineData("073-123 45 67", "+46731234567")]
    [InlineData("+46 73 123 45 67", "+46731234567")]
    [InlineData("0046731234567", "+46731234567")]
    [InlineData("abc", null)]
    public void PhoneNumber_IsWrittenAsE164(string phone, string? e164) => Assert.Equal(e164, PhoneNumber.ToE164(phone));

    [Fact]
    public void Settings_KeepThePassword_ButNeverShowIt()
    {
        SmsSettingsData shown = _useCases.GetSmsSettings();

        Assert.True(shown.PasswordSet);
        Assert.DoesNotContain("secret-pw", System.Text.Json.JsonSerializer.Serialize(shown));
        SmsSettingsData again = Save(new SaveSmsSettings(null, null, null, null, 10, null));
        Assert.True(again.PasswordSet);
        Assert.Equal("secret-pw", _store.LoadSmsSettings()!.Password);
    }

    [Fact]
    public void Settings_ATestCallThatFails_SaysSoAtOnce()
    {
        var failing = new FailingGateway(SmsFault.Unauthorized);
        _useCases.Sms = failing;

        SmsSettingsData saved = Save(new SaveSmsSettings(null, null, "wrong", null, null, null));

        Assert.Equal("Sms_Fault_Unauthorized", saved.Check);
        Assert.Contains("401", Messages.Get(saved.Check!));
    }

    [Fact]
    public void CallOut_SendsOneTextEach_ToTheTopEligible_WithWindowAreaCompetencesAndCode()
    {
        CaseDetail c = StaffingCase(["Lyft"]);
        var eligible = _useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.Where(x => x.IsEligible).Take(3).ToList();

        CallOutStatus status = Start(c, 3);

        Assert.Null(status.Fault);
        Assert.Equal(3, _sms.Sent.Count);
        Assert.Equal(eligible.Select(e => PhoneNumber.ToE164(e.Phone)), status.Lines.Select(l => l.To));
        Assert.All(status.Lines, l => Assert.NotNull(l.SentAtUtc));
        foreach (CallOutLine line in status.Lines)
        {
            string text = _sms.Sent.Single(m => m.To == line.To).Text;
            Assert.Contains("2026-10-24 22:00-07:00", text);
            Assert.True(text.Length <= 160, text);
            Assert.Contains("Umeå", text);
            Assert.Contains("Lyft", text);
            Assert.Contains("JA " + line.Code, text);
        }

        CaseDetail after = _useCases.GetCase(c.Summary.Id);
        Assert.Contains(after.Timeline, e => e.Code == TimelineText.CallOutStarted);
        Assert.Equal(3, after.Timeline.Count(e => e.Code == TimelineText.SmsSent));
    }

    [Fact]
    public void AYesThatBecomesADeployment_MarksTheCaseOnTheBoard_ANoDoesNot()
    {
        CaseDetail c = StaffingCase([]);
        CallOutStatus status = Start(c, 2);
        CaseSummary Row() => _useCases.GetOpenCases().Single(x => x.Id == c.Summary.Id);

        Reply(status.Lines[1].To, "NEJ " + status.Lines[1].Code);
        Assert.Null(Row().SmsYesUtc);
        _time.Advance(TimeSpan.FromMinutes(3));
        Reply(status.Lines[0].To, "JA " + status.Lines[0].Code);

        Assert.Equal(_time.GetUtcNow().UtcDateTime, Row().SmsYesUtc);
        Assert.Equal(Row().SmsYesUtc, _useCases.GetCase(c.Summary.Id).Summary.SmsYesUtc);
        Assert.Contains(_useCases.GetCase(c.Summary.Id).Timeline, e => e.Code == TimelineText.SmsYesTaken && e.Args[0] == status.Lines[0].Name);
    }

    [Fact]
    public void FirstYesWins_TheOthersGetTillsatt_ALateYesGetsAPoliteNo()
    {
        CaseDetail c = StaffingCase([]);
        CallOutStatus status = Start(c, 3);
        CallOutLine first = status.Lines[0], second = status.Lines[1], third = status.Lines[2];

        Reply(third.To, "NEJ " + third.Code);
        Reply(first.To, "ja " + first.Code);
        Reply(second.To, "JA");

        status = _useCases.GetCallOutStatus(c.Summary.Id);
        CallOutLine taken = status.Lines.Single(l => l.To == first.To);
        Assert.Equal("yes", taken.Answer);
        Assert.Equal("proposed", taken.DeploymentState);
        Assert.Equal("no", status.Lines.Single(l => l.To == third.To).Answer);
        CallOutLine late = status.Lines.Single(l => l.To == second.To);
        Assert.Equal("yes", late.Answer);
        Assert.Null(late.DeploymentState);

        CaseDetail detail = _useCases.GetCase(c.Summary.Id);
        DeploymentData deployment = Assert.Single(detail.Deployments);
        Assert.Equal(first.AssistantId, deployment.AssistantId);
        Assert.Equal(DeploymentState.Proposed, deployment.State);

        // The second was still open when the first yes came: "tillsatt"; then their yes: the polite no.
        var toSecond = _sms.Sent.Where(m => m.To == second.To).Select(m => m.Text).ToList();
        Assert.Contains(toSecond, t => t.StartsWith("Passet är tillsatt – tack", StringComparison.Ordinal));
        Assert.Contains(toSecond, t => t.Contains("redan tillsatt", StringComparison.Ordinal));

        // Whoever said no gets nothing more; the winner gets nothing but the offer.
        Assert.Single(_sms.Sent, m => m.To == third.To);
        Assert.Single(_sms.Sent, m => m.To == first.To);
        Assert.Contains(detail.Timeline, e => e.Code == TimelineText.SmsReply && e.Render().Contains("JA", StringComparison.Ordinal));
        Assert.Contains(detail.Timeline, e => e.Code == TimelineText.SmsLate);
    }

    [Fact]
    public void AYes_ByASetting_BecomesAConfirmedDeployment()
    {
        Save(new SaveSmsSettings(null, null, null, null, null, true));
        CaseDetail c = StaffingCase([]);
        CallOutLine line = Start(c, 2).Lines[0];

        Reply(line.To, "JA");

        Assert.Equal("confirmed", _useCases.GetCallOutStatus(c.Summary.Id).Lines[0].DeploymentState);
        Assert.Equal(CaseState.Covered, _useCases.GetCase(c.Summary.Id).Summary.State);
    }

    [Fact]
    public void AnIneligibleYes_IsAnsweredAndShownWithTheReason_AndTheNextYesIsTaken()
    {
        CaseDetail c = StaffingCase([]);
        CallOutStatus status = Start(c, 2);
        CallOutLine busy = status.Lines[0], other = status.Lines[1];

        // Between the offer and the yes, the first is sent elsewhere the same night: a double booking now.
        CaseDetail elsewhere = StaffingCase([]);
        _useCases.Assign(_officer, new AssignRequest(elsewhere.Summary.Id, 0, busy.AssistantId, DeploymentState.Confirmed, ""));
        Reply(busy.To, "JA " + busy.Code);

        status = _useCases.GetCallOutStatus(c.Summary.Id);
        CallOutLine refused = status.Lines.Single(l => l.To == busy.To);
        Assert.Null(refused.DeploymentState);
        Assert.Contains("dubbelbokning", refused.Refusal ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains(_sms.Sent, m => m.To == busy.To && m.Text.Contains("kan inte ta just det här passet", StringComparison.Ordinal));
        Assert.Contains(_useCases.GetCase(c.Summary.Id).Timeline, e => e.Code == TimelineText.SmsIneligible);
        Assert.Empty(_useCases.GetCase(c.Summary.Id).Deployments);

        Reply(other.To, "ja");
        Assert.Equal("proposed", _useCases.GetCallOutStatus(c.Summary.Id).Lines.Single(l => l.To == other.To).DeploymentState);
    }

    [Fact]
    public void ABlockedAssistant_WhoSaysYes_IsNotTaken()
    {
        CaseDetail c = StaffingCase([]);
        CallOutLine line = Start(c, 1).Lines[0];
        _useCases.SetBlocked(_officer, new BlockRequest(line.AssistantId, true, "Utreds"));

        Reply(line.To, "JA");

        CallOutLine after = _useCases.GetCallOutStatus(c.Summary.Id).Lines[0];
        Assert.Null(after.DeploymentState);
        Assert.Contains("spärrad", after.Refusal ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACode_TwoOpenOffers_AreAskedForTheCode()
    {
        CaseDetail one = StaffingCase([]);
        CallOutLine line = Start(one, 1).Lines[0];
        CaseDetail two = StaffingCase([], day: 26);
        CallOutStatus second = StartFor(two.Summary.Id, line.AssistantId);
        Assert.Equal(line.To, second.Lines.Single().To);

        Reply(line.To, "JA");

        Assert.Contains(_sms.Sent, m => m.To == line.To && m.Text.Contains("följt av koden", StringComparison.Ordinal));
        Assert.Null(_useCases.GetCallOutStatus(one.Summary.Id).Lines[0].Answer);

        Reply(line.To, "JA " + second.Lines[0].Code);
        Assert.Equal("proposed", _useCases.GetCallOutStatus(two.Summary.Id).Lines[0].DeploymentState);
        Assert.Null(_useCases.GetCallOutStatus(one.Summary.Id).Lines[0].Answer);
    }

    [Fact]
    public void AnOldYes_StillInTheProvidersList_IsNoAnswerToALaterRequest()
    {
        CaseDetail c = StaffingCase([]);
        string phone = PhoneNumber.ToE164(_useCases.GetCandidates(new CandidateRequest(c.Summary.Id, 0)).Candidates.First(x => x.IsEligible).Phone)!;
        _sms.Reply(phone, "JA");
        _time.Advance(TimeSpan.FromMinutes(30));

        CallOutLine line = Start(c, 1).Lines[0];
        Assert.Equal(phone, line.To);
        Poll();

        Assert.Null(_useCases.GetCallOutStatus(c.Summary.Id).Lines[0].Answer);
        Assert.Empty(_useCases.GetCase(c.Summary.Id).Deployments);
    }

    [Fact]
    public void AReplyIsHandledOnce_EvenWhenListedAgain()
    {
        CaseDetail c = StaffingCase([]);
        CallOutLine line = Start(c, 2).Lines[0];
        SmsMessage yes = _sms.Reply(line.To, "JA");

        Assert.True(_useCases.HandleReply(yes));
        Assert.False(_useCases.HandleReply(yes));
        Poll();

        Assert.Single(_useCases.GetCase(c.Summary.Id).Deployments);
        Assert.Single(_useCases.GetCase(c.Summary.Id).Timeline, e => e.Code == TimelineText.SmsReply);
    }

    [Fact]
    public void APollThatSeesDeliveredAndFailed_RecordsEachOnce_OnTheTextAndTheTimeline()
    {
        CaseDetail c = StaffingCase([]);
        CallOutStatus status = Start(c, 3);
        Assert.All(status.Lines, l => Assert.Null(l.Delivered));
        SmsMessage first = _sms.Sent.Single(m => m.To == status.Lines[0].To);
        SmsMessage second = _sms.Sent.Single(m => m.To == status.Lines[1].To);
        DateTime at = Local(10, 24, 14).AddMinutes(14);
        _sms.Report(first.Id, "delivered", at);
        _sms.Report(second.Id, "failed");

        Poll();
        Poll();

        CallOutStatus after = _useCases.GetCallOutStatus(c.Summary.Id);
        Assert.True(after.Lines[0].Delivered);
        Assert.False(after.Lines[1].Delivered);
        Assert.Null(after.Lines[2].Delivered);
        var timeline = _useCases.GetCase(c.Summary.Id).Timeline;
        TimelineEntry delivered = Assert.Single(timeline, e => e.Code == TimelineText.SmsDelivered);
        TimelineEntry failed = Assert.Single(timeline, e => e.Code == TimelineText.SmsUndelivered);
        Assert.Equal($"SMS till {status.Lines[0].Name} levererat 14:14 (förfrågan)", delivered.Render());
        Assert.Equal($"SMS till {status.Lines[1].Name} kunde inte levereras (förfrågan)", failed.Render());
        Assert.DoesNotContain(status.Lines[0].To, string.Join(" ", delivered.Args));
        SmsOutgoing stored = _store.LoadCallOutsForCase(c.Summary.Id).Single().Outbox.Single(m => m.ProviderId == first.Id);
        Assert.Equal("delivered", stored.Delivery);
        Assert.Equal(at, stored.DeliveryUtc);
    }

    [Fact]
    public void ADeliveryReport_ComingAfterAnUnknownOne_IsRecordedThen_AndAFailureLaterChangesNothing()
    {
        CaseDetail c = StaffingCase([]);
        CallOutLine line = Start(c, 1).Lines[0];
        SmsMessage sent = Assert.Single(_sms.Sent);

        Poll();
        Assert.Null(_useCases.GetCallOutStatus(c.Summary.Id).Lines[0].Delivered);
        _sms.Report(sent.Id, "delivered", s_now);
        Poll();
        _sms.Report(sent.Id, "failed");
        Poll();

        Assert.True(_useCases.GetCallOutStatus(c.Summary.Id).Lines[0].Delivered);
        var timeline = _useCases.GetCase(c.Summary.Id).Timeline;
        Assert.Single(timeline, e => e.Code == TimelineText.SmsDelivered && e.Args[0] == line.Name);
        Assert.DoesNotContain(timeline, e => e.Code == TimelineText.SmsUndelivered);
    }

    [Fact]
    public void AGatewayFault_QueuesTheTexts_WithASwedishMessage_AndTheRetrySendsEachOnce()
    {
        CaseDetail c = StaffingCase([]);
        _sms.Fail(SmsFault.ServerError, times: 3);

        CallOutStatus status = Start(c, 3);

        Assert.Equal("Sms_Fault_ServerError", status.Fault);
        Assert.Equal(3, status.Queued);
        Assert.StartsWith("SMS-tjänsten har ett fel just nu", Messages.Get(status.Fault!), StringComparison.Ordinal);
        Assert.Empty(_sms.Sent);

        // Not before the backoff…
        Poll();
        Assert.Empty(_sms.Sent);

        // …then each once.
        _time.Advance(TimeSpan.FromSeconds(6));
        Poll();
        status = _useCases.GetCallOutStatus(c.Summary.Id);
        Assert.Equal(0, status.Queued);
        Assert.Null(status.Fault);
        Assert.Equal(3, _sms.Sent.Count);
        Assert.Equal(3, _sms.Sent.Select(m => m.To).Distinct().Count());
        Assert.Contains(_useCases.GetCase(c.Summary.Id).Timeline, e => e.Code == TimelineText.SmsFailed);
    }

    [Theory]
    [InlineData(SmsFault.Timeout)]
    [InlineData(SmsFault.ServerError)]
    public void AMessageThatLeftDespiteAFault_IsFoundInTheList_AndNotSentAgain(SmsFault fault)
    {
        CaseDetail c = StaffingCase([]);
        _sms.Fail(fault, times: 1, taken: true);

        CallOutStatus status = Start(c, 2);
        Assert.Equal(1, status.Queued);
        Assert.Equal(2, _sms.Sent.Count);

        _time.Advance(TimeSpan.FromSeconds(6));
        Poll();

        status = _useCases.GetCallOutStatus(c.Summary.Id);
        Assert.Equal(0, status.Queued);
        Assert.Equal(2, _sms.Sent.Count);
        Assert.Equal(_sms.Keys.Count, _sms.Keys.Distinct().Count());
    }

    [Theory]
    [InlineData(SmsFault.Unreachable)]
    [InlineData(SmsFault.Unauthorized)]
    [InlineData(SmsFault.RateLimited)]
    [InlineData(SmsFault.Timeout)]
    public void EveryFault_HasItsSwedishMessage_AndTheCallOutIsKept(SmsFault fault)
    {
        CaseDetail c = StaffingCase([]);
        _sms.Fail(fault, times: 2);

        CallOutStatus status = Start(c, 2);

        Assert.Equal("Sms_Fault_" + fault, status.Fault);
        Assert.Contains("kö", Messages.Get(status.Fault!), StringComparison.Ordinal);
        Assert.Equal(2, status.Lines.Count);
        for (int i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            Poll();
        }

        Assert.Equal(0, _useCases.GetCallOutStatus(c.Summary.Id).Queued);
        Assert.Equal(2, _sms.Sent.Count);
    }

    [Fact]
    public void Backoff_Doubles_UpToFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), JourUseCases.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(10), JourUseCases.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(5), JourUseCases.Backoff(20));
    }

    [Fact]
    public void NoText_CarriesTheClientsName_PersonnummerAddressOrDoorCode()
    {
        // Every kind of text: offers, "tillsatt", a late yes, an ineligible yes, a request for the code.
        CaseDetail c = StaffingCase(["Lyft"]);
        CallOutStatus status = Start(c, 4);
        Reply(status.Lines[3].To, "kanske");
        _useCases.SetBlocked(_officer, new BlockRequest(status.Lines[2].AssistantId, true, "Utreds"));
        Reply(status.Lines[2].To, "JA");
        Reply(status.Lines[0].To, "JA");
        Reply(status.Lines[1].To, "JA");
        Assert.Contains(_sms.Sent, m => m.Text.Contains("tillsatt – tack", StringComparison.Ordinal));
        Assert.Contains(_sms.Sent, m => m.Text.Contains("redan tillsatt", StringComparison.Ordinal));
        Assert.Contains(_sms.Sent, m => m.Text.Contains("kan inte ta", StringComparison.Ordinal));
        Assert.Contains(_sms.Sent, m => m.Text.Contains("följt av koden", StringComparison.Ordinal));

        Client client = _store.FindClient(_store.FindCase(c.Summary.Id)!.ClientId)!;
        string pnr = client.PersonalIdentityNumber;
        string street = client.Address.Split(',')[0];
        string doorCode = new([.. client.AccessNote.Where(char.IsAsciiDigit)]);
        string[] forbidden = [client.Name, .. client.Name.Split(' '), pnr, pnr[2..], pnr[..8] + "-" + pnr[8..], pnr[2..8] + "-" + pnr[8..], street, doorCode];
        foreach (SmsMessage m in _sms.Sent)
        {
            foreach (string word in forbidden)
            {
                Assert.DoesNotContain(word, m.Text, StringComparison.OrdinalIgnoreCase);
            }

            // Nor any personnummer at all: no run of ten or more digits.
            Assert.DoesNotMatch(@"\d{6}[-+]?\d{4}", m.Text);
        }
    }

    [Fact]
    public void Withdrawn_ALaterYesGetsAPoliteNo()
    {
        CaseDetail c = StaffingCase([]);
        CallOutLine line = Start(c, 2).Lines[0];

        Withdraw(c.Summary.Id);
        Reply(line.To, "JA " + line.Code);

        Assert.Empty(_useCases.GetCase(c.Summary.Id).Deployments);
        Assert.Contains(_sms.Sent, m => m.To == line.To && m.Text.Contains("redan tillsatt", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutSettings_TheCallOutIsRefusedWithTheWayToSetThemUp()
    {
        _store.SaveSmsSettings(new SmsSettings());
        CaseDetail c = StaffingCase([]);

        var ex = Assert.Throws<JourException>(() => Start(c, 3));

        Assert.Equal(ErrorCodes.SmsNotConfigured, ex.Code);
        Assert.Contains("jour settings --set sms-url", ex.Localized, StringComparison.Ordinal);
    }

    private CallOutStatus Start(CaseDetail c, int count) =>
        _useCases.StartCallOutAsync(_officer, new StartCallOut(c.Summary.Id, 0, count), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private CallOutStatus StartFor(long caseId, long assistantId) =>
        _useCases.StartCallOutAsync(_officer, new StartCallOut(caseId, 0, 1, [assistantId]), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private SmsSettingsData Save(SaveSmsSettings request) =>
        _useCases.SaveSmsSettingsAsync(_officer, request, TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private void Poll() => _useCases.PollSmsAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private void Withdraw(long caseId) => _useCases.WithdrawCallOutAsync(_officer, new WithdrawCallOut(caseId), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    /// <summary>A reply arrives and the server's polling round handles it.</summary>
    private void Reply(string from, string text)
    {
        _sms.Reply(from, text);
        Poll();
    }

    private static DateTime Local(int month, int day, int hour) =>
        SwedishTime.Zone.AtStrictly(new LocalDateTime(2026, month, day, hour, 0)).ToDateTimeUtc();

    private CaseDetail StaffingCase(IReadOnlyList<string> competences, int day = 24) =>
        _useCases.Accepted(_officer, _useCases.GetClients()[1].Id, [new NeedWindowData(Local(10, day, 22), Local(10, day + 1, 7), 1, competences, 0)], s_now);

    private sealed class FailingGateway(SmsFault fault) : ISmsGateway
    {
        public Task<string> SendAsync(SmsAccount account, string to, string message, string idempotencyKey, CancellationToken cancellationToken) => throw new SmsGatewayException(fault);

        public Task<IReadOnlyList<SmsMessage>> ListAsync(SmsAccount account, int limit, CancellationToken cancellationToken) => throw new SmsGatewayException(fault);
    }
}
