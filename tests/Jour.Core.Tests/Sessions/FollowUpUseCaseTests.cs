using Jour.Core.Changes;
using Jour.Core.Common;
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
}
