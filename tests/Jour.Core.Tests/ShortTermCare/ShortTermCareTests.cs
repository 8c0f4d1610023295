using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.ShortTermCare;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Jour.Core.Tests.ShortTermCare;

/// <summary>Step 3 of the priority order: a place on a unit of the register, booked as the case moves, freed at hand-back.</summary>
public sealed class ShortTermCareTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public ShortTermCareTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles == Role.Admin).Id, "");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void WithoutStep3_NothingIsBooked_AndTheCaseStays()
    {
        ShortTermUnitData unit = _useCases.Send(_admin, new SaveShortTermUnit(new ShortTermUnitData(0, "Enheten", 1, "", "", false, 0)));
        CaseDetail c = StaffingCase(step3: false);

        var refused = Assert.Throws<JourException>(() => _useCases.Send(_admin, new PlaceInShortTermCare(c.Summary.Id, unit.Id, c.Summary.Revision, "")));

        Assert.Equal(ErrorCodes.GuardStep3Missing, refused.Code);
        Assert.Equal(CaseState.Staffing, _useCases.GetCase(c.Summary.Id).Summary.State);
        Assert.DoesNotContain(_store.LoadShortTermBookings(), b => b.CaseId == c.Summary.Id);
        Assert.Equal(1, Register().Single(u => u.Id == unit.Id).Free);
    }

    [Fact]
    public void APlace_IsHeldUntilHandBack_AndAFullUnitRefusesTheNext()
    {
        ShortTermUnitData unit = _useCases.Send(_admin, new SaveShortTermUnit(new ShortTermUnitData(0, "Enheten", 1, "090-16 10 00", "", false, 0)));
        CaseDetail first = StaffingCase(step3: true);
        CaseDetail second = StaffingCase(step3: true);
        Assert.Contains(CaseTrigger.MoveToShortTermPlacement, first.PermittedTriggers);

        CaseDetail placed = _useCases.Send(_admin, new PlaceInShortTermCare(first.Summary.Id, unit.Id, first.Summary.Revision, "kväll"));

        Assert.Equal(CaseState.ShortTermPlacement, placed.Summary.State);
        Assert.Contains("Enheten: kväll", placed.Timeline.Select(e => e.Render()).Last(), StringComparison.Ordinal);
        ShortTermUnitData held = Register().Single(u => u.Id == unit.Id);
        Assert.Equal(0, held.Free);
        Assert.Equal(first.Summary.Number, Assert.Single(held.Holders!).CaseNumber);
        var full = Assert.Throws<JourException>(() => _useCases.Send(_admin, new PlaceInShortTermCare(second.Summary.Id, unit.Id, second.Summary.Revision, "")));
        Assert.Equal(ErrorCodes.ShortTermUnitFull, full.Code);

        _useCases.Fire(_admin, new TransitionRequest(first.Summary.Id, CaseTrigger.HandBack, "", placed.Summary.Revision, ClosingReason.ProviderResumed));

        Assert.Equal(1, Register().Single(u => u.Id == unit.Id).Free);
        Assert.NotNull(_store.LoadShortTermBookings().Single(b => b.CaseId == first.Summary.Id).ReleasedUtc);
        CaseDetail secondPlaced = _useCases.Send(_admin, new PlaceInShortTermCare(second.Summary.Id, unit.Id, second.Summary.Revision, ""));
        Assert.Equal(CaseState.ShortTermPlacement, secondPlaced.Summary.State);
    }

    [Fact]
    public void TheTriggerPath_CannotMoveACaseWithoutABookedPlace()
    {
        CaseDetail c = StaffingCase(step3: true);

        var refused = Assert.Throws<JourException>(() => _useCases.Fire(_admin, new TransitionRequest(c.Summary.Id, CaseTrigger.MoveToShortTermPlacement, "", c.Summary.Revision)));

        Assert.Equal(ErrorCodes.GuardPlaceNotBooked, refused.Code);
    }

    [Fact]
    public void ABookingLeftBehindByAFailure_HoldsNoPlace()
    {
        ShortTermUnitData unit = _useCases.Send(_admin, new SaveShortTermUnit(new ShortTermUnitData(0, "Enheten", 1, "", "", false, 0)));
        CaseDetail c = StaffingCase(step3: true);

        // The booking was written, the case's save was not (a crash between the two writes).
        _store.AddShortTermBooking(new ShortTermBooking { UnitId = unit.Id, CaseId = c.Summary.Id, FromUtc = s_now.AddHours(-1), BookedBy = _admin.UserId });

        Assert.Equal(1, Register().Single(u => u.Id == unit.Id).Free);
    }

    [Fact]
    public void TheRegister_IsKeptByACoordinatorOrAdmin_WithPlacesInRange_AndAClosedUnitTakesNoCase()
    {
        long officerId = _store.LoadUsers().First(u => u.Roles == Role.OnCallOfficer).Id;
        _useCases.ResetPin(_admin, new PinReset(officerId, "4826"));
        SessionInfo officer = _useCases.SignIn(officerId, "4826");
        var data = new ShortTermUnitData(0, "Enheten", 2, "", "", false, 0);

        Assert.Equal(ErrorCodes.ShortTermUnitNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(officer, new SaveShortTermUnit(data))).Code);
        Assert.Equal(ErrorCodes.ShortTermPlacesInvalid, Assert.Throws<JourException>(() => _useCases.Send(_admin, new SaveShortTermUnit(data with { Places = -1 }))).Code);
        Assert.Equal(ErrorCodes.NameRequired, Assert.Throws<JourException>(() => _useCases.Send(_admin, new SaveShortTermUnit(data with { Name = " " }))).Code);

        ShortTermUnitData saved = _useCases.Send(_admin, new SaveShortTermUnit(data));
        ShortTermUnitData closed = _useCases.Send(_admin, new SaveShortTermUnit(saved with { IsClosed = true }));
        Assert.Equal(0, closed.Free);
        Assert.Equal(ErrorCodes.ShortTermUnitChangedByOther, Assert.Throws<JourException>(() => _useCases.Send(_admin, new SaveShortTermUnit(saved with { Places = 3 }))).Code);
        CaseDetail c = StaffingCase(step3: true);
        Assert.Equal(ErrorCodes.ShortTermUnitNotFound, Assert.Throws<JourException>(() => _useCases.Send(officer, new PlaceInShortTermCare(c.Summary.Id, saved.Id, c.Summary.Revision, ""))).Code);
    }

    [Fact]
    public void TheDemo_HasUnits_AndItsCaseInKorttidsplatsHoldsAPlace()
    {
        var register = _useCases.GetShortTermUnits(null);
        Assert.Equal(3, register.Units.Count);
        long placedCase = _store.LoadOpenCases().Single(c => c.State == CaseState.ShortTermPlacement).Id;
        Assert.Contains(register.Units.SelectMany(u => u.Holders!), h => h.CaseId == placedCase);
    }

    private IReadOnlyList<ShortTermUnitData> Register() => _useCases.GetShortTermUnits(null).Units;

    private CaseDetail StaffingCase(bool step3)
    {
        CaseDetail c = _useCases.Accepted(
            _admin,
            _useCases.GetClients()[2].Id,
            [new NeedWindowData(SwedishTime.ToUtcLenient(new LocalDateTime(2026, 12, 8, 22, 0)), SwedishTime.ToUtcLenient(new LocalDateTime(2026, 12, 9, 7, 0)), 1, [], 0)],
            s_now);
        return step3
            ? _useCases.RecordVerification(_admin, new VerificationRequest(c.Summary.Id, PriorityStep.ShortTermPlacement, s_now, "Plats finns", c.Summary.Revision))
            : c;
    }
}
