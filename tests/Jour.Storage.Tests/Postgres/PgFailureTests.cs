using System.Net;
using System.Net.Sockets;
using Jour.Storage.Postgres;
using Jour.Testing;
using Npgsql;

namespace Jour.Storage.Tests.Postgres;

/// <summary>
/// What a real PostgreSQL raises when it cannot be reached, is a standby, or drops the session, told from an
/// error in what was asked: only the first three let the Jour server carry on and say "försöker igen".
/// </summary>
public sealed class PgFailureTests(PostgresCluster cluster)
{
    [Fact]
    public void NothingListening_IsUnreachable()
    {
        string connection = cluster.NewSchema();
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var nobody = new NpgsqlConnectionStringBuilder(connection) { Host = "127.0.0.1", Port = port, Timeout = 2 };
        using var connectionToNobody = new NpgsqlConnection(nobody.ConnectionString);
        Exception ex = Assert.ThrowsAny<Exception>(() => connectionToNobody.Open());
        Assert.True(PgFailure.IsUnreachable(ex), ex.GetType().FullName);
    }

    [Fact]
    public void AWriteOnAReadOnlyServer_AsOnAStandbyNotYetPromoted_IsUnreachable()
    {
        using var connection = new NpgsqlConnection(cluster.NewSchema());
        connection.Open();
        Run(connection, "CREATE TABLE t (x int)");
        Run(connection, "SET default_transaction_read_only = on");
        PostgresException ex = Assert.Throws<PostgresException>(() => Run(connection, "INSERT INTO t VALUES (1)"));
        Assert.Equal("25006", ex.SqlState);
        Assert.True(PgFailure.IsUnreachable(ex));
    }

    [Fact]
    public void ASessionEndedByTheServer_IsUnreachable()
    {
        using var connection = new NpgsqlConnection(cluster.NewSchema());
        connection.Open();
        using (var other = new NpgsqlConnection(cluster.ConnectionString))
        {
            other.Open();
            using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", other);
            terminate.Parameters.AddWithValue("pid", connection.ProcessID);
            terminate.ExecuteNonQuery();
        }

        Exception ex = Assert.ThrowsAny<Exception>(() => Run(connection, "SELECT 1"));
        Assert.True(PgFailure.IsUnreachable(ex), ex.GetType().FullName + " " + (ex as PostgresException)?.SqlState);
    }

    [Fact]
    public void AnErrorInWhatWasAsked_IsNot()
    {
        using var connection = new NpgsqlConnection(cluster.NewSchema());
        connection.Open();
        Run(connection, "CREATE TABLE t (x int PRIMARY KEY)");
        Run(connection, "INSERT INTO t VALUES (1)");
        Assert.False(PgFailure.IsUnreachable(Assert.Throws<PostgresException>(() => Run(connection, "INSERT INTO t VALUES (1)"))));
        Assert.False(PgFailure.IsUnreachable(Assert.Throws<PostgresException>(() => Run(connection, "SELEC 1"))));
        Assert.False(PgFailure.IsUnreachable(new InvalidOperationException("a bug of Jour's")));
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
