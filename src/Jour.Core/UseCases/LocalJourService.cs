using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Users;

namespace Jour.Core.UseCases;

/// <summary>
/// The one path every request takes, in process (tests) and from the socket (each server connection) alike:
/// find its use case, check who may send it and whether it may run here, then run its handler. Holds who is
/// signed in, so callers never pass an actor.
/// </summary>
public sealed class LocalJourService : IJourService
{
    private readonly JourUseCases _useCases;

    /// <param name="useCases">The use cases' services, shared by every session of a server.</param>
    /// <param name="isServerAccount">True when the session runs as the server's own account (may be handed a set-up code).</param>
    public LocalJourService(JourUseCases useCases, bool isServerAccount = false)
    {
        _useCases = useCases;
        Session = new SessionState(isServerAccount);
        useCases.Hub.Changed += OnChanged;
    }

    public event Action<ChangeNotice>? Changed;

    public SessionState Session { get; }

    /// <summary>Set by whoever issued the code in this process (tests, as the server's creator would).</summary>
    public string? SetUpCode { get; set; }

    public async Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default) =>
        (TAnswer)(await SendAsync(UseCaseCatalog.For(request.GetType()), request, cancellationToken))!;

    /// <summary>Runs <paramref name="request"/>, of <paramref name="useCase"/>'s request type (the server's connection decodes it).</summary>
    public async ValueTask<object?> SendAsync(UseCase useCase, object request, CancellationToken cancellationToken = default)
    {
        SessionInfo? actor = Admit(useCase.Access);
        if (useCase.Handling.HasFlag(Handling.DemoOnly) && !_useCases.IsDemo)
        {
            throw new JourException(ErrorCodes.NotADemo);
        }

        return await useCase.HandleAsync(request, new RequestContext(_useCases, Session, actor), cancellationToken);
    }

    public void Dispose() => _useCases.Hub.Changed -= OnChanged;

    private void OnChanged(ChangeNotice notice) => Changed?.Invoke(notice);

    // The roles are read from the store on every request, not from the session's sign-in: an admin who is
    // removed, or a user who is disabled, loses the right with their next request.
    private SessionInfo? Admit(Access access)
    {
        switch (access.ForServerAccount)
        {
            case ServerAccountRule.Required when !Session.IsServerAccount:
                throw new JourException(access.Refusal);
            case ServerAccountRule.Suffices when Session.IsServerAccount:
                return Session.User;
        }

        // A session whose user is gone or disabled counts as not signed in.
        if (Session.User is not { } signedIn || _useCases.StoredRoles(signedIn.UserId) is not { } roles)
        {
            // Where the server's account would do, the refusal says who may (not merely "sign in").
            return access.SignInRequired ? throw new JourException(access.ForServerAccount == ServerAccountRule.Suffices ? access.Refusal : ErrorCodes.NotSignedIn) : null;
        }

        if (access.Roles != Role.None && (roles & access.Roles) == 0)
        {
            throw new JourException(access.Refusal);
        }

        return signedIn.Roles == roles ? signedIn : signedIn with { Roles = roles };
    }
}
