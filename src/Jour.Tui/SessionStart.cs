using Jour.Core.Users;
using Jour.Tui.Shell;

namespace Jour.Tui;

/// <summary>
/// What a session starts from (<see cref="JourApp.StartSessionAsync"/>): the installation, and the
/// signed-in session with its board when the database is a demo; otherwise the sign-in screen comes first.
/// </summary>
public sealed record SessionStart(InstallInfo Install, SessionData? Data);
