using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>`jour case 2026-0004` (issue 18): a case found by the number every screen shows.</summary>
public sealed class CaseByNumberUseCaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public CaseByNumberUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = 1_000 };
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void GetCaseByNumber_EveryBoardNumber_IsTheCaseTheBoardShows()
    {
        IReadOnlyList<CaseSummary> board = _useCases.GetOpenCases();
        Assert.NotEmpty(board);

        foreach (CaseSummary shown in board)
        {
            CaseDetail found = _useCases.GetCaseByNumber(shown.Number);
            Assert.Equal((shown.Id, shown.Number), (found.Summary.Id, found.Summary.Number));
            Assert.Equal(_useCases.GetCase(shown.Id).Timeline.Count, found.Timeline.Count);
        }
    }

    [Fact]
    public void GetCaseByNumber_WithSpaces_IsFound()
    {
        CaseSummary shown = _useCases.GetOpenCases()[0];

        Assert.Equal(shown.Id, _useCases.GetCaseByNumber($" {shown.Number} ").Summary.Id);
    }

    [Fact]
    public void GetCaseByNumber_Unknown_IsRefusedNamingTheNumber()
    {
        var refused = Assert.Throws<JourException>(() => _useCases.GetCaseByNumber("1999-0001"));

        Assert.Equal(ErrorCodes.CaseNotFound, refused.Code);
        Assert.Equal(["1999-0001"], refused.Args);
    }
}
