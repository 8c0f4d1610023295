using Jour.Core.CallOuts;
using Jour.Core.Common;
using Jour.Core.Roster;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Shift notices by SMS (issue 21): the incoming officer a set time before their shift, and whoever's future
// shifts an override, a swap or a rotation edit changed. They go through the call-outs' outbox pass
// (idempotency key, retries with backoff, an uncertain attempt looked up before sending again).
public sealed partial class JourUseCases
{
    /// <summary>How far ahead a rotation edit's changes are told.</summary>
    public static readonly TimeSpan ChangeNoticeHorizon = TimeSpan.FromDays(28);

    // Read a day beyond the change on both sides: the part of a shift left outside the changed interval is
    // still the officer's, and must be seen on both readings (unchanged pieces cancel out in the diff).
    private static readonly TimeSpan ChangeMargin = TimeSpan.FromDays(1);

    /// <summary>
    /// Stores a notice for every officer whose on-call shift starts within the lead time (the setting), once
    /// per officer and shift; the officer on call just before, handing to themselves, gets none.
    /// </summary>
    public int QueueShiftReminders()
    {
        if (_store.LoadSmsSettings() is not { IsConfigured: true, ShiftNoticeMinutes: > 0 } settings)
        {
            return 0;
        }

        int queued = 0;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            TimeSpan lead = TimeSpan.FromMinutes(settings.ShiftNoticeMinutes);
            var shifts = ShiftChanges.Shifts(Pieces(now, now + lead + TimeSpan.FromMinutes(1)));
            var users = _store.LoadUsers().ToDictionary(u => u.Id);
            foreach (Shift shift in shifts.Where(s => s.StartUtc > now && s.StartUtc <= now + lead))
            {
                string key = $"shift-{shift.OfficerId}-{Calendars.IcsWriter.Instant(shift.StartUtc)}";
                if (users.GetValueOrDefault(shift.OfficerId)?.Phone is not { } phone || PhoneNumber.ToE164(phone) is not { } to)
                {
                    continue;
                }

                if (_store.TryAddNotice(Notice(key, shift.OfficerId, to, SmsKind.ShiftSoon, SmsText.ShiftSoon(shift.StartUtc, shift.EndUtc), now)))
                {
                    LogNoticeQueued(SmsKind.ShiftSoon, shift.OfficerId);
                    queued++;
                }
            }
        }

        if (queued > 0)
        {
            Wrote();
        }

        return queued;
    }

    /// <summary>
    /// Under the write gate, around a change of the schedule: the shifts of [fromUtc, toUtc) before it, to be
    /// compared with after it by <see cref="QueueChangeNotices"/>. Null when no SMS would be sent anyway.
    /// </summary>
    private IReadOnlyList<OnCallPiece>? ShiftsBefore(DateTime fromUtc, DateTime toUtc) =>
        _store.LoadSmsSettings() is { IsConfigured: true } ? Pieces(fromUtc - ChangeMargin, toUtc + ChangeMargin) : null;

    /// <summary>
    /// Under the write gate, after a change: one notice to each officer whose shifts in the period changed
    /// (not to the one who made the change), naming the shifts gained and lost. <paramref name="change"/>
    /// identifies the change (an override's or a rotation version's id), so a notice is stored once.
    /// </summary>
    private void QueueChangeNotices(IReadOnlyList<OnCallPiece>? before, DateTime fromUtc, DateTime toUtc, string change, long actorId)
    {
        if (before is null)
        {
            return;
        }

        DateTime now = UtcNow;
        var users = _store.LoadUsers().ToDictionary(u => u.Id);

        // Only what lies ahead changes for anyone; a shift under way counts from now.
        static IReadOnlyList<OnCallPiece> Ahead(IEnumerable<OnCallPiece> pieces, DateTime now) =>
            [.. pieces.Where(p => p.EndUtc > now).Select(p => p.StartUtc < now ? p with { StartUtc = now } : p)];
        var changes = ShiftChanges.Diff(Ahead(before, now), Ahead(Pieces(fromUtc - ChangeMargin, toUtc + ChangeMargin), now));
        foreach (OfficerShiftChange c in changes.Values.Where(c => c.OfficerId != actorId))
        {
            if (users.GetValueOrDefault(c.OfficerId)?.Phone is not { } phone || PhoneNumber.ToE164(phone) is not { } to)
            {
                continue;
            }

            if (_store.TryAddNotice(Notice($"change-{change}-{c.OfficerId}", c.OfficerId, to, SmsKind.ShiftChanged, SmsText.ShiftChanged(c.Gained, c.Lost), now)))
            {
                LogNoticeQueued(SmsKind.ShiftChanged, c.OfficerId);
            }
        }
    }

    private static SmsNotice Notice(string key, long officerId, string to, SmsKind kind, string text, DateTime now) => new()
    {
        Id = key,
        OfficerId = officerId,
        CreatedUtc = now,
        Message = new SmsOutgoing { Key = key, To = to, Kind = kind, Text = text, NextAttemptUtc = now },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Shift notice {Kind} queued for officer {OfficerId}")]
    private partial void LogNoticeQueued(SmsKind kind, long officerId);
}
