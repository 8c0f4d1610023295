using Jour.Core.Common;
using Jour.Core.Deployments;

namespace Jour.Core.Tests.Deployments;

public sealed class DeploymentTests
{
    private static readonly DateTime s_from = new(2026, 10, 24, 20, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_during = s_from.AddHours(1);

    public static TheoryData<DeploymentState, DeploymentState> LegalMoves => new()
    {
        { DeploymentState.Proposed, DeploymentState.Contacted },
        { DeploymentState.Proposed, DeploymentState.Confirmed },
        { DeploymentState.Proposed, DeploymentState.Declined },
        { DeploymentState.Proposed, DeploymentState.Cancelled },
        { DeploymentState.Contacted, DeploymentState.Confirmed },
        { DeploymentState.Contacted, DeploymentState.Declined },
        { DeploymentState.Contacted, DeploymentState.Cancelled },
        { DeploymentState.Confirmed, DeploymentState.OnSite },
        { DeploymentState.Confirmed, DeploymentState.Completed },
        { DeploymentState.Confirmed, DeploymentState.Declined },
        { DeploymentState.Confirmed, DeploymentState.Cancelled },
        { DeploymentState.OnSite, DeploymentState.Completed },
    };

    public static TheoryData<DeploymentState, DeploymentState> IllegalMoves
    {
        get
        {
            var legal = LegalMoves.Select(row => row.Data).ToHashSet();
            var data = new TheoryData<DeploymentState, DeploymentState>();
            foreach (DeploymentState from in Enum.GetValues<DeploymentState>())
            {
                foreach (DeploymentState to in Enum.GetValues<DeploymentState>().Where(to => !legal.Contains((from, to))))
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void MoveTo_ALegalMove_ChangesTheState(DeploymentState from, DeploymentState to)
    {
        Deployment d = At(from);

        Assert.Contains(to, d.PermittedMoves(s_during));
        d.MoveTo(to, s_during);

        Assert.Equal(to, d.State);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void MoveTo_AnIllegalMove_IsRefusedNamingBothStates_AndTheStateStays(DeploymentState from, DeploymentState to)
    {
        Deployment d = At(from);

        var ex = Assert.Throws<JourException>(() => d.MoveTo(to, s_during));

        Assert.Equal(ErrorCodes.DeploymentMoveRefused, ex.Code);
        Assert.Equal(Messages.Format(ErrorCodes.DeploymentMoveRefused, [Messages.Get("Deployment_" + from), Messages.Get("Deployment_" + to)]), ex.Localized);
        Assert.Equal(from, d.State);
        Assert.DoesNotContain(to, d.PermittedMoves(s_during));
    }

    [Fact]
    public void Completed_ToProposed_IsRefusedWithASwedishMessage()
    {
        var ex = Assert.Throws<JourException>(() => At(DeploymentState.Completed).MoveTo(DeploymentState.Proposed, s_during));

        Assert.Equal("En insats som är genomförd kan inte bli föreslagen.", ex.Localized);
    }

    [Fact]
    public void Verbs_FollowTheMachine_AndTheirQueriesAgree()
    {
        Deployment d = At(DeploymentState.Proposed);
        Assert.True(d.CanContact(s_during));
        Assert.False(d.CanArrive(s_during));

        d.Contact(s_during);
        d.Confirm(s_during);
        Assert.True(d.Covers);
        d.Arrive(s_during);
        Assert.False(d.CanCancel(s_during));
        Assert.Throws<JourException>(() => d.Cancel(s_during));
        d.Complete(s_during);

        Assert.Equal(DeploymentState.Completed, d.State);
        Assert.Empty(d.PermittedMoves(s_during));
    }

    [Fact]
    public void Arrive_MoreThanTwoHoursBeforeTheShift_IsRefusedSayingWhenItStarts()
    {
        Deployment d = At(DeploymentState.Confirmed);
        DateTime early = s_from - Deployment.ArrivalMargin - TimeSpan.FromMinutes(1);

        Assert.False(d.CanArrive(early));
        var ex = Assert.Throws<JourException>(() => d.Arrive(early));

        Assert.Equal(ErrorCodes.GuardDeploymentNotStarted, ex.Code);
        Assert.Contains(SwedishTime.FormatLocal(s_from), ex.Localized, StringComparison.Ordinal);
        Assert.True(d.CanArrive(s_from - Deployment.ArrivalMargin));
    }

    [Fact]
    public void Arrive_AfterTheShift_IsRefused_RecordTheTimeInstead()
    {
        Deployment d = At(DeploymentState.Confirmed);

        Assert.Equal(ErrorCodes.GuardDeploymentShiftOver, Assert.Throws<JourException>(() => d.Arrive(d.ToUtc)).Code);
        Assert.Equal(DeploymentState.Confirmed, d.State);
    }

    [Fact]
    public void Confirm_ABlockedAssistantsDeployment_IsRefused_ItIsToBeReplaced()
    {
        var d = new Deployment { State = DeploymentState.Contacted, FromUtc = s_from, ToUtc = s_from.AddHours(9), NeedsReplacement = true };

        var ex = Assert.Throws<JourException>(() => d.Confirm(s_during));

        Assert.Equal(ErrorCodes.GuardDeploymentNeedsReplacement, ex.Code);
        Assert.Equal("Assistenten är spärrad: insatsen ska ersättas, inte bli bekräftad.", ex.Localized);
        Assert.True(d.CanCancel(s_during));
    }

    [Fact]
    public void FormatGraph_DrawsEveryState()
    {
        string dot = Deployment.FormatGraph(mermaid: false);

        Assert.All(Enum.GetNames<DeploymentState>(), s => Assert.Contains(s, dot, StringComparison.Ordinal));
    }

    private static Deployment At(DeploymentState state) =>
        new() { State = state, FromUtc = s_from, ToUtc = s_from.AddHours(9) };
}
