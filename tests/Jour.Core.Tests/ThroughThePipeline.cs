using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Tests;

/// <summary>Sends a request as a session signed in as a stored user would: who may send it is checked by the pipeline.</summary>
internal static class ThroughThePipeline
{
    public static T Send<T>(this JourUseCases useCases, SessionInfo actor, IRequest<T> request)
    {
        using var session = new LocalJourService(useCases);
        session.Session.SignedIn(actor);
        return session.SendAsync(request).GetAwaiter().GetResult();
    }
}
