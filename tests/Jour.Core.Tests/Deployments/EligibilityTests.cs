using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Staff;
using NodaTime;

namespace Jour.Core.Tests.Deployments;

public class EligibilityTests
{
    // Stockholm local times, so the tests read as the officer would.
    private static DateTime Local(int month, int day, int hour) =>
        SwedishTime.Zone.AtStrictly(new LocalDateTime(2026, month, day, hour, 0)).ToDateTimeUtc();

    private static StandbyAssistant Assistant(params string[] competences) =>
        new() { Id = 1, Name = "Test", Competences = [.. competences], WeeklyHourLimit = 40 };

    private static Deployment Worked(DateTime from, DateTime to) =>
        new() { AssistantId = 1, FromUtc = from, ToUtc = to, State = DeploymentState.Confirmed };

    [Fact]
    public void ADayShiftEndingAt15_LeavesTooLittleRestForTheNightAt22()
    {
        var night = (From: Local(11, 23, 22), To: Local(11, 24, 7));
        Candidate c = Eligibility.Assess(Assistant(), night.From, night.To, 9, [], [], [Worked(Local(11, 23, 7), Local(11, 23, 15))]);

        Assert.Contains(Ineligibility.DailyRest, c.Reasons);
        Assert.True(c.NeedsOverride);
    }

    [Fact]
    public void ADayShiftEndingAt10_LeavesTwelveHours_AndIsFine()
    {
        Candidate c = Eligibility.Assess(Assistant(), Local(11, 23, 22), Local(11, 24, 7), 9, [], [], [Worked(Local(11, 23, 2), Local(11, 23, 10))]);

        Assert.True(c.IsEligible, string.Join(", ", c.Reasons));
    }

    [Fact]
    public void SevenNightsInARow_BreakTheWeeklyRest()
    {
        var nights = Enumerable.Range(0, 6).Select(d => Worked(Local(11, 16 + d, 22), Local(11, 17 + d, 6))).ToList();

        Candidate c = Eligibility.Assess(Assistant(), Local(11, 22, 22), Local(11, 23, 6), 9, [], [], nights);

        Assert.Contains(Ineligibility.WeeklyRest, c.Reasons);
        Assert.DoesNotContain(Ineligibility.DailyRest, c.Reasons);
    }

    [Fact]
    public void Overlap_Block_Exclusion_Competence_AndDelegation_AreEachNamed()
    {
        var a = Assistant("Lyft");
        a.IsBlocked = true;
        a.ExcludedClientIds.Add(9);
        a.Delegations.Add(new Delegation { Task = "Insulin", IssuedBy = "SSK Berg", ValidFromUtc = Local(11, 1, 0), ValidToUtc = Local(11, 24, 0) });

        Candidate c = Eligibility.Assess(a, Local(11, 23, 22), Local(11, 24, 7), 9, ["Lyft", "Epilepsi"], ["Insulin"], [Worked(Local(11, 23, 21), Local(11, 23, 23))]);

        Assert.Equal([Ineligibility.Blocked, Ineligibility.Excluded, Ineligibility.Busy, Ineligibility.MissingCompetence, Ineligibility.MissingDelegation], c.Reasons.Take(5));
        Assert.Equal(["Epilepsi", "Insulin"], c.Missing);
        Assert.False(c.NeedsOverride);
    }

    [Fact]
    public void TheFallBackNight_22To07_Counts10Hours_AgainstTheWeeklyLimit()
    {
        var a = Assistant();
        a.WeeklyHourLimit = 9.5m;
        DateTime from = Local(10, 24, 22);
        DateTime to = Local(10, 25, 7);
        Assert.Equal(TimeSpan.FromHours(10), to - from);

        Candidate c = Eligibility.Assess(a, from, to, 9, [], [], []);

        Assert.Equal([Ineligibility.HourLimit], c.Reasons);
    }

    [Fact]
    public void Ranking_PutsEligibleFirst_ThenThoseWhoKnowTheClient()
    {
        var stranger = new StandbyAssistant { Id = 1, Name = "Anna", WeeklyHourLimit = 40 };
        var known = new StandbyAssistant { Id = 2, Name = "Örjan", WeeklyHourLimit = 40, KnownClientIds = [9] };
        var blocked = new StandbyAssistant { Id = 3, Name = "Bo", WeeklyHourLimit = 40, IsBlocked = true, KnownClientIds = [9] };

        var ranked = Eligibility.Rank(Local(11, 23, 22), Local(11, 24, 7), 9, [], [], [stranger, known, blocked], []);

        Assert.Equal(["Örjan", "Anna", "Bo"], ranked.Select(r => r.Assistant.Name));
    }

    [Fact]
    public void AnUnavailablePeriodTouchingTheWindow_RulesTheAssistantOut_WithNoOverride()
    {
        StandbyAssistant a = Assistant();
        a.Availability.Add(new AvailabilityPeriod { FromUtc = Local(11, 24, 6), ToUtc = Local(11, 30, 0), IsAvailable = false, Note = "semester" });

        Candidate c = Eligibility.Assess(a, Local(11, 23, 22), Local(11, 24, 7), 9, [], [], []);

        Assert.Equal([Ineligibility.Unavailable], c.Reasons);
        Assert.False(c.NeedsOverride);
    }

    [Fact]
    public void DeclaredAvailability_ForTheWholeWindow_RanksFirstAmongEquals()
    {
        var (from, to) = (Local(11, 23, 22), Local(11, 24, 7));
        var plain = new StandbyAssistant { Id = 1, Name = "Anna", WeeklyHourLimit = 40 };
        var partly = new StandbyAssistant { Id = 2, Name = "Berit", WeeklyHourLimit = 40 };
        partly.Availability.Add(new AvailabilityPeriod { FromUtc = from, ToUtc = Local(11, 24, 2), IsAvailable = true });
        var declared = new StandbyAssistant { Id = 3, Name = "Cecilia", WeeklyHourLimit = 40 };
        declared.Availability.Add(new AvailabilityPeriod { FromUtc = Local(11, 23, 18), ToUtc = Local(11, 24, 8), IsAvailable = true });

        var ranked = Eligibility.Rank(from, to, 9, [], [], [plain, partly, declared], []);

        Assert.Equal(["Cecilia", "Anna", "Berit"], ranked.Select(c => c.Assistant.Name));
        Assert.True(ranked[0].DeclaredAvailable);
        Assert.False(ranked[2].DeclaredAvailable);
    }
}
