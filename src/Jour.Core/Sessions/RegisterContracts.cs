using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Providers;
using Jour.Core.UseCases;

namespace Jour.Core.Sessions;

// Records for the intake form, the registers and drafts. Flat and immutable: they travel as JSON.
#pragma warning disable SA1649, CA1711

/// <summary>Someone who speaks for a client.</summary>
public sealed record RepresentativeData(RepresentativeKind Kind, string Name, string Phone, string PersonalNumber = "");

/// <summary>A client in full, for the client form; <see cref="Id"/> 0 creates one.</summary>
public sealed record ClientData(
    long Id,
    string Name,
    string PersonalIdentityNumber,
    string Address,
    string AccessNote,
    long? ProviderId,
    bool IsSelfEmployer,
    decimal GrantedHoursPerWeek,
    AssistanceBasis Basis,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> DelegatedTasks,
    IReadOnlyList<RepresentativeData> Representatives,
    int Revision);

/// <summary>A contact at a provider.</summary>
public sealed record ContactData(string Name, string Phone);

/// <summary>A provider in full; <see cref="Id"/> 0 creates one.</summary>
public sealed record ProviderData(
    long Id,
    string Name,
    string OrganisationNumber,
    bool HasFTax,
    IvoPermit Permit,
    ProviderStatus Status,
    string Phone,
    IReadOnlyList<ContactData> Contacts,
    int Revision);

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

/// <summary>A saved form: field name to text as typed.</summary>
public sealed record DraftData(string Form, IReadOnlyDictionary<string, string> Fields, DateTime SavedUtc);
#pragma warning restore SA1649, CA1711
