using Jour.Core.Cases;
using Jour.Core.Deployments;

namespace Jour.Core.FollowUp;

/// <summary>What the invoicing basis and the statistics need from storage, by indexed ranges only.</summary>
public interface IFollowUpStore
{
    /// <summary>The settings, or null when never saved.</summary>
    FollowUpSettings? LoadSettings();

    void SaveSettings(FollowUpSettings settings);

    /// <summary>Every time report starting in [fromUtc, toUtc), as the invoicing basis lists it.</summary>
    IReadOnlyList<TimeReportLine> LoadTimeReportLines(DateTime fromUtc, DateTime toUtc);

    /// <summary>Every time report starting in [fromUtc, toUtc), as the statistics count it.</summary>
    IReadOnlyList<ReportFact> LoadReportFacts(DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// The cases received before <paramref name="toUtc"/> that were still active at <paramref name="fromUtc"/>:
    /// open ones, and ended ones whose <see cref="CaseFact.EndUtc"/> is on or after it.
    /// </summary>
    IReadOnlyList<CaseFact> LoadCaseFacts(DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// Those of <paramref name="clientIds"/> with a case received before <paramref name="beforeUtc"/> that is open or
    /// ended by that day (cases still active after it are among <see cref="LoadCaseFacts"/>'s): not new persons then.
    /// </summary>
    IReadOnlySet<long> ClientsWithCaseBefore(IEnumerable<long> clientIds, DateTime beforeUtc);
}
