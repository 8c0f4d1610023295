namespace Jour.Core.Cases;

/// <summary>What an officer can do to move a case along.</summary>
public enum CaseTrigger
{
    StartAssessment,
    Decline,
    Accept,
    MarkCovered,
    GapAppeared,
    MoveToShortTermPlacement,
    HandBack,
    Close,
    Withdraw,
    Reopen,
}
