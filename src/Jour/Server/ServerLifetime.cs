namespace Jour.Server;

/// <summary>
/// Whether the server is going: told to stop (<c>jour server --stop</c>, a signal, the idle time), or about
/// to, once the reply to a request that found its file failing has left. From the moment it knows, a new
/// session's greeting is refused, so that session asks the next server instead of being dropped.
/// </summary>
internal sealed class ServerLifetime(Action stop)
{
    private volatile bool _going;

    public bool IsStopping => _going;

    /// <summary>The server stops after the reply now being written; no new session is greeted.</summary>
    public void StopSoon() => _going = true;

    public void Stop()
    {
        _going = true;
        stop();
    }
}
