using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;

namespace Jour.Core.Users;

#pragma warning disable SA1649, CA1711

// The records a session sees. They travel over the socket as JSON, so they stay flat and immutable.

/// <summary>What a session needs to know before anyone signs in.</summary>
public sealed record InstallInfo(bool IsDemo, bool NeedsSetup, IReadOnlyList<UserChoice> Users);

/// <summary>A user as offered on the sign-in screen.</summary>
public sealed record UserChoice(long Id, string Name, bool HasPin);

/// <summary>The signed-in user of a session.</summary>
public sealed record SessionInfo(long UserId, string UserName, Role Roles, bool IsDemo);
