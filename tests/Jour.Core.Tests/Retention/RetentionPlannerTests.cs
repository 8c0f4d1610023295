using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Retention;

namespace Jour.Core.Tests.Retention;

/// <summary>The retention rules alone: due dates around the boundaries, the research sample, municipal against private.</summary>
public sealed class RetentionPlannerTests
{
    private static readonly DateOnly s_today = new(2026, 12, 7);
    private static readonly RetentionSettingsData s_municipal = RetentionSettingsData.Of(null);
    private static readonly RetentionSettingsData s_private = new(OperatorKind.Private, false, 5);

    [Theory]
    [InlineData("2021-12-07", true)]  // exactly five years: due from today
    [InlineData("2021-12-08", false)] // a day short
    [InlineData("2016-01-01", true)]
    [InlineData("2026-12-01", false)] // a recent entry
    public void SolFile_IsDueFiveYearsAfterItsLastEntry(string lastEntry, bool due)
    {
        RetentionPlan plan = Plan(s_municipal, File(1, Person(1957, 4, 28), sol: Noon(lastEntry)));

        Assert.Equal(due ? 1 : 0, Outcome(plan, RetentionRules.Sol).Due);
        Assert.Equal(due ? [1L] : [], plan.DueClients[RetentionRules.Sol]);
    }

