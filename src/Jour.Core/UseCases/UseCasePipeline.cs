using Jour.Core.Common;
using Jour.Core.Users;

namespace Jour.Core.UseCases;

/// <summary>
/// The one path every request takes, in process and from the socket alike: find its use case, check who
/// may send it and whether it may run here, then run its handler.
/// </summary>
public sealed class UseCasePipeline(JourUseCases useCases)
{
    public JourUseCases UseCases { get; } = useCases;

    public async Task<TAnswer> SendAsync<TAnswer>(SessionState session, IRequest<TAnswer> request, CancellationToken cancellationToken = default) =>
        (TAnswer)(await SendAsync(session, UseCaseCatalog.For(request.GetType()), request, cancellationToken))!;

    /// <summary>Runs <paramref name="request"/>, of <paramref name="useCase"/>'s request type, for <paramref name="session"/>.</summary>
    public async ValueTask<object?> SendAsync(SessionState session, UseCase useCase, object request, CancellationToken cancellationToken = default)
    {
        SessionInfo? actor = Admit(session, useCase.Access);
        if (useCase.Handling.HasFlag(Handling.DemoOnly) && !UseCases.IsDemo)
        {
            throw new JourException(ErrorCodes.NotADemo);
        }

        return await useCase.HandleAsync(request, new RequestContext(UseCases, session, actor), cancellationToken);
    }

    // The roles are read from the store on every request, not from the session's sign-in: an admin who is
    // removed, or a user who is disabled, loses the right with their next request.
    private SessionInfo? Admit(SessionState session, Access access)
    {
        if (access.ServerAccountOnly && !session.IsServerAccount)
        {
            throw new JourException(access.Refusal);
        }

        // A session whose user is gone or disabled counts as not signed in.
        if (session.User is not { } signedIn || UseCases.StoredRoles(signedIn.UserId) is not { } roles)
        {
            return access.SignInRequired ? throw new JourException(ErrorCodes.NotSignedIn) : null;
        }

        if (access.Roles != Users.Role.None && (roles & access.Roles) == 0)
        {
            throw new JourException(access.Refusal);
        }

        return signedIn.Roles == roles ? signedIn : signedIn with { Roles = roles };
    }
}
