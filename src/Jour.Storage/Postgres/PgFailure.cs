using System.Net.Sockets;
using Npgsql;

namespace Jour.Storage.Postgres;

/// <summary>
/// Tells a PostgreSQL server that cannot be reached (down, restarting, a standby not yet promoted) from an
/// error in what Jour asked of it. The first passes: the Jour server stays up, the session is told
/// "Databasen svarar inte – försöker igen", and the next request (or the change relay's reconnect) finds
/// the database again, on the promoted standby when the connection names both.
/// </summary>
public static class PgFailure
{
    public static bool IsUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException server:
                    return IsUnreachableState(server.SqlState);
                case NpgsqlException client when client.IsTransient || client.InnerException is null or SocketException or IOException or TimeoutException:
                    // Transient by Npgsql's own judgement, the connection itself failing, or raised by Npgsql
                    // rather than the server (no suitable host among those named): nothing Jour asked was refused.
                    return true;
            }
        }

        return false;
    }

    // Class 08 (connection exception); 57P01–57P03, the server shutting down, crashed or still starting;
    // 25006, a read-only transaction: the host is a standby (the primary is gone and it is not promoted yet).
    private static bool IsUnreachableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "25006";
}
