using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Roster;

namespace Jour.Core.Calendars;

/// <summary>
/// The on-call schedule and an assistant's deployments as calendars. A calendar leaves the building (a phone,
/// a cloud calendar), so an event says who is on call or which case and area, never a client's name,
/// personnummer or address, and never an override's free-text reason.
/// </summary>
public static class ShiftCalendar
{
    /// <summary>The on-call intervals as events; one officer's when <paramref name="officerName"/> is given.</summary>
    public static string OnCall(IEnumerable<OnCallSlot> slots, string? officerName, DateTime stampUtc)
    {
        string name = officerName is null
            ? Messages.Get("Calendar_OnCallAll")
            : Messages.Format("Calendar_OnCallPerson", [officerName]);
        return IcsWriter.Write(name, slots.Select(OnCallEvent), stampUtc);
    }

    /// <summary>An assistant's confirmed deployments as events.</summary>
    public static string Deployments(IEnumerable<AssistantDeployment> deployments, string assistantName, DateTime stampUtc) =>
        IcsWriter.Write(Messages.Format("Calendar_Deployments", [assistantName]), deployments.Select(DeploymentEvent), stampUtc);

    /// <summary>
    /// One on-call interval. Its UID is who and from when: the same shift keeps it in every export (an
    /// override that moves its end updates the event), and a shift handed to someone else is a new event.
    /// </summary>
    public static CalendarEvent OnCallEvent(OnCallSlot slot) => new(
        $"oncall-{slot.OfficerId}-{IcsWriter.Instant(slot.StartUtc)}@jour",
        slot.StartUtc,
        slot.EndUtc,
        Messages.Format("Calendar_OnCall", [slot.OfficerName]),
        slot.Kind is { } kind ? Messages.Get("OverrideKind_" + kind) : "");

    /// <summary>One deployment, by its id: the case's number and area, nothing about the client.</summary>
    public static CalendarEvent DeploymentEvent(AssistantDeployment d) => new(
        $"deployment-{d.DeploymentId}@jour",
        d.FromUtc,
        d.ToUtc,
        Messages.Format("Calendar_Deployment", [d.CaseNumber]),
        Messages.Format("Calendar_DeploymentDescription", [d.CaseNumber, d.Area.Length > 0 ? d.Area : "–", Messages.Get("Deployment_" + d.State)]),
        d.Area);
}
