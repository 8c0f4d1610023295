using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.Roster;
using Jour.Core.UseCases;

namespace Jour.Core.Demo;

// The handover's part of the demo: a time report still unsigned days after the shift, and the last
// shift change handed over and acknowledged, so F7 and `jour handover` have a history and a period.
public static partial class DemoData
{
    private static void SeedHandover(IJourStore store, DateTime now)
    {
        var users = store.LoadUsers().ToDictionary(u => u.Id);
        var pieces = OnCallTimeline.Effective(store.LoadRotations(), [], now.AddDays(-2), now.AddDays(1));
        OnCallPiece? current = pieces.FirstOrDefault(p => p.StartUtc <= now && now < p.EndUtc);
        OnCallPiece? previous = current is null ? null : pieces.LastOrDefault(p => p.EndUtc <= current.StartUtc);

        // Worked on the handed-back case, signed by the assistant only: the handover lists it after 48 hours.
        Case? handedBack = store.LoadCases(CaseState.HandedBack).OrderBy(c => c.Id).FirstOrDefault();
        var assistant = store.LoadStaff().Where(s => !s.IsBlocked).OrderBy(s => s.Id).Skip(3).FirstOrDefault();
        if (handedBack is not null && assistant is not null)
        {
            DateTime from = handedBack.ReceivedUtc.AddHours(2);
            store.AddDeployment(new Deployment
            {
                CaseId = handedBack.Id,
                AssistantId = assistant.Id,
                FromUtc = from,
                ToUtc = from.AddHours(8),
                State = DeploymentState.Completed,
                CreatedBy = handedBack.UpdatedBy,
                CreatedUtc = handedBack.ReceivedUtc,
                Report = new TimeReport { StartUtc = from, EndUtc = from.AddHours(8), BreakMinutes = 30, AssistantSignedName = assistant.Name, AssistantSignedUtc = from.AddHours(8), RecordedBy = handedBack.UpdatedBy },
            });
        }

        if (current is null || previous is null)
        {
            return;
        }

        // The previous officer handed over at the start of the current shift; the current one acknowledged.
        DateTime at = current.StartUtc.AddMinutes(-10);
        if (at >= now)
        {
            return;
        }

        var shifts = pieces.Select(p => new OfficerShift(p.StartUtc, p.EndUtc, users.GetValueOrDefault(p.OfficerId)?.Name, users.GetValueOrDefault(p.OfficerId)?.Phone ?? "", p.OfficerId)).ToList();
        string notes = Messages.Get("Demo_HandoverNotes");
        var source = new HandoverSource(true, shifts, store.LoadOpenCases(), store.LoadDeployments(now.AddDays(-14), now.AddDays(3)), store.LoadClients(), store.LoadProviders(), store.LoadStaff(), null, notes, users.GetValueOrDefault(previous.OfficerId)?.Name);
        HandoverSummary summary = HandoverComposer.Compose(source, at, new HandoverOptions());
        DateTime acknowledged = current.StartUtc.AddMinutes(5) < now ? current.StartUtc.AddMinutes(5) : now;
        store.AddHandover(new HandoverRecord
        {
            PeriodFromUtc = summary.Header.PeriodFromUtc,
            PeriodToUtc = at,
            OutgoingId = previous.OfficerId,
            IncomingId = current.OfficerId,
            Notes = notes,
            Text = string.Join('\n', HandoverText.Lines(summary)),
            CreatedUtc = at,
            AcknowledgedBy = current.OfficerId,
            AcknowledgedUtc = acknowledged,
        });
    }
}
