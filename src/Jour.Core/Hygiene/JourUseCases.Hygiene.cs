using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Hygiene;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Hygiene self-checks (egenkontroller, seed 000): a checklist per standby assistant, recurring, with a follow-up.
public sealed partial class JourUseCases
{
    public HygieneCheckData RecordHygieneCheck(SessionInfo actor, RecordHygieneCheck request)
    {
        DateOnly checkedOn = IsoDate.Parse(request.CheckedOn) ?? throw new JourException(ErrorCodes.DateInvalid, request.CheckedOn);
        if (checkedOn > SwedishTime.Today(UtcNow))
        {
            throw new JourException(ErrorCodes.HygieneCheckInFuture, IsoDate.Format(checkedOn));
        }

        // Every routine answered exactly once: a check that skips one would read as "followed" in no one's eyes.
        var answers = request.Items.ToLookup(i => i.Item, StringComparer.Ordinal);
        if (request.Items.Count != HygieneRoutines.Items.Count || HygieneRoutines.Items.Any(item => answers[item].Count() != 1))
        {
            throw new JourException(ErrorCodes.HygieneItemsIncomplete);
        }

        TextLimits.Note.Check(request.Note);
        HygieneFollowUp? followUp = null;
        if (request.Items.Any(i => !i.Followed))
        {
            string action = request.FollowUp?.Action.Trim() ?? "";
            TextLimits.Note.Check(action);
            DateOnly? due = request.FollowUp is { } f ? IsoDate.Parse(f.DueOn) : null;
            if (action.Length == 0 || due is null)
            {
                throw new JourException(ErrorCodes.HygieneFollowUpRequired);
            }

            if (due < checkedOn)
            {
                throw new JourException(ErrorCodes.HygieneFollowUpBeforeCheck, IsoDate.Format(due.Value), IsoDate.Format(checkedOn));
            }

            followUp = new HygieneFollowUp { Action = action, DueOn = IsoDate.Format(due.Value) };
        }

        HygieneCheck saved;
        lock (_gate.Lock)
        {
            _ = _store.FindStaff(request.AssistantId)
                ?? throw new JourException(ErrorCodes.AssistantNotFound, request.AssistantId.ToString(CultureInfo.InvariantCulture));
            saved = _store.AddHygieneCheck(new HygieneCheck
            {
                AssistantId = request.AssistantId,
                CheckedOn = IsoDate.Format(checkedOn),
                CheckedBy = actor.UserId,
                RecordedUtc = UtcNow,
                Items = [.. HygieneRoutines.Items.Select(item => new HygieneItemResult { Item = item, Followed = answers[item].Single().Followed })],
                Note = request.Note.Trim(),
                FollowUp = followUp,
            });
        }

        LogHygieneCheck(saved.Id, saved.AssistantId, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, saved.AssistantId));
        return ToData(saved, UserNames());
    }

    public IReadOnlyList<HygieneStatus> GetHygieneStatus()
    {
        var checks = _store.LoadHygieneChecks().ToLookup(c => c.AssistantId);
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return [.. _store.LoadStaff().OrderBy(a => a.Name, compare).Select(a => Status(a, [.. checks[a.Id]]))];
    }

    public HygieneChecksData GetHygieneChecks(long assistantId)
    {
        StandbyAssistant a = _store.FindStaff(assistantId)
            ?? throw new JourException(ErrorCodes.AssistantNotFound, assistantId.ToString(CultureInfo.InvariantCulture));
        List<HygieneCheck> checks = [.. _store.LoadHygieneChecks().Where(c => c.AssistantId == assistantId)];
        var names = UserNames();
        return new HygieneChecksData(
            Status(a, checks),
            [.. checks.OrderByDescending(c => c.CheckedOn, StringComparer.Ordinal).ThenByDescending(c => c.Id).Select(c => ToData(c, names))]);
    }

    public HygieneCheckData MarkHygieneFollowUpDone(SessionInfo actor, MarkHygieneFollowUpDone request)
    {
        DateOnly done = IsoDate.Parse(request.DoneOn) ?? throw new JourException(ErrorCodes.DateInvalid, request.DoneOn);
        if (done > SwedishTime.Today(UtcNow))
        {
            throw new JourException(ErrorCodes.HygieneCheckInFuture, IsoDate.Format(done));
        }

        HygieneCheck check;
        lock (_gate.Lock)
        {
            check = _store.FindHygieneCheck(request.CheckId)
                ?? throw new JourException(ErrorCodes.HygieneCheckNotFound, request.CheckId.ToString(CultureInfo.InvariantCulture));
            HygieneFollowUp followUp = check.FollowUp ?? throw new JourException(ErrorCodes.HygieneNoFollowUp);
            if (followUp.DoneOn.Length > 0)
            {
                throw new JourException(ErrorCodes.HygieneFollowUpAlreadyDone, followUp.DoneOn);
            }

            if (IsoDate.Parse(check.CheckedOn) is { } checkedOn && done < checkedOn)
            {
                throw new JourException(ErrorCodes.HygieneFollowUpBeforeCheck, IsoDate.Format(done), check.CheckedOn);
            }

            followUp.DoneOn = IsoDate.Format(done);
            followUp.DoneBy = actor.UserId;
            _store.UpdateHygieneCheck(check);
        }

        LogHygieneFollowUpDone(check.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, check.AssistantId));
        return ToData(check, UserNames());
    }

    private HygieneStatus Status(StandbyAssistant a, IReadOnlyList<HygieneCheck> checks)
    {
        int months = PoolRules().HygieneCheckIntervalMonths;
        DateOnly? last = HygieneRoutines.Latest(checks);
        return new HygieneStatus(
            a.Id,
            a.Name,
            last,
            last is { } l ? HygieneRoutines.ValidUntil(l, months) : null,
            HygieneRoutines.IsDue(checks, SwedishTime.Today(UtcNow), months),
            checks.Count(c => c.FollowUp is { DoneOn.Length: 0 }));
    }

    private static HygieneCheckData ToData(HygieneCheck c, Dictionary<long, string> names) => new(
        c.Id,
        c.AssistantId,
        IsoDate.Parse(c.CheckedOn) ?? default,
        names.GetValueOrDefault(c.CheckedBy, "?"),
        [.. c.Items.Select(i => new HygieneItemData(i.Item, i.Followed))],
        c.Note,
        c.FollowUp is { } f
            ? new HygieneFollowUpData(f.Action, f.DueOn, f.DoneOn.Length == 0 ? null : f.DoneOn, f.DoneOn.Length == 0 ? null : names.GetValueOrDefault(f.DoneBy, "?"))
            : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hygiene check {CheckId} of assistant {AssistantId} recorded by user {UserId}")]
    private partial void LogHygieneCheck(long checkId, long assistantId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up of hygiene check {CheckId} marked done by user {UserId}")]
    private partial void LogHygieneFollowUpDone(long checkId, long userId);
}
