using Jour.Core.Common;
using Jour.Core.Users;

namespace Jour.Core.UseCases;

/// <summary>What a handler gets besides its request: the use cases' services and the session that asked.</summary>
public sealed class RequestContext
{
    internal RequestContext(JourUseCases useCases, SessionState session, SessionInfo? actor)
    {
        UseCases = useCases;
        Session = session;
        _actor = actor;
    }

    private readonly SessionInfo? _actor;

    public JourUseCases UseCases { get; }

    public SessionState Session { get; }

    /// <summary>The signed-in user, with the roles stored now; only for requests that need a sign-in.</summary>
    public SessionInfo Actor => _actor ?? throw new JourException(ErrorCodes.NotSignedIn);
}
