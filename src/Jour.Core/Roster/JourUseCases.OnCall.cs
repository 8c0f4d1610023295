using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Roster;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Jour.Core.UseCases;

// The officers' on-call rotation: versions of it, overrides over it, taking over, swaps, hours.
// Every change is stored as something new that rules only from now on: the past is read-only.
public sealed partial class JourUseCases
{
    /// <summary>How far ahead the status bar looks for an instant with nobody on call.</summary>
    public static readonly TimeSpan GapHorizon = TimeSpan.FromDays(14);

    /// <summary>The longest period the hours report covers.</summary>
    public static readonly TimeSpan MaxHoursPeriod = TimeSpan.FromDays(367);

    /// <summary>The effective on-call intervals overlapping [fromUtc, toUtc), in order.</summary>
    public IReadOnlyList<OnCallSlot> GetOnCall(DateTime fromUtc, DateTime toUtc)
    {
        var users = _store.LoadUsers().ToDictionary(u => u.Id);
        return [.. Pieces(fromUtc, toUtc).Select(p => ToSlot(p, users))];
    }

    /// <summary>Who is on call at <paramref name="atUtc"/> (past or future), until when, and who is next.</summary>
    public OnCallAt GetOnCallAt(DateTime atUtc)
    {
        DateTime at = Utc(atUtc);
        var users = _store.LoadUsers().ToDictionary(u => u.Id);
        IReadOnlyList<OnCallPiece> pieces = Pieces(at, at + GapHorizon);
        OnCallPiece? current = OnCallTimeline.At(pieces, at);
        (DateTime? until, OnCallPiece? next) = OnCallTimeline.HandOff(pieces, at);
        return new OnCallAt(
            at,
            current is null ? null : ToSlot(current, users),
            until,
            next is null ? null : ToSlot(next, users),
            OnCallTimeline.FirstGap(pieces, at, at + GapHorizon));
    }

    public IReadOnlyList<OfficerSummary> GetOfficers()
    {
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return
        [
            .. _store.LoadUsers()
                .Where(u => u.Roles.HasFlag(Role.OnCallOfficer) && !u.IsDisabled)
                .OrderBy(u => u.Name, compare)
                .Select(u => new OfficerSummary(u.Id, u.Name, u.Phone)),
        ];
    }

    /// <summary>The version of the rotation ruling now (or the next one to rule, before the first starts); null when there is none.</summary>
    public RotationData? GetRotation()
    {
        DateTime now = UtcNow;
        var versions = _store.LoadRotations().OrderBy(v => v.ValidFromUtc).ThenBy(v => v.Id).ToList();
        Rotation? ruling = versions.LastOrDefault(v => v.ValidFromUtc <= now) ?? versions.FirstOrDefault();
        return ruling is null ? null : ToData(ruling, UserNames());
    }

