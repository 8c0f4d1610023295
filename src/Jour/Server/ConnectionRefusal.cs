namespace Jour.Server;

/// <summary>Why the server will not serve a connection; the greeting is answered with this refusal.</summary>
internal sealed record ConnectionRefusal(string Code, IReadOnlyList<string> Args);
