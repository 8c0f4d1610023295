using Jour.Core.Cases;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Tests;

/// <summary>A case as the officer takes it on: received for a client with windows, verified (exhausted, steps 1 and 2) at <paramref name="verifiedAt"/>, accepted into Bemannas.</summary>
internal static class AcceptedCases
{
    public static CaseDetail Accepted(this JourUseCases useCases, SessionInfo officer, long clientId, IReadOnlyList<NeedWindowData> windows, DateTime verifiedAt)
    {
        CaseDetail c = useCases.CreateCase(officer, new NewCaseRequest(
            clientId, useCases.GetProviders()[0].Id, false, CaseReason.SicknessOrStaffShortage, "Eva Lind", "070-123 45 67", windows, Urgency.High, ""));
        c = useCases.Fire(officer, new TransitionRequest(c.Summary.Id, CaseTrigger.StartAssessment, "", c.Summary.Revision));
        c = useCases.RecordVerification(officer, new VerificationRequest(c.Summary.Id, null, verifiedAt, "Uttömda", c.Summary.Revision));
        c = useCases.RecordVerification(officer, new VerificationRequest(c.Summary.Id, PriorityStep.CrisisStaffingCentreContacted, verifiedAt, "Ingen", c.Summary.Revision));
        c = useCases.RecordVerification(officer, new VerificationRequest(c.Summary.Id, PriorityStep.StandbyPool, verifiedAt, "Poolen", c.Summary.Revision));
        return useCases.Fire(officer, new TransitionRequest(c.Summary.Id, CaseTrigger.Accept, "", c.Summary.Revision));
    }
}
