using Jour.Core.Common;

namespace Jour.Core.UseCases;

/// <summary>
/// Every use case, gathered from its aggregate's list. A new use case is added to its aggregate's list; a
/// new aggregate adds its list here.
/// </summary>
public static class UseCaseCatalog
{
    private static readonly UseCase[] s_all =
    [
        .. Users.UserRequests.UseCases,
        .. Operations.OperationRequests.UseCases,
        .. Cases.CaseRequests.UseCases,
        .. Deployments.DeploymentRequests.UseCases,
        .. Clients.ClientRequests.UseCases,
        .. Providers.ProviderRequests.UseCases,
        .. Staff.StaffRequests.UseCases,
        .. Drafts.DraftRequests.UseCases,
        .. Roster.RosterRequests.UseCases,
        .. FollowUp.FollowUpRequests.UseCases,
        .. Contracts.ContractRequests.UseCases,
        .. Journals.JournalRequests.UseCases,
        .. AccessLog.AccessLogRequests.UseCases,
        .. Incidents.IncidentRequests.UseCases,
        .. Extracts.ExtractRequests.UseCases,
        .. Handover.HandoverRequests.UseCases,
        .. CallOuts.CallOutRequests.UseCases,
        .. ShortTermCare.ShortTermCareRequests.UseCases,
        .. Retention.RetentionRequests.UseCases,
        .. Hygiene.HygieneRequests.UseCases,
    ];

    private static readonly Dictionary<Type, UseCase> s_byType = s_all.ToDictionary(u => u.RequestType);
    private static readonly Dictionary<string, UseCase> s_byName = s_all.ToDictionary(u => u.Name, StringComparer.Ordinal);

    public static IReadOnlyList<UseCase> All => s_all;

    /// <summary>The use case of a request type; every request type has one (a test checks).</summary>
    public static UseCase For(Type requestType) =>
        s_byType.TryGetValue(requestType, out UseCase? useCase) ? useCase : throw new JourException(ErrorCodes.UnknownOperation, requestType.Name);

    /// <summary>The use case with a wire name, or null for a name no version of Jour has sent.</summary>
    public static UseCase? Named(string name) => s_byName.GetValueOrDefault(name);
}
