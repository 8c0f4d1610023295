using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Deployments;
using Jour.Core.Providers;
using Jour.Core.Staff;

namespace Jour.Core.Handover;

/// <summary>
/// Everything a handover is composed from, as loaded from the store. <see cref="Shifts"/> is the on-call
/// duty from before the current shift to 72 hours ahead, gaps included; <see cref="Deployments"/> holds
/// every deployment of the open cases and every one in the next 72 hours.
/// </summary>
public sealed record HandoverSource(
    bool IsDemo,
    IReadOnlyList<OfficerShift> Shifts,
    IReadOnlyList<Case> OpenCases,
    IReadOnlyList<Deployment> Deployments,
    IReadOnlyList<Client> Clients,
    IReadOnlyList<Provider> Providers,
    IReadOnlyList<StandbyAssistant> Staff,
    DateTime? LastHandoverUtc = null,
    string Notes = "",
    string? OutgoingName = null,
    DateOnly? ContractExtensionDue = null,
    IReadOnlyList<Incidents.Incident>? Incidents = null);

/// <summary>How a handover is drawn: addresses only for printouts taken on a deployment.</summary>
public sealed record HandoverOptions(bool WithAddresses = false);