    /// <summary>
    /// Stores a new version of the rotation, ruling from the requested time or from now if that is earlier.
    /// Who was on call before that stays exactly as it was. Only a coordinator or an admin may.
    /// </summary>
    public RotationData SaveRotation(SessionInfo actor, RotationData data)
    {
        InputLimits.Check(data);
        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        var minutes = data.HandOffTimes.Select(t => (t.Hour * 60) + t.Minute).Distinct().Order().ToList();
        bool timesOk = data.Pattern == RotationPattern.Weekly ? minutes.Count == 1 : minutes.Count is >= 1 and <= 6;
        if (!timesOk || minutes.Count != data.HandOffTimes.Count)
        {
            throw new JourException(ErrorCodes.RotationTimesInvalid);
        }

        Rotation saved;
        lock (_gate.Lock)
        {
            RequireOfficers(data.OfficerIds);
            DateTime now = UtcNow;
            DateTime validFrom = Utc(data.ValidFromUtc) > now ? Utc(data.ValidFromUtc) : now;
            var before = ShiftsBefore(validFrom, validFrom + ChangeNoticeHorizon);
            saved = _store.AddRotation(new Rotation
            {
                Name = data.Name.Trim(),
                OfficerIds = [.. data.OfficerIds],
                Pattern = data.Pattern,
                StartDate = Rotation.FormatDate(LocalDate.FromDateOnly(data.StartDate)),
                HandOffDay = data.HandOffDay,
                HandOffMinutes = minutes,
                ValidFromUtc = validFrom,
                ChangedBy = actor.UserId,
                ChangedUtc = now,
            });
            QueueChangeNotices(before, validFrom, validFrom + ChangeNoticeHorizon, $"rotation-{saved.Id}", actor.UserId);
        }

        LogRotationSaved(saved.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Roster, saved.Id));
        return ToData(saved, UserNames());
    }

    /// <summary>
    /// One officer covers an interval over whatever the rotation says. A start in the past is moved to
    /// now, since who was on call before now cannot change; an interval already over is refused.
    /// </summary>
    public OnCallSlot AddOverride(SessionInfo actor, OverrideRequest request)
    {
        InputLimits.Check(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        OnCallOverride added;
        lock (_gate.Lock)
        {
            RequireOfficers([request.OfficerId]);
            added = NewOverride(actor, request.OfficerId, Utc(request.FromUtc), Utc(request.ToUtc), OverrideKind.Cover, request.Reason.Trim());
            var before = ShiftsBefore(added.FromUtc, added.ToUtc);
            _store.AddOverrides([added]);
            QueueChangeNotices(before, added.FromUtc, added.ToUtc, $"override-{added.Id}", actor.UserId);
        }

        LogOverrideAdded(added.Id, added.OfficerId, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Roster, added.Id));
        return ToSlot(added);
    }

    /// <summary>
    /// "I'll cover": the signed-in officer takes the current shift from the one on call, from now to the
    /// end of that shift, recorded as an override.
    /// </summary>
    public OnCallSlot TakeOver(SessionInfo actor)
    {
        OnCallOverride added;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            OnCallPiece current = OnCallTimeline.At(Pieces(now, now.AddMinutes(1)), now)
                ?? throw new JourException(ErrorCodes.NobodyOnCall);
            if (current.OfficerId == actor.UserId)
            {
                throw new JourException(ErrorCodes.AlreadyOnCall);
            }

            string from = UserNames().GetValueOrDefault(current.OfficerId, "?");
            added = NewOverride(actor, actor.UserId, now, current.EndUtc, OverrideKind.TakeOver, from);
            var before = ShiftsBefore(added.FromUtc, added.ToUtc);
            _store.AddOverrides([added]);
            QueueChangeNotices(before, added.FromUtc, added.ToUtc, $"override-{added.Id}", actor.UserId);
        }

        LogOverrideAdded(added.Id, added.OfficerId, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Roster, added.Id));
        return ToSlot(added);
    }

    /// <summary>
    /// The officers on call at the two instants swap those shifts: two overrides in one transaction, each
    /// covering the other's shift from now on.
    /// </summary>
    public IReadOnlyList<OnCallSlot> Swap(SessionInfo actor, SwapRequest request)
    {
        InputLimits.Check(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new JourException(ErrorCodes.ReasonRequired);
        }

        OnCallOverride first, second;
        lock (_gate.Lock)
        {
            DateTime a = Utc(request.FirstAtUtc), b = Utc(request.SecondAtUtc);
            DateTime from = a < b ? a : b, to = a < b ? b : a;
            IReadOnlyList<OnCallPiece> pieces = Pieces(from, to.AddMinutes(1));
            OnCallPiece? pa = OnCallTimeline.At(pieces, a), pb = OnCallTimeline.At(pieces, b);
            if (pa is null || pb is null || pa.OfficerId == pb.OfficerId || pa.StartUtc == pb.StartUtc)
            {
                throw new JourException(ErrorCodes.SwapInvalid);
            }

            first = NewOverride(actor, pb.OfficerId, pa.StartUtc, pa.EndUtc, OverrideKind.Swap, request.Reason.Trim());
            second = NewOverride(actor, pa.OfficerId, pb.StartUtc, pb.EndUtc, OverrideKind.Swap, request.Reason.Trim());
            DateTime changedFrom = first.FromUtc < second.FromUtc ? first.FromUtc : second.FromUtc;
            DateTime changedTo = first.ToUtc > second.ToUtc ? first.ToUtc : second.ToUtc;
            var before = ShiftsBefore(changedFrom, changedTo);
            _store.AddOverrides([first, second]);
            QueueChangeNotices(before, changedFrom, changedTo, $"override-{first.Id}", actor.UserId);
        }

        LogOverrideAdded(first.Id, first.OfficerId, actor.UserId);
        LogOverrideAdded(second.Id, second.OfficerId, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Roster, first.Id));
        return [ToSlot(first), ToSlot(second)];
    }

    /// <summary>On-call hours of every officer in [fromUtc, toUtc), officers with none included, most hours first.</summary>
    public IReadOnlyList<OfficerHours> GetOnCallHours(DateTime fromUtc, DateTime toUtc)
    {
        DateTime from = Utc(fromUtc), to = Utc(toUtc);
        if (to <= from || to - from > MaxHoursPeriod)
        {
            throw new JourException(ErrorCodes.PeriodInvalid);
        }

        Dictionary<long, double> hours = OnCallTimeline.Hours(Pieces(from, to), from, to);
        var users = _store.LoadUsers();
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return
        [
            .. users.Where(u => u.Roles.HasFlag(Role.OnCallOfficer) || hours.ContainsKey(u.Id))
                .Select(u => new OfficerHours(u.Id, u.Name, Math.Round(hours.GetValueOrDefault(u.Id), 2)))
                .OrderByDescending(h => h.OnCallHours)
                .ThenBy(h => h.Name, compare),
        ];
    }

    /// <summary>The effective pieces overlapping [fromUtc, toUtc), with the overrides that can reach into it.</summary>
    private IReadOnlyList<OnCallPiece> Pieces(DateTime fromUtc, DateTime toUtc)
    {
        TimeSpan reach = OnCallTimeline.MaxOverride + TimeSpan.FromDays(1);
        IReadOnlyList<OnCallOverride> overrides = _store.LoadOverrides(fromUtc - reach, toUtc + reach);
        return OnCallTimeline.Effective(_store.LoadRotations(), overrides, fromUtc, toUtc);
    }

    /// <summary>An override from max(from, now): the past is read-only, so only what is left of the interval.</summary>
    private OnCallOverride NewOverride(SessionInfo actor, long officerId, DateTime fromUtc, DateTime toUtc, OverrideKind kind, string reason)
    {
        DateTime now = UtcNow;
        if (toUtc <= fromUtc || toUtc - fromUtc > OnCallTimeline.MaxOverride)
        {
            throw new JourException(ErrorCodes.OverrideInvalid);
        }

        if (toUtc <= now)
        {
            throw new JourException(ErrorCodes.OverrideInPast);
        }

        return new OnCallOverride
        {
            OfficerId = officerId,
            FromUtc = fromUtc < now ? now : fromUtc,
            ToUtc = toUtc,
            Kind = kind,
            Reason = reason,
            CreatedBy = actor.UserId,
            CreatedUtc = now,
        };
    }

    private void RequireOfficers(IEnumerable<long> ids)
    {
        var officers = _store.LoadUsers().Where(u => u.Roles.HasFlag(Role.OnCallOfficer) && !u.IsDisabled).Select(u => u.Id).ToHashSet();
        foreach (long id in ids)
        {
            if (!officers.Contains(id))
            {
                throw new JourException(ErrorCodes.OfficerNotFound, id.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private OnCallSlot ToSlot(OnCallOverride o)
    {
        var users = _store.LoadUsers().ToDictionary(u => u.Id);
        return ToSlot(new OnCallPiece(o.OfficerId, o.FromUtc, o.ToUtc, o, null), users);
    }

    private static OnCallSlot ToSlot(OnCallPiece p, Dictionary<long, User> users)
    {
        User? officer = users.GetValueOrDefault(p.OfficerId);
        OnCallOverride? o = p.Override;
        return new OnCallSlot(
            p.OfficerId,
            officer?.Name ?? "?",
            officer?.Phone ?? "",
            p.StartUtc,
            p.EndUtc,
            o?.Id ?? 0,
            o?.Kind,
            o?.Reason ?? "",
            o is null ? "" : users.GetValueOrDefault(o.CreatedBy)?.Name ?? "?",
            o?.CreatedUtc);
    }

    private static RotationData ToData(Rotation r, Dictionary<long, string> names) => new(
        r.Id,
        r.Name,
        [.. r.OfficerIds],
        r.Pattern,
        r.StartLocalDate().ToDateOnly(),
        r.HandOffDay,
        [.. r.HandOffMinutes.Select(m => new TimeOnly(m / 60, m % 60))],
        r.ValidFromUtc,
        names.GetValueOrDefault(r.ChangedBy, "?"),
        r.ChangedUtc);

    // Instants arrive over JSON or from tests; treat every one as UTC whatever its Kind says.
    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotation version {RotationId} saved by user {UserId}")]
    private partial void LogRotationSaved(long rotationId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "On-call override {OverrideId} for officer {OfficerId} by user {UserId}")]
    private partial void LogOverrideAdded(long overrideId, long officerId, long userId);
}