    [Fact]
    public void SolFile_LastEntryJustBeforeMidnightSwedishTime_CountsTheSwedishDay()
    {
        // 2021-12-07 23:30 in Stockholm is 22:30 UTC the same day; 2021-12-07 23:30 UTC is already the 8th in Sweden.
        var swedishSeventh = new DateTime(2021, 12, 7, 22, 30, 0, DateTimeKind.Utc);
        var swedishEighth = new DateTime(2021, 12, 7, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(1, Outcome(Plan(s_municipal, File(1, Person(1957, 4, 28), sol: swedishSeventh)), RetentionRules.Sol).Due);
        Assert.Equal(0, Outcome(Plan(s_municipal, File(1, Person(1957, 4, 28), sol: swedishEighth)), RetentionRules.Sol).Due);
    }

    [Fact]
    public void SolRule_MustBeDoneByTheEndOfTheNextCalendarYear()
    {
        RetentionRule sol = RetentionRules.All(5).Single(r => r.Name == RetentionRules.Sol);

        Assert.Equal(new DateOnly(2025, 6, 10), sol.DueFrom(new DateOnly(2020, 6, 10)));
        Assert.Equal(new DateOnly(2026, 12, 31), sol.CompleteBy(new DateOnly(2025, 6, 10)));
        Assert.Equal(new DateOnly(2026, 12, 31), sol.CompleteBy(new DateOnly(2025, 1, 1)));
        Assert.Equal(new DateOnly(2025, 2, 28), sol.DueFrom(new DateOnly(2020, 2, 29)));
    }

    [Fact]
    public void SolFile_PastItsLastDay_IsCountedOverdue()
    {
        RetentionPlan plan = Plan(
            s_municipal,
            File(1, Person(1957, 4, 28), sol: Noon("2020-06-10")),  // due 2025-06-10, done by 2026-12-31: not yet late
            File(2, Person(1960, 1, 2), sol: Noon("2019-06-10")));  // due 2024-06-10, done by 2025-12-31: late

        RuleOutcome sol = Outcome(plan, RetentionRules.Sol);
        Assert.Equal(2, sol.Due);
        Assert.Equal(1, sol.Overdue);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(25)]
    public void SolFile_OfAPersonBornOnThe5th15thOr25th_IsKeptForResearch(int day)
    {
        RetentionPlan plan = Plan(s_municipal, File(1, Person(1957, 4, day), sol: Noon("2015-01-01")));

        RuleOutcome sol = Outcome(plan, RetentionRules.Sol);
        Assert.Equal(0, sol.Due);
        Assert.Equal(1, sol.KeptForResearch);
        Assert.Empty(plan.DueClients[RetentionRules.Sol]);
    }

    [Fact]
    public void ResearchSample_SettingOff_ThinsThoseBornOnThe5thToo()
    {
        RetentionSettingsData off = s_municipal with { KeepResearchSample = false };

        Assert.Equal(1, Outcome(Plan(off, File(1, Person(1957, 4, 5), sol: Noon("2015-01-01"))), RetentionRules.Sol).Due);
    }

    [Fact]
    public void ResearchSample_ADayThatIsNot5_15_25_IsNotKept()
    {
        Assert.Equal(1, Outcome(Plan(s_municipal, File(1, Person(1957, 4, 6), sol: Noon("2015-01-01"))), RetentionRules.Sol).Due);
        Assert.False(RetentionRules.InResearchSample(new DateOnly(1990, 1, 26)));
        Assert.True(RetentionRules.InResearchSample(new DateOnly(1990, 1, 25)));
    }

    [Fact]
    public void ResearchSample_DefaultsOnForAMunicipality_OffForAPrivateOperator()
    {
        Assert.True(RetentionSettingsData.Of(null).KeepResearchSample);
        Assert.True(RetentionSettingsData.Of(new RetentionSettings()).KeepResearchSample);
        Assert.False(RetentionSettingsData.Of(new RetentionSettings { OperatorKind = OperatorKind.Private }).KeepResearchSample);
        Assert.True(RetentionSettingsData.Of(new RetentionSettings { OperatorKind = OperatorKind.Private, KeepResearchSample = true }).KeepResearchSample);
    }

    [Fact]
    public void LssFile_Municipal_IsKeptHoweverOld()
    {
        RetentionPlan plan = Plan(s_municipal, File(1, Person(1957, 4, 28), lss: Noon("2010-01-01"), lssEntries: 4, events: 9));

        RuleOutcome lss = Outcome(plan, RetentionRules.LssMunicipal);
        Assert.True(lss.Rule.Keeps);
        Assert.Equal(0, lss.Due);
        Assert.Equal(1, lss.Kept);
        Assert.DoesNotContain(plan.Outcomes, o => o.Rule.Name == RetentionRules.LssPrivate);
    }

    [Theory]
    [InlineData("2024-12-07", true)]
    [InlineData("2024-12-08", false)]
    public void LssFile_Private_IsDueTwoYearsAfterItsLastEntry(string lastEntry, bool due)
    {
        RetentionPlan plan = Plan(s_private, File(1, Person(1957, 4, 28), lss: Noon(lastEntry), lssEntries: 3, events: 7));

        RuleOutcome lss = Outcome(plan, RetentionRules.LssPrivate);
        Assert.Equal(due ? 1 : 0, lss.Due);
        Assert.Equal(due ? 3 : 0, lss.JournalEntries);
        Assert.Equal(due ? 7 : 0, lss.CaseEvents);
        Assert.DoesNotContain(plan.Outcomes, o => o.Rule.Name == RetentionRules.LssMunicipal);
    }

    [Fact]
    public void LssFile_Private_WithAnOpenCase_IsNotDue()
    {
        ClientRecordDates open = File(1, Person(1957, 4, 28), lss: Noon("2015-01-01"), lssEntries: 3, events: 7) with { HasOpenCase = true };

        Assert.Equal(0, Outcome(Plan(s_private, open), RetentionRules.LssPrivate).Due);
    }

    [Fact]
    public void SolAndLss_AreJudgedApart_AnOldSolFileIsDueBesideARecentLssFile()
    {
        RetentionPlan plan = Plan(s_municipal, File(1, Person(1957, 4, 28), sol: Noon("2019-03-01"), lss: Noon("2026-11-30"), lssEntries: 2, events: 5));

        Assert.Equal(1, Outcome(plan, RetentionRules.Sol).Due);
        Assert.Equal(2, Outcome(plan, RetentionRules.Sol).JournalEntries);
        Assert.Equal(0, Outcome(plan, RetentionRules.Sol).CaseEvents);
    }

    [Fact]
    public void AccessLog_IsDueByItsSettingInYears_AndADraftThreeMonthsAfterItsLastSave()
    {
        DateTime? askedBefore = null;
        RetentionPlan plan = RetentionPlanner.Plan(
            s_municipal with { AccessLogYears = 2 },
            s_today,
            [],
            [Noon("2026-09-07"), Noon("2026-09-08"), Noon("2026-12-01")],
            before =>
            {
                askedBefore = before;
                return 42;
            });

        Assert.Equal(RetentionPlanner.StartUtc(new DateOnly(2024, 12, 8)), askedBefore);
        Assert.Equal(42, Outcome(plan, RetentionRules.AccessLog).Due);
        Assert.Equal(1, Outcome(plan, RetentionRules.Drafts).Due);
        Assert.Equal(2, Outcome(plan, RetentionRules.Drafts).Kept);
    }

    [Fact]
    public void Rules_ApplyingToOneOperation_AreOnePerSubject()
    {
        foreach (RetentionSettingsData settings in new[] { s_municipal, s_private })
        {
            var subjects = RetentionRules.For(settings).Select(r => r.Subject).ToList();
            Assert.Equal(subjects.Distinct().Count(), subjects.Count);
            Assert.Equal(Enum.GetValues<RetentionSubject>().Length, subjects.Count);
        }
    }

    private static RetentionPlan Plan(RetentionSettingsData settings, params ClientRecordDates[] files) =>
        RetentionPlanner.Plan(settings, s_today, files, [], _ => 0);

    private static RuleOutcome Outcome(RetentionPlan plan, string rule) => plan.Outcomes.Single(o => o.Rule.Name == rule);

    private static ClientRecordDates File(long id, string number, DateTime? sol = null, DateTime? lss = null, int lssEntries = 0, int events = 0) =>
        new(id, number, sol, sol is null ? 0 : 2, lss, lss is null ? 0 : lssEntries, lss is null ? 0 : events, false);

    private static DateTime Noon(string day) => RetentionPlanner.StartUtc(IsoDate.Parse(day)!.Value).AddHours(12);

    private static string Person(int year, int month, int day)
    {
        string nine = $"{year % 100:00}{month:00}{day:00}123";
        return $"{year:0000}{month:00}{day:00}123{Luhn.CheckDigit(nine)}";
    }
}
