using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.UseCases;

namespace Jour.Core.Extracts;

#pragma warning disable SA1649, CA1711

/// <summary>
/// A person's register extract (GDPR art. 15, the right to insight under SoL and LSS): the client by id (the
/// client register) or, with <see cref="ClientId"/> 0, by <see cref="Client"/>, a personnummer or a name that
/// fits one client only. <see cref="Destination"/> says where it goes (the file, or the printer) and is kept in
/// the access log's line for the extract.
/// </summary>
public sealed record GetClientExtract(long ClientId, string Client, string Destination) : IRequest<ClientExtract>;

/// <summary>
/// Everything Jour keeps about one person, gathered by the server in one answer: the register data, every case
/// with its timeline, deployments and time reports, both journal series apart (never mixed), incidents,
/// complaints, and who read the person's data (the extract's own line included).
/// </summary>
public sealed record ClientExtract(
    DateTime MadeUtc,
    string MadeByName,
    ClientData Client,
    string ProviderName,
    IReadOnlyList<CaseDetail> Cases,
    IReadOnlyList<JournalEntryData> JournalSol,
    IReadOnlyList<JournalEntryData> JournalLss,
    IReadOnlyList<IncidentData> Incidents,
    IReadOnlyList<ComplaintData> Complaints,
    IReadOnlyList<AccessLogRow> AccessLog);
