using System.Reflection;

namespace Jour.Protocol;

/// <summary>Which protocol this build speaks. Bump <see cref="Version"/> on any incompatible change.</summary>
public static class ProtocolInfo
{
    // 2: the on-call rotation replaced the flat shift list (ops on-call…, status with a gap).
    // 3: every use case's body is its request record (UseCaseCatalog), named as before; a timeline entry
    //    carries its message code and arguments, rendered by the reader (Code, Args, StoredText).
    public const int Version = 3;

    /// <summary>The first request of every connection; the transport's own, not a use case.</summary>
    public const string HelloOp = "hello";

    /// <summary>Largest reply a session accepts from the server; a bigger one means a broken peer.</summary>
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Largest request before sign-in (hello, install-info, sign-in, set-up: well under 1 KiB). Anyone the
    /// socket admits may send these, so they cost the server little.
    /// </summary>
    public const int PreSignInFrameBytes = 64 * 1024;

    /// <summary>
    /// Largest request of a signed-in session. The biggest legitimate one is an import: every row of a
    /// register in one request, about 300 bytes a row for clients (15 columns) once in JSON; the largest
    /// data set we test (bench: 2,000 clients, 500 assistants) is about 0.6 MB. 16 MiB leaves room for some
    /// 50,000 rows, and a journal entry or a draft is far smaller.
    /// </summary>
    public const int RequestFrameBytes = 16 * 1024 * 1024;

    /// <summary>How long a new connection has to say hello.</summary>
    public static readonly TimeSpan HelloLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Replies and pushed changes waiting for a session that does not read them, counted in bytes: past this
    /// the session is disconnected (it reconnects and reloads) rather than allowed to grow the server.
    /// One reply bigger than this is still sent when nothing else waits.
    /// </summary>
    public const long OutboxBytes = 8 * 1024 * 1024;

    public static string BuildVersion { get; } =
        typeof(ProtocolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}
