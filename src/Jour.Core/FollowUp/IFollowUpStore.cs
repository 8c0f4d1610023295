using Jour.Core.Cases;
using Jour.Core.Deployments;

namespace Jour.Core.FollowUp;

/// <summary>What the invoicing basis and the statistics need from storage, by indexed ranges only.</summary>
public interface IFollowUpStore
{
    /// <summary>The settings, or null when never saved.</summary>
    FollowUpSettings? LoadSettings();

    void SaveSettings(FollowUpSettings settings);

    /// <summary>Deployments whose time report starts in [fromUtc, toUtc), by the report-start index.</summary>
    IReadOnlyList<Deployment> LoadTimeReported(DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// Cases received before <paramref name="toUtc"/> that had not ended before <paramref name="fromUtc"/>:
    /// open cases, cases ended on or after <paramref name="fromUtc"/>, and ended cases stored before
    /// <see cref="Case.EndedUtc"/> existed (the caller decides those by their other times).
    /// </summary>
    IReadOnlyList<Case> LoadCasesActiveIn(DateTime fromUtc, DateTime toUtc);

    /// <summary>The cases with these ids, by the primary key.</summary>
    IReadOnlyList<Case> LoadCasesById(IReadOnlyCollection<long> ids);
}
