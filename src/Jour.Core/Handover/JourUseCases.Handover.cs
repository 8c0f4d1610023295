using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.Roster;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// The handover at shift change: composed from the data and the time, handed over with notes, acknowledged by the next officer.
public sealed partial class JourUseCases
{
    /// <summary>How many past handovers the handover screen lists.</summary>
    public const int HandoverHistory = 50;

    /// <summary>The summary (or the 72-hour continuity printout) at an instant, as text.</summary>
    public HandoverView GetHandover(HandoverRequest request)
    {
        DateTime at = request.AtUtc is { } t ? Utc(t) : UtcNow;
        HandoverSource source = LoadHandoverSource(at, "", null);
        var options = new HandoverOptions(request.WithAddresses);
        HandoverHeader header;
        string text;
        if (request.Continuity)
        {
            ContinuitySummary summary = HandoverComposer.ComposeContinuity(source, at, options);
            header = summary.Header;
            text = request.Paged ? HandoverText.Paged(summary) : string.Join('\n', HandoverText.Lines(summary));
        }
        else
        {
            HandoverSummary summary = HandoverComposer.Compose(source, at, options);
            header = summary.Header;
            text = request.Paged ? HandoverText.Paged(summary) : string.Join('\n', HandoverText.Lines(summary));
        }

        return new HandoverView(at, header.PeriodFromUtc, header.OutgoingName, header.IncomingName, header.HandOffUtc, text);
    }

    /// <summary>
    /// The signed-in officer hands over now: the summary as it stands, with the notes, is stored for the
    /// incoming officer (from the rotation) to acknowledge.
    /// </summary>
    public HandoverRecordData HandOver(SessionInfo actor, HandoverNotesRequest request)
    {
        InputLimits.Check(request);
        HandoverRecord saved;
        lock (_gate.Lock)
        {
            DateTime now = UtcNow;
            HandoverSource source = LoadHandoverSource(now, request.Notes ?? "", actor.UserName);
            HandoverSummary summary = HandoverComposer.Compose(source, now, new HandoverOptions());
            long? incoming = source.Shifts.FirstOrDefault(s => s.FromUtc == summary.Header.HandOffUtc)?.OfficerId;
            if (incoming == actor.UserId)
            {
                // Handing over to oneself leaves nobody who may acknowledge it (the hour after a change).
                // The header's outgoing name is the signed-in user's here; the rota's is the shift ending at the hand-off.
                string leaving = source.Shifts.FirstOrDefault(s => s.ToUtc == summary.Header.HandOffUtc)?.OfficerName ?? "?";
                throw new JourException(ErrorCodes.HandoverToSelf, leaving);
            }
            saved = _store.AddHandover(new HandoverRecord
            {
                PeriodFromUtc = summary.Header.PeriodFromUtc,
                PeriodToUtc = now,
                OutgoingId = actor.UserId,
                IncomingId = incoming,
                Notes = summary.Notes,
                Text = string.Join('\n', HandoverText.Lines(summary)),
                CreatedUtc = now,
            });
        }

        LogHandedOver(saved.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Handover, saved.Id));
        return ToData(saved, UserNames());
    }

    /// <summary>The incoming officer acknowledges a handover: who and when are stored. The one who handed over cannot.</summary>
    public HandoverRecordData AcknowledgeHandover(SessionInfo actor, long handoverId)
    {
        HandoverRecord h;
        lock (_gate.Lock)
        {
            h = _store.FindHandover(handoverId)
                ?? throw new JourException(ErrorCodes.HandoverNotFound, handoverId.ToString(CultureInfo.InvariantCulture));
            if (h.AcknowledgedUtc is { } at)
            {
                throw new JourException(ErrorCodes.HandoverAlreadyAcknowledged, UserNames().GetValueOrDefault(h.AcknowledgedBy ?? 0, "?"), SwedishTime.FormatLocal(at));
            }

            if (h.OutgoingId == actor.UserId)
            {
                throw new JourException(ErrorCodes.HandoverOwnAcknowledge);
            }

            h.AcknowledgedBy = actor.UserId;
            h.AcknowledgedUtc = UtcNow;
            _store.UpdateHandover(h);
        }

        LogAcknowledged(h.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Handover, h.Id));
        return ToData(h, UserNames());
    }

    /// <summary>Past handovers, newest first.</summary>
    public IReadOnlyList<HandoverRecordData> GetHandovers()
    {
        var names = UserNames();
        return [.. _store.LoadHandovers(HandoverHistory).Select(h => ToData(h, names))];
    }

    /// <summary>When the newest handover was made, if nobody has acknowledged it; one lookup by id, for the status bar.</summary>
    /// <summary>
    /// Everything the composer needs: open cases, every deployment of theirs and of the next 72 hours, the
    /// registers, and the on-call duty from two days back to 72 hours ahead with its gaps.
    /// </summary>
    private HandoverSource LoadHandoverSource(DateTime atUtc, string notes, string? outgoingName)
    {
        var open = _store.LoadOpenCases();
        DateTime earliest = open.Count == 0 ? atUtc : open.Min(c => c.ReceivedUtc);
        var deployments = _store.LoadDeployments(earliest < atUtc ? earliest : atUtc, atUtc + HandoverComposer.ContinuityHorizon);
        DateTime from = atUtc - TimeSpan.FromDays(2);
        DateTime to = atUtc + HandoverComposer.ContinuityHorizon + TimeSpan.FromDays(1);
        var users = _store.LoadUsers().ToDictionary(u => u.Id);
        var shifts = new List<OfficerShift>();
        DateTime cursor = from;
        foreach (OnCallSlot slot in Pieces(from, to).Select(p => ToSlot(p, users)))
        {
            if (slot.StartUtc > cursor)
            {
                shifts.Add(new OfficerShift(cursor, slot.StartUtc, null, ""));
            }

            shifts.Add(new OfficerShift(slot.StartUtc, slot.EndUtc, slot.OfficerName, slot.OfficerPhone, slot.OfficerId));
            cursor = slot.EndUtc > cursor ? slot.EndUtc : cursor;
        }

        if (cursor < to)
        {
            shifts.Add(new OfficerShift(cursor, to, null, ""));
        }

        DateTime? last = _store.LatestHandover()?.CreatedUtc;
        return new HandoverSource(
            _store.IsDemo,
            shifts,
            open,
            deployments,
            _store.LoadClients(),
            _store.LoadProviders(),
            _store.LoadStaff(),
            last is { } l && l <= atUtc ? l : null,
            notes,
            outgoingName,
            ContractNotice.ExtensionDue(_store.LoadContracts(), ReportPeriod.LocalDate(atUtc)),
            _store.LoadIncidents());
    }

    private static HandoverRecordData ToData(HandoverRecord h, Dictionary<long, string> names) => new(
        h.Id,
        h.PeriodFromUtc,
        h.PeriodToUtc,
        names.GetValueOrDefault(h.OutgoingId, "?"),
        h.IncomingId is { } i ? names.GetValueOrDefault(i, "?") : null,
        h.Notes,
        h.Text,
        h.CreatedUtc,
        h.AcknowledgedBy is { } by ? names.GetValueOrDefault(by, "?") : null,
        h.AcknowledgedUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover {HandoverId} made by user {UserId}")]
    private partial void LogHandedOver(long handoverId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover {HandoverId} acknowledged by user {UserId}")]
    private partial void LogAcknowledged(long handoverId, long userId);
}
