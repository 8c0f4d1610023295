using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Contracts;

/// <summary>
/// Contracts through the pipeline on the real store: the demo's contract (2025-01-01–2027-01-31, seed 000's
/// terms) and the seeds' own contracts of 2020–2022 beside it.
/// </summary>
public sealed class ContractUseCaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public ContractUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    private static DateOnly D(string day) => Contract.ParseDate(day)!.Value;

    private static readonly AddContract s_seed000 = new(
        D("2020-05-11"),
        D("2020-12-31"),
        1_787_000m,
        PriceLevel: null,
        LumpSumKr: null,
        UtilisationPercent: 65m,
        Deductions: [new DeductionData(343_600m, D("2020-03-16"), D("2020-06-05"), "Oanvända medel för fritidsverksamheterna")],
        MonthsPerExtension: 2);

    private SessionInfo As(Role role) => _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(role)).Id, "");

    [Fact]
    public void FinanceAddsTheSeedsContracts_EveryoneWhoMayReadsThemInOrder_WithSeed000sNetPerFullYear()
    {
        SessionInfo finance = As(Role.Finance);
        ContractData c2020 = _useCases.Send(finance, s_seed000);
        _useCases.Send(finance, new AddContract(D("2021-01-01"), D("2021-12-31"), 1_814_000m, 2021, null, MonthsPerExtension: 2));
        _useCases.Send(finance, new AddContract(D("2022-01-01"), D("2022-12-31"), null, null, 760_000m));

        Assert.Equal(281_850m, c2020.NetAnnualKr);
        IReadOnlyList<ContractData> list = _useCases.Send(As(Role.Coordinator), new GetContracts());
        Assert.Equal(["2020-05-11", "2021-01-01", "2022-01-01", "2025-01-01"], list.Select(c => Contract.FormatDate(c.From)));
        Assert.Equal([281_850m, 1_814_000m, 760_000m], list.Take(3).Select(c => c.NetAnnualKr));
        Assert.Equal(finance.UserId, Assert.Single(list[0].History).UserId);
        Assert.Equal(2021, list[1].PriceLevel);

        Assert.Equal(ErrorCodes.ContractsNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(As(Role.OnCallOfficer), new GetContracts())).Code);
        Assert.Equal(ErrorCodes.FinanceNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(As(Role.Coordinator), s_seed000 with { From = D("2019-01-01"), To = D("2019-12-31") })).Code);
    }

    [Fact]
    public void AnOverlap_IsRefused_WithASwedishMessageNamingBothPeriods_AndNothingIsStored()
    {
        SessionInfo finance = As(Role.Finance);
        _useCases.Send(finance, s_seed000);
        var refused = Assert.Throws<JourException>(() => _useCases.Send(finance, new AddContract(D("2020-12-01"), D("2021-05-31"), 1_814_000m, 2021, null)));

        Assert.Equal(ErrorCodes.ContractOverlaps, refused.Code);
        CultureInfo ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
            Assert.StartsWith("Perioden 2020-12-01–2021-05-31 överlappar avtalet 2020-05-11–2020-12-31.", refused.Localized, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }

        // The demo's contract (2025-01-01–2027-01-31) against one until further notice from 2024.
        var open = Assert.Throws<JourException>(() => _useCases.Send(finance, new AddContract(D("2024-01-01"), null, 1_814_000m, null, null)));
        Assert.Equal(["2024-01-01", "tills vidare", "2025-01-01", "2027-01-31"], open.Args);
        Assert.Equal(2, _useCases.Send(finance, new GetContracts()).Count);
    }

    [Fact]
    public void AContract_IsValidated_FieldByField()
    {
        SessionInfo finance = As(Role.Finance);
        JourException Refused(AddContract r) => Assert.Throws<JourException>(() => _useCases.Send(finance, r));

        Assert.Equal(ErrorCodes.ContractCompensationRequired, Refused(s_seed000 with { LumpSumKr = 100m }).Code);
        Assert.Equal(ErrorCodes.ContractCompensationRequired, Refused(s_seed000 with { AnnualKr = null }).Code);
        Assert.Equal(ErrorCodes.ContractEndBeforeStart, Refused(s_seed000 with { To = D("2020-05-10") }).Code);
        Assert.Equal(ErrorCodes.ContractUtilisationInvalid, Refused(s_seed000 with { UtilisationPercent = 120m }).Code);
        Assert.Equal(["annual"], Refused(s_seed000 with { AnnualKr = -1m }).Args);
        Assert.Equal(ErrorCodes.ContractLumpSumNeedsEnd, Refused(new AddContract(D("2019-01-01"), null, null, null, 760_000m)).Code);
        Assert.Equal(ErrorCodes.ContractPriceLevelInvalid, Refused(new AddContract(D("2019-01-01"), D("2019-12-31"), null, 2019, 760_000m)).Code);
        Assert.Equal(ErrorCodes.ContractDeductionInvalid, Refused(s_seed000 with { Deductions = [new DeductionData(343_600m, D("2020-06-05"), D("2020-03-16"), "x")] }).Code);
        Assert.Equal(ErrorCodes.ContractDateOutOfRange, Refused(s_seed000 with { From = new DateOnly(1999, 12, 31) }).Code);
        Assert.Single(_useCases.Send(finance, new GetContracts()));
    }

    [Fact]
    public void Extend_ByItsOwnMonths_ToADate_OrUntilFurtherNotice_KeepsItsHistory_AndNeverMeetsTheNext()
    {
        SessionInfo finance = As(Role.Finance);
        ContractData c = _useCases.Send(finance, s_seed000);
        _useCases.Send(finance, new AddContract(D("2021-05-01"), D("2021-12-31"), 1_814_000m, 2021, null));

        // Seed 000: "kan förlängas med 2 månader i taget".
        ContractData once = _useCases.Send(finance, new ExtendContract(c.Id));
        Assert.Equal(D("2021-02-28"), once.To);
        ContractData twice = _useCases.Send(finance, new ExtendContract(c.Id));
        Assert.Equal(D("2021-04-30"), twice.To);
        Assert.Equal(
            [(ContractChangeKind.Added, (DateOnly?)null, (DateOnly?)D("2020-12-31")), (ContractChangeKind.Extended, D("2020-12-31"), D("2021-02-28")), (ContractChangeKind.Extended, D("2021-02-28"), D("2021-04-30"))],
            twice.History.Select(h => (h.Kind, h.PreviousTo, h.NewTo)));

        Assert.Equal(ErrorCodes.ContractOverlaps, Assert.Throws<JourException>(() => _useCases.Send(finance, new ExtendContract(c.Id))).Code);
        Assert.Equal(ErrorCodes.ContractExtensionShortens, Assert.Throws<JourException>(() => _useCases.Send(finance, new ExtendContract(c.Id, D("2021-01-31")))).Code);
        Assert.Equal(ErrorCodes.ContractNotFound, Assert.Throws<JourException>(() => _useCases.Send(finance, new ExtendContract(999))).Code);

        // The demo's contract runs on until further notice (seed 001: "förlängs tills vidare"), then gets its end.
        long demo = _useCases.Send(finance, new GetContracts())[^1].Id;
        Assert.Null(_useCases.Send(finance, new ExtendContract(demo, UntilFurtherNotice: true)).To);
        Assert.Equal(D("2027-06-30"), _useCases.Send(finance, new ExtendContract(demo, D("2027-06-30"))).To);
        Assert.Equal(ErrorCodes.FinanceNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(As(Role.Coordinator), new ExtendContract(demo))).Code);
    }

    [Fact]
    public void TheStatusBar_AsksForTheExtension_FromTheContractsNoticeBeforeItsEnd_UntilItIsExtended()
    {
        // The demo's contract ends 2027-01-31 with two weeks' notice.
        Assert.Null(_useCases.GetStatus().ContractExtensionDue);
        _time.SetUtcNow(new DateTimeOffset(2027, 1, 16, 12, 0, 0, TimeSpan.Zero));
        Assert.Null(_useCases.GetStatus().ContractExtensionDue);
        _time.SetUtcNow(new DateTimeOffset(2027, 1, 17, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(D("2027-01-31"), _useCases.GetStatus().ContractExtensionDue);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 3, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(D("2027-01-31"), _useCases.GetStatus().ContractExtensionDue);

        long demo = _useCases.GetContracts().Single().Id;
        _useCases.Send(As(Role.Finance), new ExtendContract(demo));
        Assert.Null(_useCases.GetStatus().ContractExtensionDue);
    }

    [Fact]
    public void Statistics_CountEachPeriodWithItsOwnContract_AndTheTargetIsTheContractsUtilisation()
    {
        SessionInfo finance = As(Role.Finance);
        _useCases.Send(finance, s_seed000);
        var req2020 = new StatisticsRequest(D("2020-10-01"), D("2020-12-31"));
        StatisticsReport before = _useCases.GetStatistics(req2020);

        _useCases.Send(finance, new AddContract(D("2021-01-01"), D("2021-12-31"), 1_814_000m, 2021, null));
        StatisticsReport after = _useCases.GetStatistics(req2020);

        Assert.Equal(before.Compensation, after.Compensation);
        Assert.Equal(Math.Round(1_787_000m * 92 / 366), after.Compensation);
        Assert.Equal(65, after.TargetPercent);
        Assert.Equal(1_814_000m, _useCases.GetStatistics(new StatisticsRequest(D("2021-01-01"), D("2021-12-31"))).Compensation);
    }

    [Fact]
    public void TheHandover_SaysTheExtensionMustBeDecided_FromTheNotice_AndAfterTheEnd()
    {
        var request = new HandoverRequest(null, WithAddresses: false, Continuity: false, Paged: false);
        Assert.DoesNotContain("Avtalet", _useCases.GetHandover(request).Text, StringComparison.Ordinal);

        _time.SetUtcNow(new DateTimeOffset(2027, 1, 17, 12, 0, 0, TimeSpan.Zero));
        Assert.Contains("! Avtalet löper ut 2027-01-31: beslut om förlängning ska fattas.", _useCases.GetHandover(request).Text, StringComparison.Ordinal);

        _time.SetUtcNow(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Contains("! Avtalet gick ut 2027-01-31", _useCases.GetHandover(request).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Avtalet", _useCases.GetHandover(request with { Continuity = true }).Text, StringComparison.Ordinal);
    }
}
