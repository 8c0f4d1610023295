
using Jour.Core.Changes;

namespace Jour.Core.UseCases;

/// <summary>
/// A session that sends its requests through the pipeline in this process: the server's side of each
/// connection, and tests. Holds who is signed in, so callers never pass an actor.
/// </summary>
public sealed class LocalJourService : IJourService
{
    private readonly UseCasePipeline _pipeline;

    /// <param name="useCases">The use cases' services, shared by every session of a server.</param>
    /// <param name="isServerAccount">True when the session runs as the server's own account (may be handed a set-up code).</param>
    public LocalJourService(JourUseCases useCases, bool isServerAccount = false)
    {
        _pipeline = new UseCasePipeline(useCases);
        Session = new SessionState(isServerAccount);
        useCases.Hub.Changed += OnChanged;
    }

    public event Action<ChangeNotice>? Changed;

    public SessionState Session { get; }

    /// <summary>Set by whoever issued the code in this process (tests, as the server's creator would).</summary>
    public string? SetUpCode { get; set; }

    public Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(Session, request, cancellationToken);

    /// <summary>Runs a request that arrived as a use case and its decoded body (the server's connection).</summary>
    public ValueTask<object?> SendAsync(UseCase useCase, object request, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(Session, useCase, request, cancellationToken);

    public void Dispose() => _pipeline.UseCases.Hub.Changed -= OnChanged;

    private void OnChanged(ChangeNotice notice) => Changed?.Invoke(notice);
}
