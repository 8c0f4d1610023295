using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Identity;
using Jour.Core.Journals;
using Jour.Core.Retention;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Retention;

/// <summary>Retention through the pipeline on the demo data: who may plan and thin, what a thinning removes and records.</summary>
public sealed class RetentionUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;
    private readonly SessionInfo _mas;
    private readonly SessionInfo _officer;

    public RetentionUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        var users = _store.LoadUsers();
        _admin = Session(users.First(u => u.Roles == Role.Admin));
        _mas = Session(users.First(u => u.Roles.HasFlag(Role.MedicalResponsible)));
        _officer = Session(users.First(u => u.Roles == Role.OnCallOfficer));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Plan_MasAndAdminMay_AnOfficerMayNot()
    {
        Assert.NotNull(_useCases.Send(_mas, new PlanRetention()));
        Assert.NotNull(_useCases.Send(_admin, new PlanRetention()));
        var refused = Assert.Throws<JourException>(() => _useCases.Send(_officer, new PlanRetention()));
        Assert.Equal(ErrorCodes.RetentionNotPermitted, refused.Code);
    }

    [Fact]
    public void Thin_OnlyAnAdminMay()
    {
        var refused = Assert.Throws<JourException>(() => _useCases.Send(_mas, new ThinDueRecords()));
        Assert.Equal(ErrorCodes.ThinningNotPermitted, refused.Code);
        Assert.Empty(_store.LoadThinnings());
    }

    [Fact]
    public void Thin_RemovesTheDueSolFile_KeepsLssAndTheResearchSample_AndRecordsIt()
    {
        var clients = _store.LoadClients().Where(c => !RetentionRules.InResearchSample(Birth(c.PersonalIdentityNumber))).ToList();
        long old = clients[0].Id, recent = clients[1].Id;
        long research = _store.AddClient(new Clients.Client { Name = "Forskning Femte", PersonalIdentityNumber = Numbered(1957, 4, 5) }).Id;
        Append(old, JournalSeries.Sol, s_now.AddYears(-7));
        Append(old, JournalSeries.Sol, s_now.AddYears(-6));
        Append(old, JournalSeries.Lss, s_now.AddYears(-7));
        Append(recent, JournalSeries.Sol, s_now.AddYears(-7));
        Append(recent, JournalSeries.Sol, s_now.AddYears(-1));
        Append(research, JournalSeries.Sol, s_now.AddYears(-8));
        int lssBefore = _store.LoadJournal(old, JournalSeries.Lss).Count;
        int eventsBefore = _store.LoadCases(CaseState.Closed).Concat(_store.LoadOpenCases()).Sum(c => _store.LoadTimeline(c.Id).Count);

        RetentionReport dry = _useCases.Send(_admin, new PlanRetention());
        RuleOutcome planned = dry.Rules.Single(r => r.Rule.Name == RetentionRules.Sol);
        Assert.Equal(1, planned.Due);
        Assert.Equal(2, planned.JournalEntries);
        Assert.Equal(1, planned.KeptForResearch);
        Assert.Equal(2, _store.LoadJournal(old, JournalSeries.Sol).Count);

        RetentionReport done = _useCases.Send(_admin, new ThinDueRecords());

        Assert.True(done.Thinned);
        Assert.Empty(_store.LoadJournal(old, JournalSeries.Sol));
        Assert.Equal(lssBefore, _store.LoadJournal(old, JournalSeries.Lss).Count);
        Assert.Equal(2, _store.LoadJournal(recent, JournalSeries.Sol).Count);
        Assert.Single(_store.LoadJournal(research, JournalSeries.Sol));
        Assert.Equal(eventsBefore, _store.LoadCases(CaseState.Closed).Concat(_store.LoadOpenCases()).Sum(c => _store.LoadTimeline(c.Id).Count));
        Thinning record = Assert.Single(_store.LoadThinnings(), t => t.Rule == RetentionRules.Sol);
        Assert.Equal([old], record.ClientIds);
        Assert.Equal(2, record.JournalEntries);
        Assert.Equal(_admin.UserId, record.UserId);
        Assert.Equal(s_now, record.AtUtc);
        Assert.Contains(record.Id, done.ThinningIds);

        // Nothing is due any more: a second run thins nothing and records nothing.
        Assert.Equal(0, _useCases.Send(_admin, new PlanRetention()).Rules.Single(r => r.Rule.Name == RetentionRules.Sol).Due);
        Assert.Empty(_useCases.Send(_admin, new ThinDueRecords()).ThinningIds);
    }

    [Fact]
    public void Thin_AccessLogOlderThanTheSetting_IsThinned_NewerKept()
    {
        _useCases.Send(_admin, new SaveRetentionSettings(null, null, 2));
        long client = _store.LoadClients()[0].Id;
        _store.AppendAccess(new AccessLogEntry { AtUtc = s_now.AddYears(-3), UserId = _admin.UserId, ClientId = client, What = AccessedData.JournalSol, Basis = AccessBasis.Register });
        _store.AppendAccess(new AccessLogEntry { AtUtc = s_now.AddYears(-1), UserId = _admin.UserId, ClientId = client, What = AccessedData.JournalSol, Basis = AccessBasis.Register });

        RetentionReport done = _useCases.Send(_admin, new ThinDueRecords());

        Assert.Equal(1, done.Rules.Single(r => r.Rule.Name == RetentionRules.AccessLog).Due);
        Assert.Empty(_store.LoadAccessLog(DateTime.MinValue, s_now.AddYears(-2)));
        Assert.Single(_store.LoadAccessLog(DateTime.MinValue, s_now.AddDays(-30)));
        Assert.Equal(1, Assert.Single(_store.LoadThinnings()).AccessLogEntries);
    }

    [Fact]
    public void Settings_OnlyAnAdminChanges_ABadYearCountIsRefused()
    {
        Assert.Equal(OperatorKind.Municipal, _useCases.Send(_officer, new GetRetentionSettings()).OperatorKind);
        var refused = Assert.Throws<JourException>(() => _useCases.Send(_mas, new SaveRetentionSettings(OperatorKind.Private, null, null)));
        Assert.Equal(ErrorCodes.RetentionSettingsNotPermitted, refused.Code);
        Assert.Equal(ErrorCodes.AccessLogYearsInvalid, Assert.Throws<JourException>(() => _useCases.Send(_admin, new SaveRetentionSettings(null, null, 0))).Code);

        RetentionSettingsData saved = _useCases.Send(_admin, new SaveRetentionSettings(OperatorKind.Private, null, null));

        Assert.Equal(OperatorKind.Private, saved.OperatorKind);
        Assert.False(saved.KeepResearchSample);
        Assert.Contains(_useCases.Send(_admin, new PlanRetention()).Rules, r => r.Rule.Name == RetentionRules.LssPrivate);
    }

    private void Append(long clientId, JournalSeries series, DateTime atUtc) =>
        _store.AppendJournalEntry(new JournalEntry { ClientId = clientId, Series = series, AtUtc = atUtc, AuthorId = _admin.UserId, Text = "Anteckning" });

    private static DateOnly Birth(string number) =>
        PersonalIdentityNumber.TryParse(number, new DateOnly(2026, 11, 23), out var n, out _) ? n.BirthDate : default;

    private static string Numbered(int year, int month, int day)
    {
        string nine = $"{year % 100:00}{month:00}{day:00}999";
        return $"{year:0000}{month:00}{day:00}999{Luhn.CheckDigit(nine)}";
    }

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, true);
}
