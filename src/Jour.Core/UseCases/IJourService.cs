
using Jour.Core.Changes;

namespace Jour.Core.UseCases;

/// <summary>
/// What a screen or a command sees of the server: send a request, get its answer or a refusal (a
/// <see cref="Common.JourException"/>), and hear of changes. In process (tests) and over the socket
/// (sessions) alike; callers cannot tell which.
/// </summary>
public interface IJourService : IDisposable
{
    /// <summary>Raised, on any thread, when another session (or this one) changed data.</summary>
    event Action<ChangeNotice>? Changed;

    /// <summary>
    /// The set-up code this session was handed by the server it started, which created the database; null
    /// when it started none, or the database needs none. Shown on the first-admin screen, never stored.
    /// </summary>
    string? SetUpCode { get; }

    Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default);
}
