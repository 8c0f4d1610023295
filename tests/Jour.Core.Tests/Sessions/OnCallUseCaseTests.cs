using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>
/// The rotation through the use cases on a real store, with a frozen clock. Monday 23 November 2026,
/// 09:30 in Stockholm; day shifts 07–19 and nights 19–07, officers Anna, Bo and Cia in turn.
/// </summary>
public sealed class OnCallUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 8, 30, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _coordinator;
    private readonly SessionInfo _anna, _bo, _cia;

    public OnCallUseCaseTests()
    {
        _store.Reset(isDemo: false);
        _coordinator = Session(_store.AddUser(new User { Name = "Karin Samordnare", Roles = Role.Coordinator }));
        _anna = Session(_store.AddUser(new User { Name = "Anna", Roles = Role.OnCallOfficer, Phone = "070-111 11 11" }));
        _bo = Session(_store.AddUser(new User { Name = "Bo", Roles = Role.OnCallOfficer }));
        _cia = Session(_store.AddUser(new User { Name = "Cia", Roles = Role.OnCallOfficer }));
        _store.AddRotation(new Rotation
        {
            Name = "Jourhavande",
            OfficerIds = [_anna.UserId, _bo.UserId, _cia.UserId],
            Pattern = RotationPattern.Daily,
            StartDate = "2026-11-01",
            HandOffMinutes = [7 * 60, 19 * 60],
            ValidFromUtc = new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc),
            ChangedBy = _coordinator.UserId,
        });
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    private static DateTime Yesterday => s_now.AddDays(-1);

    [Fact]
    public void NowAndNext_FollowTheRotation()
    {
        // 1 November day shift is turn 0 (Anna); 23 November day shift is turn 44: 44 % 3 = 2, Cia.
        OnCallAt at = _useCases.GetOnCallAt(s_now);

        Assert.Equal("Cia", at.Current!.OfficerName);
        Assert.Equal(new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc), at.UntilUtc);
        Assert.Equal("Anna", at.Next!.OfficerName);
        Assert.Equal("070-111 11 11", at.Next.OfficerPhone);
        Assert.Null(at.GapFromUtc);
        StatusInfo status = _useCases.GetStatus();
        Assert.Equal(("Cia", "Anna"), (status.OnCallName, status.NextOnCallName));
    }

    [Fact]
    public void PastIsReadOnly_EditingTheRotationAndAddingOverrides_LeavesYesterdayAsItWas()
    {
        var before = Yesterdays();
        string yesterdayNoon = _useCases.GetOnCallAt(Yesterday).Current!.OfficerName;

        // A new rotation (weekly, Bo then Anna) asked to rule from a week ago rules from now.
        RotationData saved = _useCases.SaveRotation(_coordinator, new RotationData(
            0, "Ny", [_bo.UserId, _anna.UserId], RotationPattern.Weekly, new DateOnly(2026, 11, 2), DayOfWeek.Monday, [new TimeOnly(8, 0)], s_now.AddDays(-7), "", default));
        Assert.Equal(s_now, saved.ValidFromUtc);

        // An override starting yesterday is cut to now; one entirely in the past is refused.
        OnCallSlot cover = _useCases.AddOverride(_anna, new OverrideRequest(_cia.UserId, Yesterday, s_now.AddHours(2), "sjuk"));
        Assert.Equal(s_now, cover.StartUtc);
        var past = Assert.Throws<JourException>(() => _useCases.AddOverride(_anna, new OverrideRequest(_bo.UserId, Yesterday, Yesterday.AddHours(3), "glömt")));
        Assert.Equal(ErrorCodes.OverrideInPast, past.Code);

        Assert.Equal(before, Yesterdays());
        Assert.Equal(yesterdayNoon, _useCases.GetOnCallAt(Yesterday).Current!.OfficerName);

        // A day later, more edits; the day before yesterday is still the same.
        _time.Advance(TimeSpan.FromDays(1));
        _useCases.TakeOver(_bo);
        _useCases.SaveRotation(_coordinator, saved with { OfficerIds = [_cia.UserId] });
        Assert.Equal(before, Yesterdays());
        Assert.Equal("Cia", _useCases.GetOnCallAt(s_now.AddMinutes(30)).Current!.OfficerName);
    }

    [Fact]
    public void RotationEdit_RulesFromNow()
    {
        _useCases.SaveRotation(_coordinator, new RotationData(
            0, "Ny", [_bo.UserId], RotationPattern.Weekly, new DateOnly(2026, 11, 2), DayOfWeek.Monday, [new TimeOnly(8, 0)], default, "", default));

        OnCallAt at = _useCases.GetOnCallAt(s_now);
        Assert.Equal("Bo", at.Current!.OfficerName);
        Assert.Equal(s_now, at.Current.StartUtc);
        Assert.Equal("Cia", _useCases.GetOnCallAt(s_now.AddMinutes(-1)).Current!.OfficerName);
        Assert.Equal("Ny", _useCases.GetRotation()!.Name);

        var refused = Assert.Throws<JourException>(() => _useCases.Send(_anna, new SaveRotation(_useCases.GetRotation()!)));
        Assert.Equal(ErrorCodes.RosterNotPermitted, refused.Code);
    }

    [Fact]
    public void TakeOver_CoversTheCurrentShiftFromNowToItsEnd_RecordedAsAnOverride()
    {
        OnCallSlot taken = _useCases.TakeOver(_bo);

        Assert.Equal((s_now, new DateTime(2026, 11, 23, 18, 0, 0, DateTimeKind.Utc)), (taken.StartUtc, taken.EndUtc));
        Assert.Equal((OverrideKind.TakeOver, "Cia", "Bo"), (taken.Kind, taken.Reason, taken.ChangedByName));
        OnCallAt at = _useCases.GetOnCallAt(s_now);
        Assert.Equal("Bo", at.Current!.OfficerName);
        Assert.True(at.Current.IsOverride);
        Assert.Equal("Anna", at.Next!.OfficerName);
        Assert.Equal("Cia", _useCases.GetOnCallAt(s_now.AddMinutes(-1)).Current!.OfficerName);

        Assert.Equal(ErrorCodes.AlreadyOnCall, Assert.Throws<JourException>(() => _useCases.TakeOver(_bo)).Code);
        Assert.Equal(ErrorCodes.TakeOverNotOfficer, Assert.Throws<JourException>(() => _useCases.Send(_coordinator, new TakeOver())).Code);
    }

    [Fact]
    public void Swap_IsTwoOverrides_EachOfficerTakesTheOthersShift()
    {
        DateTime tonight = s_now.AddHours(12); // 21:30 local: Anna's night
        IReadOnlyList<OnCallSlot> swapped = _useCases.Swap(_cia, new SwapRequest(s_now, tonight, "tandläkare"));

        Assert.Equal(2, swapped.Count);
        Assert.Equal("Anna", _useCases.GetOnCallAt(s_now).Current!.OfficerName);
        Assert.Equal("Cia", _useCases.GetOnCallAt(tonight).Current!.OfficerName);
        Assert.All(_useCases.GetOnCall(s_now, tonight), s => Assert.Equal(OverrideKind.Swap, s.Kind));
    }

    [Fact]
    public void Gap_InTheNext14Days_IsReportedInTheStatus_AndAnOverrideFillsIt()
    {
        DateTime stop = s_now.AddDays(3);
        _useCases.SaveRotation(_coordinator, new RotationData(
            0, "Paus", [], RotationPattern.Daily, new DateOnly(2026, 11, 26), DayOfWeek.Monday, [new TimeOnly(7, 0)], stop, "", default));

        Assert.Equal(stop, _useCases.GetStatus().GapFromUtc);

        _useCases.AddOverride(_coordinator, new OverrideRequest(_bo.UserId, stop, stop.AddHours(12), "täcker"));
        Assert.Equal(stop.AddHours(12), _useCases.GetStatus().GapFromUtc);
    }

    [Fact]
    public void Hours_PerOfficer_ForAPeriod_AddUpToThePeriod()
    {
        Assert.True(LocalTimeInput.TryParsePeriod("2026-11-02 – 2026-11-22", out DateTime from, out DateTime to));

        IReadOnlyList<OfficerHours> hours = _useCases.GetOnCallHours(from, to);

        // 21 whole days with someone on call throughout; three officers in turn, so within a shift of each other.
        Assert.Equal(["Anna", "Bo", "Cia"], hours.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.Equal(21 * 24, hours.Sum(h => h.OnCallHours), 3);
        Assert.InRange(hours.Max(h => h.OnCallHours) - hours.Min(h => h.OnCallHours), 0, 12);
        Assert.Equal(ErrorCodes.PeriodInvalid, Assert.Throws<JourException>(() => _useCases.GetOnCallHours(to, from)).Code);
    }

    // Who was on call from yesterday morning until the first edit; the shift in progress then is cut there.
    private List<(string, DateTime, DateTime)> Yesterdays() =>
        [.. _useCases.GetOnCall(Yesterday.AddHours(-12), s_now).Select(s => (s.OfficerName, s.StartUtc, s.EndUtc < s_now ? s.EndUtc : s_now))];

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, false);
}
