using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.ShortTermCare;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Short-term places (step 3 of the priority order): the register, and a case placed on one.
public sealed partial class JourUseCases
{
    public ShortTermRegister GetShortTermUnits(DateOnly? date)
    {
        // Today counts what is held now (a place freed this morning is free); another day counts from its start.
        DateTime now = UtcNow;
        DateOnly day = date ?? SwedishTime.Today(now);
        DateTime at = day == SwedishTime.Today(now) ? now : FollowUp.ReportPeriod.StartOf(day);
        var bookings = HeldBookings(at, at.AddTicks(1)).ToLookup(b => b.UnitId);
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return new ShortTermRegister(
            day,
            [
                .. _store.LoadShortTermUnits()
                    .OrderBy(u => u.IsClosed)
                    .ThenBy(u => u.Name, compare)
                    .Select(u => ToData(u, [.. bookings[u.Id]])),
            ]);
    }

    public ShortTermUnitData SaveShortTermUnit(SessionInfo actor, ShortTermUnitData data)
    {
        TextLimits.Name.Check(data.Name);
        TextLimits.Phone.Check(data.Phone);
        TextLimits.Note.Check(data.Note);
        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        if (data.Places is < 0 or > ShortTermUnit.MaxPlaces)
        {
            throw new JourException(ErrorCodes.ShortTermPlacesInvalid, ShortTermUnit.MaxPlaces.ToString(CultureInfo.InvariantCulture));
        }

        if (data.Phone.Trim().Length > 0 && !IsPhoneNumber(data.Phone))
        {
            throw new JourException(ErrorCodes.PhoneInvalid);
        }

        ShortTermUnit unit;
        lock (_gate.Lock)
        {
            unit = data.Id == 0
                ? new ShortTermUnit()
                : _store.FindShortTermUnit(data.Id) ?? throw new JourException(ErrorCodes.ShortTermUnitNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
            unit.Name = data.Name.Trim();
            unit.Places = data.Places;
            unit.Phone = data.Phone.Trim();
            unit.Note = data.Note.Trim();
            unit.IsClosed = data.IsClosed;
            if (data.Id == 0)
            {
                unit = _store.AddShortTermUnit(unit);
            }
            else if (!_store.TryUpdateShortTermUnit(unit, data.Revision))
            {
                throw new JourException(ErrorCodes.ShortTermUnitChangedByOther, unit.Name);
            }
        }

        LogShortTermUnitSaved(unit.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Settings, unit.Id));
        return GetShortTermUnits(null).Units.Single(u => u.Id == unit.Id);
    }

    /// <summary>
    /// Books a place and moves the case to Korttidsplats in one step. Whether the machine would let the case
    /// move with a place booked is asked first, so a refusal (step 3 missing, a state that cannot move) books nothing.
    /// </summary>
    public CaseDetail PlaceInShortTermCare(SessionInfo actor, PlaceInShortTermCare request)
    {
        TextLimits.Reason.Check(request.Comment);
        ShortTermUnit? unit = null;
        CaseDetail detail = ChangeCase(request.CaseId, request.ExpectedRevision, c =>
        {
            DateTime now = UtcNow;
            IReadOnlyList<string> unmet = c.UnmetGuardsWithPlaceBooked(now);
            if (unmet.Count > 0)
            {
                throw new JourException(unmet[0], Messages.Nested("State_" + c.State));
            }

            unit = _store.FindShortTermUnit(request.UnitId) is { IsClosed: false } open
                ? open
                : throw new JourException(ErrorCodes.ShortTermUnitNotFound, request.UnitId.ToString(CultureInfo.InvariantCulture));
            int held = HeldBookings(now, now.AddTicks(1)).Count(b => b.UnitId == unit.Id);
            if (held >= unit.Places)
            {
                throw new JourException(ErrorCodes.ShortTermUnitFull, unit.Name);
            }

            ShortTermBooking booking = _store.AddShortTermBooking(new ShortTermBooking { UnitId = unit.Id, CaseId = c.Id, FromUtc = now, BookedBy = actor.UserId });
            c.ShortTermBookingId = booking.Id;
            string comment = request.Comment.Trim();
            return c.PlaceInShortTermCare(now, actor.UserId, comment.Length == 0 ? unit.Name : $"{unit.Name}: {comment}");
        });
        LogPlaced(request.CaseId, unit!.Id, actor.UserId);
        return detail;
    }

    /// <summary>
    /// Bookings holding a place at some time in [from, to). A booking counts only while its case still names it:
    /// the booking and the case are two writes, so one left behind by a failure between them holds nothing.
    /// </summary>
    private IEnumerable<ShortTermBooking> HeldBookings(DateTime from, DateTime to) =>
        _store.LoadShortTermBookings().Where(b => b.Holds(from, to) && (b.ReleasedUtc is not null || _store.FindCase(b.CaseId)?.ShortTermBookingId == b.Id));

    /// <summary>The place a case held is freed when it is handed back (or otherwise leaves Korttidsplats).</summary>
    private void ReleaseShortTermPlace(Case c, DateTime now, long userId)
    {
        if (c.ShortTermBookingId is not { } id)
        {
            return;
        }

        foreach (ShortTermBooking b in _store.LoadShortTermBookings().Where(b => b.Id == id && b.ReleasedUtc is null))
        {
            b.ReleasedUtc = now;
            b.ReleasedBy = userId;
            _store.UpdateShortTermBooking(b);
        }

        c.ShortTermBookingId = null;
    }

    private ShortTermUnitData ToData(ShortTermUnit u, IReadOnlyList<ShortTermBooking> holding) => new(
        u.Id,
        u.Name,
        u.Places,
        u.Phone,
        u.Note,
        u.IsClosed,
        u.Revision,
        u.IsClosed ? 0 : Math.Max(0, u.Places - holding.Count),
        [.. holding.Select(b => new ShortTermHolder(b.CaseId, _store.FindCase(b.CaseId)?.Number ?? "?", b.FromUtc))]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Short-term unit {UnitId} saved by user {UserId}")]
    private partial void LogShortTermUnitSaved(long unitId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} placed on short-term unit {UnitId} by user {UserId}")]
    private partial void LogPlaced(long caseId, long unitId, long userId);
}
