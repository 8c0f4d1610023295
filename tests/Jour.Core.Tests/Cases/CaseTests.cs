using Jour.Core.Cases;
using Jour.Core.Common;

namespace Jour.Core.Tests.Cases;

public class CaseTests
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Accept_WithoutVerification_IsRefusedNamingWhatIsMissing()
    {
        var c = new Case { State = CaseState.Assessing };

        var ex = Assert.Throws<JourException>(() => c.Fire(CaseTrigger.Accept, s_now, 1, ""));

        Assert.Equal(ErrorCodes.GuardExhaustedMissing, ex.Code);
        Assert.Equal([ErrorCodes.GuardExhaustedMissing, ErrorCodes.GuardStep1Missing, ErrorCodes.GuardStep2Missing], c.UnmetGuards(CaseTrigger.Accept, s_now));
        Assert.Equal(CaseState.Assessing, c.State);
        Assert.DoesNotContain(CaseTrigger.Accept, c.PermittedTriggers(s_now));
    }

    [Fact]
    public void Accept_WithStepsOneAndTwoRecorded_MovesToStaffing()
    {
        var c = Verified(new Case { State = CaseState.Assessing });

        CaseEvent e = c.Fire(CaseTrigger.Accept, s_now, 7, "");

        Assert.Equal(CaseState.Staffing, c.State);
        Assert.Equal(CaseState.Assessing, e.From);
        Assert.Equal(CaseState.Staffing, e.To);
        Assert.Equal(7, e.UserId);
        Assert.Equal(s_now, e.AtUtc);
    }

    [Fact]
    public void Accept_WithOnlyStepOne_IsRefused()
    {
        var c = new Case { State = CaseState.Assessing, ProviderAlternativesExhausted = true };
        c.Verification.Add(new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted, AtUtc = s_now });

        Assert.Equal([ErrorCodes.GuardStep2Missing], c.UnmetGuards(CaseTrigger.Accept, s_now));
    }

    [Fact]
    public void MarkCovered_WithAnUncoveredWindowTonight_IsRefused()
    {
        var c = new Case { State = CaseState.Staffing };
        c.Needs.Add(new NeedWindow { FromUtc = s_now.AddHours(19), ToUtc = s_now.AddHours(28), Assistants = 2, Confirmed = 1 });

        var ex = Assert.Throws<JourException>(() => c.Fire(CaseTrigger.MarkCovered, s_now, 1, ""));

        Assert.Equal(ErrorCodes.GuardWindowsUncovered, ex.Code);
    }

    [Fact]
    public void MarkCovered_WithGapOnlyBeyond24Hours_IsPermitted()
    {
        var c = new Case { State = CaseState.Staffing };
        c.Needs.Add(new NeedWindow { FromUtc = s_now.AddHours(30), ToUtc = s_now.AddHours(38), Assistants = 1 });

        c.Fire(CaseTrigger.MarkCovered, s_now, 1, "");

        Assert.Equal(CaseState.Covered, c.State);
    }

    [Theory]
    [InlineData(CaseTrigger.Decline)]
    [InlineData(CaseTrigger.Withdraw)]
    public void ReasonRequiredTriggers_WithoutReason_AreRefused(CaseTrigger trigger)
    {
        var c = new Case { State = CaseState.Assessing };

        var ex = Assert.Throws<JourException>(() => c.Fire(trigger, s_now, 1, "  "));

        Assert.Equal(ErrorCodes.ReasonRequired, ex.Code);
        Assert.Equal(CaseState.Assessing, c.State);
    }

    [Fact]
    public void Withdraw_FromStaffing_IsNotPermitted()
    {
        var c = new Case { State = CaseState.Staffing };

        var ex = Assert.Throws<JourException>(() => c.Fire(CaseTrigger.Withdraw, s_now, 1, "löst"));

        Assert.Equal(ErrorCodes.TriggerNotPermitted, ex.Code);
    }

    [Fact]
    public void Reopen_WithinPeriod_ReturnsToStaffing_AfterPeriod_IsRefused()
    {
        var c = new Case { State = CaseState.Covered };
        c.Fire(CaseTrigger.HandBack, s_now, 1, "");
        Assert.Equal(s_now, c.HandedBackUtc);

        var late = new Case { State = CaseState.HandedBack, HandedBackUtc = s_now.AddDays(-15) };
        Assert.Equal([ErrorCodes.GuardReopenPeriodPassed], late.UnmetGuards(CaseTrigger.Reopen, s_now));

        c.Fire(CaseTrigger.Reopen, s_now.AddDays(3), 1, "anordnaren föll bort igen");
        Assert.Equal(CaseState.Staffing, c.State);
    }

    [Fact]
    public void Close_FromHandedBack_IsPermittedWhileNoTimeReportsExist()
    {
        // Time reports arrive with the roster issue; until then the guard has nothing unsigned to wait for.
        var c = new Case { State = CaseState.HandedBack, HandedBackUtc = s_now };

        c.Fire(CaseTrigger.Close, s_now, 1, "");

        Assert.Equal(CaseState.Closed, c.State);
        Assert.False(c.IsOpen);
    }

    [Theory]
    [InlineData(CaseState.Received, new[] { CaseTrigger.StartAssessment, CaseTrigger.Withdraw })]
    [InlineData(CaseState.Covered, new[] { CaseTrigger.GapAppeared, CaseTrigger.HandBack })]
    [InlineData(CaseState.ShortTermPlacement, new[] { CaseTrigger.HandBack })]
    [InlineData(CaseState.Closed, new CaseTrigger[0])]
    [InlineData(CaseState.Declined, new CaseTrigger[0])]
    public void PermittedTriggers_AreExactlyTheMachines(CaseState state, CaseTrigger[] expected)
    {
        var c = new Case { State = state };

        Assert.Equal(expected.OrderBy(t => t), c.PermittedTriggers(s_now).OrderBy(t => t));
    }

    [Fact]
    public void Korttidsplats_NeedsStep3AndABookedPlace_AndIsOfferedOnceOnlyTheBookingIsMissing()
    {
        var c = new Case { State = CaseState.Covered };
        Assert.Equal([ErrorCodes.GuardStep3Missing, ErrorCodes.GuardPlaceNotBooked], c.UnmetGuards(CaseTrigger.MoveToShortTermPlacement, s_now));
        Assert.DoesNotContain(CaseTrigger.MoveToShortTermPlacement, c.OfferedTriggers(s_now));
        Assert.Equal([ErrorCodes.GuardStep3Missing], c.BlockedTriggers(s_now).Single(b => b.Trigger == CaseTrigger.MoveToShortTermPlacement).Missing);

        c.Verification.Add(new VerificationStep { Step = PriorityStep.ShortTermPlacement, AtUtc = s_now, Outcome = "plats finns" });
        Assert.Equal([ErrorCodes.GuardPlaceNotBooked], c.UnmetGuards(CaseTrigger.MoveToShortTermPlacement, s_now));
        Assert.Contains(CaseTrigger.MoveToShortTermPlacement, c.OfferedTriggers(s_now));
        Assert.DoesNotContain(CaseTrigger.MoveToShortTermPlacement, c.PermittedTriggers(s_now));
        Assert.DoesNotContain(c.BlockedTriggers(s_now), b => b.Trigger == CaseTrigger.MoveToShortTermPlacement);
        Assert.Equal(ErrorCodes.GuardPlaceNotBooked, Assert.Throws<JourException>(() => c.PlaceInShortTermCare(s_now, 1, "")).Code);

        c.ShortTermBookingId = 7;
        c.PlaceInShortTermCare(s_now, 1, "");
        Assert.Equal(CaseState.ShortTermPlacement, c.State);
    }

    [Fact]
    public void FormatGraph_Mermaid_NamesEveryStateAndGuard()
    {
        string graph = Case.FormatGraph(mermaid: true);

        Assert.Contains("stateDiagram-v2", graph, StringComparison.Ordinal);
        foreach (CaseState s in Enum.GetValues<CaseState>())
        {
            Assert.Contains(s.ToString(), graph, StringComparison.Ordinal);
        }

        Assert.Contains(ErrorCodes.GuardStep1Missing, graph, StringComparison.Ordinal);
    }

    [Fact]
    public void EnteringAState_RecordsWhatItMeans_FromTheMomentTheTriggerCarried()
    {
        var c = new Case { State = CaseState.Staffing };
        c.HandBack(s_now, 1, ClosingReason.Hospital, "inlagd");
        Assert.Equal((s_now, ClosingReason.Hospital, (DateTime?)null), (c.HandedBackUtc!.Value, c.ClosingReason!.Value, c.EndedUtc));

        c.Reopen(s_now.AddDays(1), 1, "hemma igen");
        Assert.Equal((CaseState.Staffing, (ClosingReason?)null, (DateTime?)null), (c.State, c.ClosingReason, c.EndedUtc));

        c.HandBack(s_now.AddDays(2), 1, ClosingReason.ProviderResumed, "");
        c.Close(s_now.AddDays(3), 1);
        Assert.Equal((CaseState.Closed, s_now.AddDays(3), ClosingReason.ProviderResumed), (c.State, c.EndedUtc!.Value, c.ClosingReason!.Value));

        var declined = new Case { State = CaseState.Assessing };
        declined.Decline(s_now, 1, "anordnaren löste det");
        Assert.Equal(s_now, declined.EndedUtc);
    }

    [Fact]
    public void Readme_EmbedsTheMachinesCurrentGraph()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jour.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        string readme = File.ReadAllText(Path.Combine(dir.FullName, "README.md")).ReplaceLineEndings("\n");
        string graph = Case.FormatGraph(mermaid: true).ReplaceLineEndings("\n").TrimEnd();
        Assert.Contains("```mermaid\n" + graph + "\n```", readme, StringComparison.Ordinal);
    }

    private static Case Verified(Case c)
    {
        c.ProviderAlternativesExhausted = true;
        c.Verification.Add(new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted, AtUtc = s_now.AddMinutes(-30), Outcome = "inga" });
        c.Verification.Add(new VerificationStep { Step = PriorityStep.StandbyPool, AtUtc = s_now.AddMinutes(-10), Outcome = "två" });
        return c;
    }
}
