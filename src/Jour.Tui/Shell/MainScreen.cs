namespace Jour.Tui.Shell;

/// <summary>The main screens, reached with F2–F7 or Alt+letter.</summary>
public enum MainScreen
{
    Cases,
    Roster,
    Staff,
    Clients,
    Reports,
    Handover,
    Users,
    AccessLog,
    Records,
}
