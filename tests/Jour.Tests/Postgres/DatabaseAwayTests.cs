using System.Threading.Channels;
using Jour.Cli;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Testing;
using Jour.Tests.Server;

namespace Jour.Tests.Postgres;

/// <summary>
/// The PostgreSQL server goes away under a running Jour server (a crash, a lost machine, a failover in progress):
/// sessions are told "Databasen svarar inte – försöker igen", the Jour server stays up, and once the database is back
/// every session is told to refresh and carries on, with nothing acknowledged lost.
/// </summary>
public sealed class DatabaseAwayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDatabaseAway_SessionsAreToldSo_TheServerStays_AndCarriesOnWhenItIsBack()
    {
        await using PostgresCluster database = await PostgresCluster.StartWithAsync("-c fsync=on -c synchronous_commit=on");
        if (database.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        await using TestServer server = TestServer.Start(config: new JourConfig { PostgresConnection = database.NewSchema() });
        using SocketJourService session = await CliSession.OpenAsync(server.Paths, Ct);
        long caseId = (await session.SendAsync(new GetOpenCases(), Ct))[0].Id;
        TimelineEntry before = await session.SendAsync(new NoteRequest(caseId, "före avbrottet"), Ct);
        var heard = Channel.CreateUnbounded<ChangeNotice>();
        session.Changed += notice => heard.Writer.TryWrite(notice);

        database.Halt();

        var refused = await Assert.ThrowsAsync<JourException>(() => session.SendAsync(new NoteRequest(caseId, "under avbrottet"), Ct));
        Assert.Equal(ErrorCodes.StorageUnreachable, refused.Code);
        Assert.StartsWith("Databasen svarar inte – försöker igen.", Messages.Format(refused.Code, [.. refused.Args]), StringComparison.Ordinal);
        var reading = await Assert.ThrowsAsync<JourException>(() => session.SendAsync(new GetOpenCases(), Ct));
        Assert.Equal(ErrorCodes.StorageUnreachable, reading.Code);
        Assert.False(server.HasStopped, "a database away is no failure of the server's: it stays");

        // Nothing pushed while away: a refresh then would only fail again.
        while (heard.Reader.TryRead(out _))
        {
        }

        database.Resume();

        // The server's change relay finds the database again and tells every session to refresh everything.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while ((await heard.Reader.ReadAsync(timeout.Token)).Kind != ChangeKind.Everything)
            {
            }
        }

        TimelineEntry after = await session.SendAsync(new NoteRequest(caseId, "efter avbrottet"), Ct);
        Assert.True(after.Id > before.Id);
        CaseDetail detail = await session.SendAsync(new GetCase(caseId), Ct);
        Assert.Contains(detail.Timeline, e => e.Id == before.Id);
        Assert.Contains(detail.Timeline, e => e.Id == after.Id);
        Assert.DoesNotContain(detail.Timeline, e => e.Render().Contains("under avbrottet", StringComparison.Ordinal));
    }
}
