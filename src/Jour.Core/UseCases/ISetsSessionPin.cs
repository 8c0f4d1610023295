namespace Jour.Core.UseCases;

/// <summary>
/// A request after whose success the session's PIN is <see cref="SessionPin"/>: a session that must reconnect
/// to a new server (the old one died) signs in again with it, as the same user, without asking.
/// </summary>
public interface ISetsSessionPin
{
    string SessionPin { get; }
}
