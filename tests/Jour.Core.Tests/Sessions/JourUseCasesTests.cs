using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

public sealed class JourUseCasesTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public JourUseCasesTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void DemoSeed_HasWhatTheFoundationIssueAsksFor()
    {
        Assert.True(_store.IsDemo);
        Assert.True(_store.LoadStaff().Count >= 20);
        Assert.True(_store.LoadClients().Count >= 30);
        Assert.True(_store.LoadProviders().Count >= 3);
        Assert.Contains(_store.LoadUsers(), u => u.Roles.HasFlag(Role.Admin));
        Assert.True(_store.LoadUsers().Count(u => u.Roles.HasFlag(Role.OnCallOfficer)) >= 3);

        var states = _store.LoadOpenCases().Select(c => c.State).ToHashSet();
        foreach (CaseState open in new[] { CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement, CaseState.HandedBack })
        {
            Assert.Contains(open, states);
        }

        // Twelve cases across the states, plus 24 of the last four months with time reports (follow-up).
        Assert.Equal(12 + 24, _store.CountCases());
    }

    [Fact]
    public void DemoSeed_IsTheSameForTheSameSeedAndDay()
    {
        using var other = LiteJourStore.InMemory();
        DemoData.Seed(other, _time);

        Assert.Equal(_store.LoadClients().Select(c => c.Name + c.PersonalIdentityNumber), other.LoadClients().Select(c => c.Name + c.PersonalIdentityNumber));
    }

    [Fact]
    public void Status_NamesTheOfficerOnCallNowAndNext()
    {
        StatusInfo status = _useCases.GetStatus();

        Assert.True(status.IsDemo);
        Assert.False(string.IsNullOrEmpty(status.OnCallName));
        Assert.False(string.IsNullOrEmpty(status.NextOnCallName));
        Assert.NotEqual(status.OnCallName, status.NextOnCallName);

        // 08:30 UTC is 09:30 in Stockholm: the day shift 07–19 local ends at 18:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc), status.OnCallUntilUtc);
    }

    [Fact]
    public void Board_IsSortedByUrgencyThenAge_AndShowsOnlyOpenCases()
    {
        var board = _useCases.GetOpenCases();

        Assert.All(board, c => Assert.True(c.State is not (CaseState.Closed or CaseState.Declined or CaseState.Withdrawn)));
        for (int i = 1; i < board.Count; i++)
        {
            Assert.True(board[i - 1].Urgency > board[i].Urgency
                        || (board[i - 1].Urgency == board[i].Urgency && board[i - 1].ReceivedUtc <= board[i].ReceivedUtc));
        }
    }

    [Fact]
    public void Fire_AgainstAStaleRevision_IsRefusedNamingWhoChangedIt()
    {
        SessionInfo anna = SignInAs("Anna Lindqvist");
        SessionInfo erik = SignInAs("Erik Johansson");
        CaseSummary received = _useCases.GetOpenCases().First(c => c.State == CaseState.Received);

        _useCases.Fire(anna, new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision));
        var ex = Assert.Throws<JourException>(() =>
            _useCases.Fire(erik, new TransitionRequest(received.Id, CaseTrigger.Withdraw, "löst själv", received.Revision)));

        Assert.Equal(ErrorCodes.CaseChangedByOther, ex.Code);
        Assert.Equal("Anna Lindqvist", ex.Args[0]);
        Assert.StartsWith("Ändrat av Anna Lindqvist ", InLanguage("sv-SE", () => ex.Localized), StringComparison.Ordinal);
        Assert.Contains(": Mottaget → Utreds.", InLanguage("sv-SE", () => ex.Localized), StringComparison.Ordinal);
        Assert.Equal(CaseState.Assessing, _useCases.GetCase(received.Id).Summary.State);
    }

    [Fact]
    public void ARefusalComposedInOneLanguage_ReadsInTheReadersLanguage()
    {
        SessionInfo anna = SignInAs("Anna Lindqvist");
        SessionInfo erik = SignInAs("Erik Johansson");
        CaseSummary received = _useCases.GetOpenCases().First(c => c.State == CaseState.Received);
        _useCases.AddNote(anna, new NoteRequest(received.Id, "Ringde anordnaren – ingen svarar på jourtelefonen, försöker igen om tio minuter"));

        // Composed where the server runs, in English; read by a Swedish session and an English one.
        JourException stale = InLanguage("en-GB", () => Assert.Throws<JourException>(() =>
            _useCases.Fire(erik, new TransitionRequest(received.Id, CaseTrigger.Withdraw, "löst själv", received.Revision))));
        JourException notNow = InLanguage("en-GB", () => Assert.Throws<JourException>(() =>
            _useCases.Fire(erik, new TransitionRequest(received.Id, CaseTrigger.Close, "", _useCases.GetCase(received.Id).Summary.Revision))));

        Assert.EndsWith(": Ringde anordnaren – ingen svarar på jourtelefonen, försöker …. Din text är kvar – Enter försöker igen.", InLanguage("sv-SE", () => stale.Localized), StringComparison.Ordinal);
        Assert.Contains("Mottaget", InLanguage("sv-SE", () => notNow.Localized), StringComparison.Ordinal);
        Assert.Contains("Received", InLanguage("en-GB", () => notNow.Localized), StringComparison.Ordinal);
        Assert.DoesNotContain("Received", InLanguage("sv-SE", () => notNow.Localized), StringComparison.Ordinal);
    }

    private static T InLanguage<T>(string culture, Func<T> read)
    {
        System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Fire_RecordsTheTransitionInTheTimeline_AndPublishesAChange()
    {
        var hub = _useCases.Hub;
        var seen = new List<ChangeNotice>();
        hub.Changed += seen.Add;
        SessionInfo anna = SignInAs("Anna Lindqvist");
        CaseSummary received = _useCases.GetOpenCases().First(c => c.State == CaseState.Received);

        CaseDetail detail = _useCases.Fire(anna, new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "ringer anordnaren", received.Revision));

        TimelineEntry last = detail.Timeline[^1];
        Assert.Equal(CaseState.Received, last.From);
        Assert.Equal(CaseState.Assessing, last.To);
        Assert.Equal("Anna Lindqvist", last.UserName);
        Assert.Equal("ringer anordnaren", last.Render());
        Assert.Equal(received.Revision + 1, detail.Summary.Revision);
        Assert.Equal([new ChangeNotice(ChangeKind.Case, received.Id)], seen);
    }

    [Fact]
    public void SignIn_DemoUserWithoutPin_Works_UnknownUser_FailsWithoutSayingWhy()
    {
        Assert.Equal("Anna Lindqvist", SignInAs("Anna Lindqvist").UserName);

        var ex = Assert.Throws<JourException>(() => _useCases.SignIn(99_999, ""));
        Assert.Equal(ErrorCodes.SignInFailed, ex.Code);
    }

    [Fact]
    public void SetUpFirstAdmin_OnlyOnAnEmptyInstall()
    {
        using var fresh = LiteJourStore.InMemory();
        var useCases = new JourUseCases(fresh, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        Assert.True(useCases.GetInstallInfo().NeedsSetup);

        // The code, as the server that creates a database issues it (ServerHost.Start).
        string code = useCases.IssueSetUpCode();
        Assert.Equal(ErrorCodes.PinTooShort, Assert.Throws<JourException>(() => useCases.SetUpFirstAdmin("Ada", "12", code)).Code);
        SessionInfo admin = useCases.SetUpFirstAdmin("Ada Admin", "4711", code);

        Assert.True(admin.Roles.HasFlag(Role.Admin));
        Assert.False(useCases.GetInstallInfo().NeedsSetup);
        Assert.Equal(ErrorCodes.SignInFailed, Assert.Throws<JourException>(() => useCases.SignIn(admin.UserId, "0000")).Code);
        Assert.Equal(admin.UserId, useCases.SignIn(admin.UserId, "4711").UserId);
        Assert.Equal(ErrorCodes.SetupAlreadyDone, Assert.Throws<JourException>(() => useCases.SetUpFirstAdmin("Eve", "9999", code)).Code);
        Assert.Equal(ErrorCodes.SetupAlreadyDone, Assert.Throws<JourException>(() => useCases.IssueSetUpCode()).Code);
    }

    [Fact]
    public void Clients_AreMasked_AndSortedSwedish()
    {
        var clients = _useCases.GetClients();

        Assert.All(clients, c => Assert.Matches(@"^\d{8}-\*{4}$", c.MaskedNumber));
        var sorted = clients.Select(c => c.Name).Order(StringComparer.Create(SwedishCulture.Instance, false)).ToList();
        Assert.Equal(sorted, clients.Select(c => c.Name));
    }

    private SessionInfo SignInAs(string name)
    {
        long id = _useCases.GetInstallInfo().Users.Single(u => u.Name == name).Id;
        return _useCases.SignIn(id, "");
    }
}
