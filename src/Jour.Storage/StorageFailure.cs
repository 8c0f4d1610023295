using Jour.Core.Common;
using LiteDB;

namespace Jour.Storage;

/// <summary>
/// Tells a failure of the database file (a full disk, a damaged or truncated file) from a bug, so the
/// user gets one clear sentence instead of "unexpected error". After either, LiteDB closes its engine
/// and every later call fails the same way until the file is opened again. A PostgreSQL that cannot be
/// reached is told apart too: that passes without anything being reopened.
/// </summary>
public static class StorageFailure
{
    // errno values as .NET puts them in IOException.HResult on Linux: no space, file too large
    // (RLIMIT_FSIZE), disk quota exceeded.
    private const int NoSpace = 28, FileTooLarge = 27, QuotaExceeded = 122;

    /// <summary>
    /// The refusal for <paramref name="ex"/>, or null when it is not a storage failure. <paramref name="closedBy"/>
    /// is what <see cref="LiteJourStore.ClosedBy"/> says after the failure: once LiteDB has closed its engine,
    /// any exception (even an ObjectDisposedException from its lock) is a storage failure.
    /// </summary>
    public static JourException? Classify(Exception ex, Exception? closedBy, string dataDirectory)
    {
        foreach (Exception? first in new[] { ex, closedBy })
        {
            for (Exception? e = first; e is not null; e = e.InnerException)
            {
                if (IsDiskFull(e))
                {
                    return new JourException(ErrorCodes.StorageFull, dataDirectory);
                }
            }
        }

        // Before the IOException rule below: Npgsql wraps a dropped connection's IOException, and a PostgreSQL
        // that is away is no failure of a file (the server stays up and the database comes back).
        if (Postgres.PgFailure.IsUnreachable(ex))
        {
            return new JourException(ErrorCodes.StorageUnreachable);
        }

        return closedBy is not null || ex is LiteException or IOException || ex.InnerException is LiteException or IOException || RaisedInsideLiteDb(ex)
            ? new JourException(ErrorCodes.StorageFailed, dataDirectory)
            : null;
    }

    /// <summary>
    /// LiteDB reading a damaged page does not always say LiteException: bytes that decode to a length or an
    /// index beyond the buffer raise IndexOutOfRangeException (or the like) in its own code. What LiteDB's
    /// code raised (the first frame outside the runtime's is LiteDB's) is the file's failure, not a bug of
    /// Jour's; the stack's text is the one thing that says so in a native (AOT) build too.
    /// </summary>
    public static bool RaisedInsideLiteDb(Exception ex)
    {
        foreach (string frame in (ex.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (frame.StartsWith("at System.", StringComparison.Ordinal))
            {
                continue;
            }

            return frame.StartsWith("at LiteDB.", StringComparison.Ordinal);
        }

        return false;
    }

    public static bool IsDiskFull(Exception e) =>
        e is IOException io && (io.HResult is NoSpace or FileTooLarge or QuotaExceeded
                                || io.Message.Contains("No space left", StringComparison.Ordinal)
                                || io.Message.Contains("File too large", StringComparison.Ordinal));
}
