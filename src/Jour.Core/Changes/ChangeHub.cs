namespace Jour.Core.Changes;

/// <summary>Fans change notices out to every session of one server.</summary>
public sealed class ChangeHub
{
    /// <summary>Raised synchronously on the thread that made the change; handlers must not block.</summary>
    public event Action<ChangeNotice>? Changed;

    public void Publish(ChangeNotice notice) => Changed?.Invoke(notice);
}
