using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Core.Providers;
using Jour.Core.ShortTermCare;
using static Jour.Core.Tests.FollowUp.InvoiceBasisBuilderTests;

namespace Jour.Core.Tests.FollowUp;

/// <summary>
/// The provider basis (issue 19): hours per ordinary provider's clients by the invoice's month rule, the
/// case's provider before the client's, cases with none last, and short-term days counted by Stockholm date.
/// </summary>
public sealed class ProviderBasisBuilderTests
{
    private static readonly Dictionary<long, Provider> s_providers = new()
    {
        [1] = new Provider { Id = 1, Name = "Omsorg Norr AB", OrganisationNumber = "556677-8899" },
        [2] = new Provider { Id = 2, Name = "Assistanshuset", OrganisationNumber = "556000-1111" },
    };

    private static readonly Dictionary<long, Client> s_clients = new()
    {
        [1] = new Client { Id = 1, Name = "Åsa Berg", PersonalIdentityNumber = "194203129287", ProviderId = 2 },
        [2] = new Client { Id = 2, Name = "Bo Ek", PersonalIdentityNumber = "195001019876", ProviderId = 2 },
        [3] = new Client { Id = 3, Name = "Cecilia Dahl", PersonalIdentityNumber = "196001011234" },
    };

    private static readonly Dictionary<long, Case> s_cases = new()
    {
        // The case names the provider that could not staff: it wins over the client's (who has since moved).
        [10] = new Case { Id = 10, Number = "2026-0001", ClientId = 1, ProviderId = 1 },
        [11] = new Case { Id = 11, Number = "2026-0002", ClientId = 2 },
        [12] = new Case { Id = 12, Number = "2026-0003", ClientId = 3 },
    };

    private static ProviderBasis Build(DateOnly today, IEnumerable<Deployment> reports, params ShortTermBooking[] bookings) =>
        ProviderBasisBuilder.Build(
            ReportPeriod.Month(2026, 10),
            today,
            reports.Select(d => TimeReportLine.Of(d, s_cases[d.CaseId])!),
            bookings,
            s_cases,
            s_clients,
            s_providers);

    [Fact]
    public void HoursGoToTheCasesProvider_ThenTheClients_AndCasesWithNoneComeLast()
    {
        ProviderBasis basis = Build(
            new DateOnly(2026, 12, 1),
            [
                Report(1, Local(2026, 10, 3, 8), Local(2026, 10, 3, 16), caseId: 10),
                Report(2, Local(2026, 10, 4, 8), Local(2026, 10, 4, 12), signed: false, caseId: 10),
                Report(3, Local(2026, 10, 31, 22), Local(2026, 11, 1, 6), caseId: 11),   // started in October: October's
                Report(4, Local(2026, 11, 1, 22), Local(2026, 11, 2, 6), caseId: 11),    // November's: not here
                Report(5, Local(2026, 10, 9, 8), Local(2026, 10, 9, 10), caseId: 12),
            ]);

        Assert.Equal(["Assistanshuset", "Omsorg Norr AB", ""], basis.Providers.Select(p => p.Name));
        Assert.Null(basis.Providers[2].ProviderId);
        ProviderBasisProvider norr = basis.Providers[1];
        ProviderBasisClient asa = Assert.Single(norr.Clients);
        Assert.Equal(("Åsa Berg", 2, 8 * 60L, 4 * 60L), (asa.Name, asa.Reports, asa.SignedMinutes, asa.UnsignedMinutes));
        Assert.Equal(["2026-0001"], asa.CaseNumbers);
        Assert.Equal(8 * 60L, basis.Providers[0].SignedMinutes);
        Assert.Equal((8 + 8 + 2) * 60L, basis.SignedMinutes);
        Assert.Equal(4 * 60L, basis.UnsignedMinutes);
    }

    [Fact]
    public void PlacementDays_CountEachStockholmDateHeldInTheMonth_UpToToday()
    {
        // Held from 30 September 23:30 (Stockholm) to 3 October 10:00: 1, 2 and 3 October in October.
        var handedBack = new ShortTermBooking { Id = 1, UnitId = 1, CaseId = 11, FromUtc = Local(2026, 9, 30, 23, 30), ReleasedUtc = Local(2026, 10, 3, 10) };

        // Still held, booked 28 October 00:30 Stockholm (27 October 23:30 UTC): 28 October to today, the 30th.
        var held = new ShortTermBooking { Id = 2, UnitId = 1, CaseId = 12, FromUtc = Local(2026, 10, 28, 0, 30) };

        // Freed before the month: not in it.
        var before = new ShortTermBooking { Id = 3, UnitId = 1, CaseId = 10, FromUtc = Local(2026, 9, 1, 8), ReleasedUtc = Local(2026, 9, 20, 8) };

        ProviderBasis basis = Build(new DateOnly(2026, 10, 30), [], handedBack, held, before);

        Assert.Equal(3, basis.Providers.Single(p => p.ProviderId == 2).Clients.Single().PlacementDays);
        Assert.Equal(3, basis.Providers.Single(p => p.ProviderId is null).Clients.Single().PlacementDays);
        Assert.DoesNotContain(basis.Providers, p => p.ProviderId == 1);
        Assert.Equal(6, basis.PlacementDays);
        Assert.Equal(0, basis.SignedMinutes);
    }
}
