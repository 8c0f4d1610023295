using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Providers;
using Jour.Core.ShortTermCare;
using Jour.Core.UseCases;

namespace Jour.Core.FollowUp;

#pragma warning disable SA1649, SA1402

/// <summary>One month's provider basis (issue 19): what the standby organisation did for each ordinary provider's clients.</summary>
public sealed record ProviderBasisRequest(int Year, int Month) : IRequest<ProviderBasis>;

/// <summary>
/// Per ordinary provider, the hours standby staff worked for its clients in the month and the days its clients
/// held a short-term place. The provider keeps Försäkringskassan's assistansersättning for those hours, and
/// for a placement "regleras ersättningen mellan beredskapsorganisationen och ordinarie assistansanordnare"
/// (seed 000): this is what the two settle from.
/// </summary>
public sealed record ProviderBasis(DateOnly From, DateOnly To, IReadOnlyList<ProviderBasisProvider> Providers, long SignedMinutes, long UnsignedMinutes, int PlacementDays);

/// <summary>One provider's clients; a case with no provider recorded is listed under a null id, named by the caller.</summary>
public sealed record ProviderBasisProvider(long? ProviderId, string Name, string OrganisationNumber, IReadOnlyList<ProviderBasisClient> Clients, long SignedMinutes, long UnsignedMinutes, int PlacementDays);

/// <summary>One client of a provider: the cases, how many time reports, the minutes signed by both and not yet, the placement days.</summary>
public sealed record ProviderBasisClient(string Name, string PersonalNumber, IReadOnlyList<string> CaseNumbers, int Reports, long SignedMinutes, long UnsignedMinutes, int PlacementDays);

/// <summary>
/// Builds <see cref="ProviderBasis"/>. The provider is the case's (the one that could not staff when the case
/// came in), else the client's. Hours follow the invoicing basis's rule: a time report belongs wholly to the
/// month it started in, so the providers' hours add up to the invoice's. A placement counts every Stockholm
/// date of the month on which the place was held, the day it was booked and the day it was freed included, up
/// to today in a running month.
/// </summary>
public static class ProviderBasisBuilder
{
    public static ProviderBasis Build(
        ReportPeriod period,
        DateOnly today,
        IEnumerable<TimeReportLine> timeReported,
        IEnumerable<ShortTermBooking> bookings,
        IReadOnlyDictionary<long, Case> cases,
        IReadOnlyDictionary<long, Client> clients,
        IReadOnlyDictionary<long, Provider> providers)
    {
        DateOnly lastCounted = today < period.To ? today : period.To;
        var reports = timeReported.Where(r => r.StartUtc >= period.FromUtc && r.StartUtc < period.ToUtc).ToList();
        var placements = bookings
            .Where(b => b.Holds(period.FromUtc, period.ToUtc))
            .Select(b => (b.CaseId, Days: PlacementDays(b, period.From, lastCounted)))
            .Where(p => p.Days > 0)
            .ToList();

        long? ProviderOf(long caseId) => cases.GetValueOrDefault(caseId) is { } c
            ? c.ProviderId ?? clients.GetValueOrDefault(c.ClientId)?.ProviderId
            : null;

        long ClientOf(long caseId) => cases.GetValueOrDefault(caseId)?.ClientId ?? 0;

        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        var perProvider = reports.Select(r => (Provider: ProviderOf(r.CaseId), Client: r.ClientId, Case: r.CaseId))
            .Concat(placements.Select(p => (Provider: ProviderOf(p.CaseId), Client: ClientOf(p.CaseId), Case: p.CaseId)))
            .GroupBy(k => k.Provider)
            .Select(g =>
            {
                var clientRows = g.Select(k => k.Client).Distinct().Select(clientId =>
                {
                    var caseIds = g.Where(k => k.Client == clientId).Select(k => k.Case).ToHashSet();
                    var mine = reports.Where(r => caseIds.Contains(r.CaseId)).ToList();
                    Client? client = clients.GetValueOrDefault(clientId);
                    return new ProviderBasisClient(
                        client?.Name ?? "?",
                        client?.PersonalIdentityNumber ?? "",
                        [.. caseIds.Select(id => cases.GetValueOrDefault(id)?.Number ?? "?").Order(StringComparer.Ordinal)],
                        mine.Count,
                        mine.Where(r => r.IsSigned).Sum(r => (long)r.Minutes),
                        mine.Where(r => !r.IsSigned).Sum(r => (long)r.Minutes),
                        placements.Where(p => caseIds.Contains(p.CaseId)).Sum(p => p.Days));
                }).OrderBy(c => c.Name, compare).ThenBy(c => c.PersonalNumber, StringComparer.Ordinal).ToList();
                Provider? provider = g.Key is { } id ? providers.GetValueOrDefault(id) : null;
                return new ProviderBasisProvider(
                    g.Key,
                    provider?.Name ?? "",
                    provider?.OrganisationNumber ?? "",
                    clientRows,
                    clientRows.Sum(c => c.SignedMinutes),
                    clientRows.Sum(c => c.UnsignedMinutes),
                    clientRows.Sum(c => c.PlacementDays));
            })

            // Providers by name; the cases with none recorded last, where finance looks for what to fix.
            .OrderBy(p => p.ProviderId is null)
            .ThenBy(p => p.Name, compare)
            .ToList();
        return new ProviderBasis(
            period.From,
            period.To,
            perProvider,
            perProvider.Sum(p => p.SignedMinutes),
            perProvider.Sum(p => p.UnsignedMinutes),
            perProvider.Sum(p => p.PlacementDays));
    }

    /// <summary>The Stockholm dates from <paramref name="from"/> to <paramref name="to"/> on which the place was held.</summary>
    public static int PlacementDays(ShortTermBooking booking, DateOnly from, DateOnly to)
    {
        DateOnly first = ReportPeriod.LocalDate(booking.FromUtc);
        DateOnly last = booking.ReleasedUtc is { } released ? ReportPeriod.LocalDate(released) : to;
        first = first > from ? first : from;
        last = last < to ? last : to;
        return Math.Max(0, last.DayNumber - first.DayNumber + 1);
    }
}
