namespace Jour.Core.Changes;

/// <summary>Which kind of data a <see cref="ChangeNotice"/> is about.</summary>
public enum ChangeKind
{
    Everything,
    Case,
    Client,
    Provider,
    Staff,
    Roster,
    User,
    Settings,
    Handover,

    /// <summary>An incident's MAS/MAR follow-through: the status bar counts overdue measures.</summary>
    Incident,
}
