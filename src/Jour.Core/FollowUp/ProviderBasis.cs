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
/// Builds <see cref="ProviderBasis"/> from the month's time report lines (which carry their case's number, client
/// and provider) and the short-term bookings with their cases. The provider is the case's (the one that could
/// not staff when the case came in), else the client's. Hours follow the invoicing basis's rule: a time report belongs wholly to the
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
        IReadOnlyDictionary<long, Case> placedCases,
        IReadOnlyDictionary<long, Client> clients,
        IReadOnlyDictionary<long, Provider> providers)
    {
        DateOnly lastCounted = today < period.To ? today : period.To;

        long? ClientsProvider(long clientId) => clients.GetValueOrDefault(clientId)?.ProviderId;

        // One pass over the month's reports and placements, each added to its provider's client.
        var rows = new Dictionary<(long? Provider, long Client), ClientTotals>();
        ClientTotals Row(long? providerId, long clientId, string caseNumber)
        {
            var key = (providerId ?? ClientsProvider(clientId), clientId);
            if (!rows.TryGetValue(key, out ClientTotals? totals))
            {
                rows[key] = totals = new ClientTotals();
            }

            totals.Cases.Add(caseNumber);
            return totals;
        }

        foreach (TimeReportLine r in timeReported)
        {
            if (r.StartUtc >= period.FromUtc && r.StartUtc < period.ToUtc)
            {
                ClientTotals totals = Row(r.ProviderId, r.ClientId, r.CaseNumber);
                totals.Reports++;
                if (r.IsSigned)
                {
                    totals.Signed += r.Minutes;
                }
                else
                {
                    totals.Unsigned += r.Minutes;
                }
            }
        }

        foreach (ShortTermBooking b in bookings)
        {
            int days = b.Holds(period.FromUtc, period.ToUtc) ? PlacementDays(b, period.From, lastCounted) : 0;
            if (days > 0 && placedCases.GetValueOrDefault(b.CaseId) is { } c)
            {
                Row(c.ProviderId, c.ClientId, c.Number).PlacementDays += days;
            }
        }

        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        var perProvider = rows
            .GroupBy(kv => kv.Key.Provider)
            .Select(g =>
            {
                var clientRows = g.Select(kv =>
                {
                    Client? client = clients.GetValueOrDefault(kv.Key.Client);
                    ClientTotals t = kv.Value;
                    return new ProviderBasisClient(
                        client?.Name ?? "?",
                        client?.PersonalIdentityNumber ?? "",
                        [.. t.Cases.Order(StringComparer.Ordinal)],
                        t.Reports,
                        t.Signed,
                        t.Unsigned,
                        t.PlacementDays);
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

    private sealed class ClientTotals
    {
        public HashSet<string> Cases { get; } = [];

        public int Reports { get; set; }

        public long Signed { get; set; }

        public long Unsigned { get; set; }

        public int PlacementDays { get; set; }
    }
}
