using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.UseCases;

namespace Jour.Core.AccessLog;

#pragma warning disable SA1649, CA1711

/// <summary>Which part of the access log to show; null filters are not applied.</summary>
/// <summary>
/// An export made from a screen (the invoicing basis, the statistics, the access log): what, and where it went
/// (the file's path, or the printer), kept in the access log like every other reading of sensitive data.
/// </summary>
public sealed record RecordExport(AccessedData What, string Where) : IRequest<bool>;

public sealed record AccessLogQuery(DateTime FromUtc, DateTime ToUtc, long? UserId, long? ClientId) : IRequest<IReadOnlyList<AccessLogRow>>;

/// <summary>One access log entry with names resolved.</summary>
public sealed record AccessLogRow(
    long Id,
    DateTime AtUtc,
    long UserId,
    string UserName,
    long ClientId,
    string ClientName,
    AccessedData What,
    AccessBasis Basis,
    string CaseNumber,
    string Reason)
{
    public bool IsEmergency => Basis == AccessBasis.Emergency;
}
