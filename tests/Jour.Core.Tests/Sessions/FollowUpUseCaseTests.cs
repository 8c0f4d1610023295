using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

public sealed class FollowUpUseCaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public FollowUpUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    private SessionInfo As(Role role) => _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(role)).Id, "");

    [Fact]
    public void DemoInvoice_TotalEqualsTheSignedReportsOfTheMonth_AndUnsignedAreCountedApart()
    {
        var period = ReportPeriod.Month(2026, 10);
        var stored = _store.LoadDeployments(period.FromUtc.AddDays(-2), period.ToUtc.AddDays(2))
            .Where(d => d.Report is { } r && ReportPeriod.LocalDate(r.StartUtc).Month == 10)
            .ToList();

        InvoiceBasis basis = _useCases.GetInvoiceBasis(As(Role.Finance), new InvoiceRequest(2026, 10));

        Assert.True(basis.SignedCount > 0);
        Assert.Equal(stored.Count(d => d.Report!.IsSigned), basis.SignedCount);
        Assert.Equal(stored.Where(d => d.Report!.IsSigned).Sum(d => (long)d.Report!.Worked.TotalMinutes), basis.SignedMinutes);
        Assert.Equal(stored.Count(d => !d.Report!.IsSigned), basis.UnsignedCount);
        Assert.All(basis.Clients.SelectMany(c => c.Lines), l => Assert.Equal(12, l.ClientNumber.Length));
        Assert.Equal("SON-2026-117", basis.Header.CustomerReference);
    }

    [Fact]
    public void InvoiceBasisAndSettings_AreForFinanceAndAdminOnly()
    {
        SessionInfo officer = As(Role.OnCallOfficer);
        var refused = Assert.Throws<JourException>(() => _useCases.Send(officer, new InvoiceRequest(2026, 11)));
        Assert.Equal(ErrorCodes.FinanceNotPermitted, refused.Code);
        Assert.Throws<JourException>(() => _useCases.Send(officer, new SaveSettings(_useCases.GetSettings())));
        Assert.NotNull(_useCases.GetInvoiceBasis(As(Role.Admin), new InvoiceRequest(2026, 11)));
    }

    [Fact]
    public void Settings_AreValidated_AndSaved_WithoutTheContract_WhichIsContractsNow()
    {
        SessionInfo finance = As(Role.Finance);
        SettingsData settings = _useCases.GetSettings();
        Assert.Throws<JourException>(() => _useCases.SaveSettings(finance, settings with { OrganisationNumber = "212000-0448" }));

        _useCases.SaveSettings(finance, settings with { CustomerReference = "SON-2027-001", OrganisationNumber = "2120000449" });
        Assert.Equal(("SON-2027-001", "212000-0449"), (_useCases.GetSettings().CustomerReference, _useCases.GetSettings().OrganisationNumber));
        Assert.Single(_useCases.GetContracts());
    }

    [Fact]
    public void QuarterStatistics_HoursEqualTheMonthsInvoices_SignedAndUnsigned()
    {
        StatisticsReport q = _useCases.GetStatistics(new StatisticsRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)));
        long invoiced = 0;
        foreach (int month in new[] { 10, 11, 12 })
        {
            InvoiceBasis b = _useCases.GetInvoiceBasis(As(Role.Finance), new InvoiceRequest(2026, month));
            invoiced += b.SignedMinutes + b.UnsignedMinutes;
        }

        Assert.True(q.MinutesDeployed > 0);
        Assert.Equal(invoiced, q.MinutesDeployed);
        Assert.Equal(q.MinutesDeployed, q.Months.Sum(m => m.Minutes));
        Assert.True(q.CurrentPersons > 0);
        Assert.NotNull(q.CostPerHour);
        Assert.Equal(new DateOnly(2026, 11, 23), q.CountedTo);
    }

    [Theory]
    [InlineData("212000-0448", "", ErrorCodes.SettingsOrganisationNumberInvalid, "Organisationsnummer: 212000-0448")]
    [InlineData("212000-0449", "212000044901", ErrorCodes.SettingsVatNumberInvalid, "Momsregistreringsnummer: 212000044901")]
    [InlineData("212000-0449", "SE212000044902", ErrorCodes.SettingsVatNumberInvalid, "Momsregistreringsnummer: SE212000044902")]
    [InlineData("212000-0449", "SE212000044801", ErrorCodes.SettingsVatNumberInvalid, "Momsregistreringsnummer: SE212000044801")]
    [InlineData("212000-0449", "SE556036079301", ErrorCodes.SettingsVatNumberMismatch, "Momsregistreringsnummer: SE556036079301 hör inte till organisationsnumret 212000-0449; det ska vara SE212000044901")]
    public void Settings_ABadNumber_IsRefusedInSwedish_NamingTheField(string org, string vat, string code, string message)
    {
        SettingsData settings = _useCases.GetSettings() with { OrganisationNumber = org, VatNumber = vat };

        var refused = Assert.Throws<JourException>(() => _useCases.SaveSettings(As(Role.Finance), settings));

        Assert.Equal(code, refused.Code);
        Assert.StartsWith(message, Messages.Format(refused.Code, refused.Args), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_TheVatNumber_IsSEAndTheOrganisationNumberAnd01_AsTypedWithSpaces_AndThePaymentTermIsKept()
    {
        SessionInfo finance = As(Role.Finance);
        SettingsData saved = _useCases.SaveSettings(finance, _useCases.GetSettings() with { OrganisationNumber = "556036-0793", VatNumber = "se 556036 0793 01", PaymentTermDays = 45 });

        Assert.Equal(("556036-0793", "SE556036079301", 45), (saved.OrganisationNumber, saved.VatNumber, saved.PaymentTermDays));
        var refused = Assert.Throws<JourException>(() => _useCases.SaveSettings(finance, saved with { PaymentTermDays = 366 }));
        Assert.Equal(ErrorCodes.SettingsPaymentTermInvalid, refused.Code);

        // Today is 2026-11-23: November's basis is dated today and due 45 days later.
        InvoiceBasis basis = _useCases.GetInvoiceBasis(finance, new InvoiceRequest(2026, 11));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2027, 1, 7)), (basis.Header.InvoiceDate, basis.Header.DueDate));
    }

    [Fact]
    public void DemoInvoice_CarriesTheMonthsAmount_FromTheContractInForce_DueThirtyDaysAfterItsDate()
    {
        InvoiceBasis basis = _useCases.GetInvoiceBasis(As(Role.Finance), new InvoiceRequest(2026, 10));
        var contracts = _store.LoadContracts();

        // The demo's contract is seed 000's terms: 1 787 000 kr a year at 65 %, no deduction; October is 31 days of 2026.
        Assert.Equal(30, _useCases.GetSettings().PaymentTermDays);
        Assert.Equal(new DateOnly(2026, 12, 23), basis.Header.DueDate);
        Assert.Equal(ContractMoney.Invoiced(contracts, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), basis.TotalKr);
        InvoiceAmountLine line = Assert.Single(basis.Amounts);
        Assert.Equal(31, line.Days);
        // 625 450 kr unused a year, 1 713,56 a day: 467 802,33 to September's end → 467 802, 520 922,74 to October's → 520 923.
        Assert.Equal(53_121m, basis.TotalKr);
        Assert.Equal("SE212000044901", basis.Header.VatNumber);
    }
}
