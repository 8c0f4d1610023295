using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.Import;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Contracts;

/// <summary>Payroll's paid hours through the pipeline on the real store, and the statistics that read them.</summary>
public sealed class PaidHoursUseCaseTests : IDisposable
{
    private static readonly string[] s_columns = ["assistent", "månad", "betalda_timmar", "timmar_andra_avtal"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public PaidHoursUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    private SessionInfo As(Role role) => _useCases.SignIn(_store.LoadUsers().First(u => u.Roles.HasFlag(role)).Id, "");

    /// <summary>Assistants whose register name nobody else has, so the file may name them.</summary>
    private List<StandbyAssistant> UniquelyNamed() =>
        [.. _store.LoadStaff().GroupBy(a => a.Name).Where(g => g.Count() == 1).Select(g => g.Single()).OrderBy(a => a.Id)];

    private static ImportRequest File(params string[][] rows) =>
        new(s_columns, [.. rows.Select((r, i) => new ImportRow(i + 2, r))], DryRun: false);

    [Fact]
    public void FinanceImports_ACorrectedFileReplacesTheMonth_AndOthersMayNot()
    {
        StandbyAssistant eva = UniquelyNamed()[0];
        SessionInfo finance = As(Role.Finance);

        ImportResult first = _useCases.Send(finance, new ImportPaidHours(File([eva.Name, "2026-10", "160", "40"])));
        ImportResult corrected = _useCases.Send(finance, new ImportPaidHours(File([eva.Name, "2026-10", "150", "30"], [eva.Name, "2026-09", "170", ""])));

        Assert.Equal((1, 2), (first.Imported, corrected.Imported));
        var stored = _store.LoadPaidHours("2026-09", "2026-10").OrderBy(p => p.Month).ToList();
        Assert.Equal([("2026-09", 170m, 0m), ("2026-10", 150m, 30m)], stored.Select(p => (p.Month, p.Hours, p.OtherContractHours)));
        Assert.All(stored, p => Assert.Equal((eva.Id, finance.UserId), (p.AssistantId, p.ImportedBy)));
        Assert.Equal(ErrorCodes.FinanceNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(As(Role.Coordinator), new ImportPaidHours(File([eva.Name, "2026-10", "1", ""])))).Code);
    }

    [Fact]
    public void AFileWithOneBadRow_ImportsNothing()
    {
        StandbyAssistant eva = UniquelyNamed()[0];

        ImportResult result = _useCases.Send(As(Role.Finance), new ImportPaidHours(File([eva.Name, "2026-10", "160", ""], ["Ingen Alls", "2026-10", "160", ""])));

        Assert.Equal(0, result.Imported);
        Assert.Equal((3, "assistent", ImportCodes.AssistantNotFound), (result.Issues[0].Line, result.Issues[0].Field, result.Issues[0].Code));
        Assert.Empty(_store.LoadPaidHours("2026-01", "2026-12"));
    }

    [Fact]
    public void Statistics_UseTheMonthsPaidHours_AndOnlySignedHoursInTheAssignment()
    {
        var pool = UniquelyNamed().Take(4).ToList();
        _useCases.Send(As(Role.Finance), new ImportPaidHours(File([.. pool.Select(a => new[] { a.Name, "2026-10", "700", "300" })])));

        StatisticsReport s = _useCases.GetStatistics(new StatisticsRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));

        UtilisationFigures u = s.Utilisation;
        decimal signedHours = Math.Round(s.SignedMinutes / 60m, 2);
        Assert.True(s.SignedMinutes < s.MinutesDeployed, "the demo month has unsigned reports too");
        Assert.Equal((2_800m, 1_200m, signedHours), (u.PaidHours, u.OtherContractHours, u.AssignmentHours));
        Assert.Equal(Math.Min(100m, (1_200m + (s.SignedMinutes / 60m)) / 2_800m * 100m), u.UsedPercent!.Value, 10);
        Assert.Empty(u.MissingMonths);
        Assert.Equal(65m, u.ExpectedPercent);
        Assert.Equal(s.Compensation, u.CompensationKr);
    }
}
