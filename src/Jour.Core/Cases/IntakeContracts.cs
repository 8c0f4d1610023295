using Jour.Core.Clients;
using Jour.Core.Providers;
using Jour.Core.UseCases;

namespace Jour.Core.Cases;

#pragma warning disable SA1649, CA1711

/// <summary>A time window of need as the intake form sends it.</summary>
public sealed record NeedWindowData(DateTime FromUtc, DateTime ToUtc, int Assistants, IReadOnlyList<string> Competences, int Confirmed);

/// <summary>A new case from the intake form.</summary>
public sealed record NewCaseRequest(
    long ClientId,
    long? ProviderId,
    bool IsSelfEmployer,
    CaseReason Reason,
    string CallerName,
    string CallerPhone,
    IReadOnlyList<NeedWindowData> Needs,
    Urgency Urgency,
    string Description) : IRequest<CaseDetail>;

/// <summary>
/// One step of the verification: with <see cref="Step"/> null, the statement that the provider's own
/// alternatives are exhausted; otherwise a step of the priority order. Made against a revision.
/// </summary>
public sealed record VerificationRequest(long CaseId, PriorityStep? Step, DateTime AtUtc, string Outcome, int ExpectedRevision) : IRequest<CaseDetail>;

/// <summary>A recorded verification step as the case screen shows it.</summary>
public sealed record VerificationData(PriorityStep? Step, DateTime AtUtc, string Outcome);

/// <summary>A trigger the state has but whose guard is unmet, with what is missing.</summary>
public sealed record BlockedTrigger(CaseTrigger Trigger, string Missing);
