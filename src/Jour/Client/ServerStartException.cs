namespace Jour.Client;

/// <summary>The server could not be started; the message is already in the user's language.</summary>
internal sealed class ServerStartException : Exception
{
    public ServerStartException(string message)
        : base(message)
    {
    }
}
