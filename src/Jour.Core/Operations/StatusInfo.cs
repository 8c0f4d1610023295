using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Operations;

#pragma warning disable SA1649, CA1711

/// <summary>
/// What the status bar shows besides the clock; <see cref="GapFromUtc"/> is the first instant of the
/// next 14 days with nobody on call; <see cref="UnacknowledgedHandoverUtc"/> is when the newest handover
/// was made if nobody has acknowledged it (the status bar warns once it is 30 minutes old);
/// <see cref="ContractExtensionDue"/> the contract's last day from two weeks before it until a new end is
/// entered (the extension must be decided); <see cref="HandoverWaitsFor"/> the user id of the incoming
/// officer of that unacknowledged handover, who is told at once (everyone else after 30 minutes), and
/// <see cref="HandoverFrom"/> who handed it over; <see cref="YearReportDue"/> the year whose report to the
/// committee is due by 31 March, throughout March; <see cref="OverdueMeasureIncidents"/> how many incidents have a
/// measure MAS/MAR required that is not done by its last day (a count only: the status bar shows it to MAS and coordinators).
/// </summary>
public sealed record StatusInfo(
    bool IsDemo,
    string? OnCallName,
    DateTime? OnCallUntilUtc,
    string? NextOnCallName,
    DateTime? NextOnCallStartUtc,
    int OpenCases,
    DateTime? GapFromUtc,
    DateTime? UnacknowledgedHandoverUtc = null,
    DateOnly? ContractExtensionDue = null,
    bool DiskLow = false,
    long? HandoverWaitsFor = null,
    string? HandoverFrom = null,
    int? YearReportDue = null,
    int OverdueMeasureIncidents = 0);
