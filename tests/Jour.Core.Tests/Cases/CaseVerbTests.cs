using Jour.Core.Cases;
using Jour.Core.Common;

namespace Jour.Core.Tests.Cases;

/// <summary>The case moves only by its verbs; every legal move once, every other one refused with the state it is in.</summary>
public sealed class CaseVerbTests
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly (CaseState From, CaseTrigger Trigger, CaseState To)[] s_legal =
    [
        (CaseState.Received, CaseTrigger.StartAssessment, CaseState.Assessing),
        (CaseState.Received, CaseTrigger.Withdraw, CaseState.Withdrawn),
        (CaseState.Assessing, CaseTrigger.Accept, CaseState.Staffing),
        (CaseState.Assessing, CaseTrigger.Decline, CaseState.Declined),
        (CaseState.Assessing, CaseTrigger.Withdraw, CaseState.Withdrawn),
        (CaseState.Staffing, CaseTrigger.MarkCovered, CaseState.Covered),
        (CaseState.Staffing, CaseTrigger.MoveToShortTermPlacement, CaseState.ShortTermPlacement),
        (CaseState.Staffing, CaseTrigger.HandBack, CaseState.HandedBack),
        (CaseState.Covered, CaseTrigger.GapAppeared, CaseState.Staffing),
        (CaseState.Covered, CaseTrigger.MoveToShortTermPlacement, CaseState.ShortTermPlacement),
        (CaseState.Covered, CaseTrigger.HandBack, CaseState.HandedBack),
        (CaseState.ShortTermPlacement, CaseTrigger.HandBack, CaseState.HandedBack),
        (CaseState.HandedBack, CaseTrigger.Close, CaseState.Closed),
        (CaseState.HandedBack, CaseTrigger.Reopen, CaseState.Staffing),
    ];

    public static TheoryData<CaseState, CaseTrigger, CaseState> LegalMoves => new(s_legal);

    public static TheoryData<CaseState, CaseTrigger> IllegalMoves
    {
        get
        {
            var data = new TheoryData<CaseState, CaseTrigger>();
            foreach (CaseState from in Enum.GetValues<CaseState>())
            {
                foreach (CaseTrigger trigger in Enum.GetValues<CaseTrigger>().Where(t => !s_legal.Any(l => l.From == from && l.Trigger == t)))
                {
                    data.Add(from, trigger);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Verb_ALegalMove_ChangesTheStateAndTheQueryAgrees(CaseState from, CaseTrigger trigger, CaseState to)
    {
        Case c = Ready(from);

        Assert.True(Can(c, trigger, s_now));
        CaseEvent e = Do(c, trigger, s_now);

        Assert.Equal(to, c.State);
        Assert.Equal((from, to, trigger), (e.From, e.To, e.Trigger));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Verb_AnIllegalMove_IsRefusedNamingTheState_AndTheStateStays(CaseState from, CaseTrigger trigger)
    {
        Case c = Ready(from);

        Assert.False(Can(c, trigger, s_now));
        var ex = Assert.Throws<JourException>(() => Do(c, trigger, s_now));

        Assert.Equal(ErrorCodes.TriggerNotPermitted, ex.Code);
        Assert.Equal($"Det går inte i läget {Messages.Get("State_" + from)}.", ex.Localized);
        Assert.Equal(from, c.State);
    }

    [Fact]
    public void Guards_TakeTheTimeAsAnArgument_TheSameCaseAnswersForEachTimeAsked()
    {
        var c = new Case { State = CaseState.HandedBack, HandedBackUtc = s_now };

        Assert.True(c.CanReopen(s_now.AddDays(14)));
        Assert.False(c.CanReopen(s_now.AddDays(15)));
        Assert.True(c.CanReopen(s_now.AddDays(1)));
        Assert.Equal([ErrorCodes.GuardReopenPeriodPassed], c.UnmetGuards(CaseTrigger.Reopen, s_now.AddDays(15)));

        var ex = Assert.Throws<JourException>(() => c.Reopen(s_now.AddDays(15), 1, "igen"));
        Assert.Equal(ErrorCodes.GuardReopenPeriodPassed, ex.Code);
        Assert.Equal(CaseState.HandedBack, c.State);
    }

    [Fact]
    public void HandBack_KeepsWhenAndWhy_Close_EndsTheCase()
    {
        var c = new Case { State = CaseState.Covered };

        c.HandBack(s_now, 1, ClosingReason.NewProvider, "");
        c.Close(s_now.AddHours(1), 1);

        Assert.Equal(s_now, c.HandedBackUtc);
        Assert.Equal(ClosingReason.NewProvider, c.ClosingReason);
        Assert.Equal(s_now.AddHours(1), c.EndedUtc);
    }

    /// <summary>A case in <paramref name="state"/> that meets every guard, so only the graph decides.</summary>
    private static Case Ready(CaseState state)
    {
        var c = new Case { State = state, ProviderAlternativesExhausted = true, HandedBackUtc = state == CaseState.HandedBack ? s_now : null };
        c.Verification.Add(new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted, AtUtc = s_now });
        c.Verification.Add(new VerificationStep { Step = PriorityStep.StandbyPool, AtUtc = s_now });
        c.Verification.Add(new VerificationStep { Step = PriorityStep.ShortTermPlacement, AtUtc = s_now });
        c.ShortTermBookingId = 1;
        if (state == CaseState.Covered)
        {
            // GapAppeared is a move the coverage makes when a window lacks people.
            c.Needs.Add(new NeedWindow { FromUtc = s_now.AddHours(2), ToUtc = s_now.AddHours(8), Assistants = 1 });
        }

        return c;
    }

    private static CaseEvent Do(Case c, CaseTrigger trigger, DateTime now) => trigger switch
    {
        CaseTrigger.StartAssessment => c.StartAssessment(now, 1),
        CaseTrigger.Accept => c.Accept(now, 1),
        CaseTrigger.Decline => c.Decline(now, 1, "alternativ finns"),
        CaseTrigger.MarkCovered => c.MarkCovered(now, 1, ""),
        CaseTrigger.GapAppeared => c.GapAppeared(now, 1, "lucka"),
        CaseTrigger.MoveToShortTermPlacement => c.PlaceInShortTermCare(now, 1, ""),
        CaseTrigger.HandBack => c.HandBack(now, 1, ClosingReason.NewProvider, ""),
        CaseTrigger.Close => c.Close(now, 1),
        CaseTrigger.Withdraw => c.Withdraw(now, 1, "löst"),
        _ => c.Reopen(now, 1, "igen"),
    };

    private static bool Can(Case c, CaseTrigger trigger, DateTime now) => trigger switch
    {
        CaseTrigger.StartAssessment => c.CanStartAssessment(now),
        CaseTrigger.Accept => c.CanAccept(now),
        CaseTrigger.Decline => c.CanDecline(now),
        CaseTrigger.MarkCovered => c.CanMarkCovered(now),
        CaseTrigger.GapAppeared => c.CanGapAppear(now),
        CaseTrigger.MoveToShortTermPlacement => c.CanPlaceInShortTermCare(now),
        CaseTrigger.HandBack => c.CanHandBack(now),
        CaseTrigger.Close => c.CanClose(now),
        CaseTrigger.Withdraw => c.CanWithdraw(now),
        _ => c.CanReopen(now),
    };
}
