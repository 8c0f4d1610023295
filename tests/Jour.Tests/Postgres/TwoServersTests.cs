using System.Diagnostics;
using System.Threading.Channels;
using Jour.Cli;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Storage.Postgres;
using Jour.Testing;
using Jour.Tests.Server;
using Npgsql;

namespace Jour.Tests.Postgres;

/// <summary>
/// Two servers, each with its own data directory, bound to one PostgreSQL database: a session on one hears of a
/// change made through the other (LISTEN/NOTIFY), a dropped listening connection comes back and says everything may
/// have changed, and two servers saving the same revision at once never both win.
/// </summary>
public sealed class TwoServersTests(PostgresCluster cluster, ITestOutputHelper output)
{
    // Loose on purpose: the figure seen is reported, the deadline only keeps a broken relay from passing.
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Server 1 creates the demo; server 2, on a data directory of its own, opens the same database.</summary>
    private async Task<(TestServer First, TestServer Second, string Connection)> TwoServersAsync()
    {
        string connection = cluster.NewSchema();
        TestServer first = TestServer.Start(config: new JourConfig { PostgresConnection = connection });
        var bound = new JourConfig { PostgresConnection = connection };
        TestServer second = TestServer.Start(config: bound);

        // The second directory now counts as having had a database: an empty schema there later is refused.
        Assert.NotNull(bound.DatabaseCreatedUtc);
        using (SocketJourService onSecond = await CliSession.OpenAsync(second.Paths, Ct))
        {
            Assert.True(await CliSession.IsDemoAsync(onSecond, Ct), "the second server serves the demo the first created");
        }

        return (first, second, connection);
    }

    private static Channel<ChangeNotice> Heard(SocketJourService session)
    {
        var heard = Channel.CreateUnbounded<ChangeNotice>();
        session.Changed += notice => heard.Writer.TryWrite(notice);
        return heard;
    }

    private static async Task<TimeSpan?> WaitForAsync(Channel<ChangeNotice> heard, Func<ChangeNotice, bool> wanted, Stopwatch since)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_deadline);
        try
        {
            while (true)
            {
                ChangeNotice notice = await heard.Reader.ReadAsync(timeout.Token);
                if (wanted(notice))
                {
                    return since.Elapsed;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return null;
        }
    }

    [Fact]
    public async Task ASessionOnOneServer_HearsOfACaseChangedThroughTheOther()
    {
        (TestServer first, TestServer second, _) = await TwoServersAsync();
        await using (first)
        await using (second)
        {
            using SocketJourService onFirst = await CliSession.OpenAsync(first.Paths, Ct);
            using SocketJourService onSecond = await CliSession.OpenAsync(second.Paths, Ct);
            Channel<ChangeNotice> heard = Heard(onFirst);
            var figures = new List<double>();
            foreach (CaseSummary received in (await onSecond.SendAsync(new GetOpenCases(), Ct)).Where(c => c.State == CaseState.Received).Take(2))
            {
                var clock = Stopwatch.StartNew();
                await onSecond.SendAsync(new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision), Ct);
                TimeSpan saved = clock.Elapsed;

                TimeSpan? arrived = await WaitForAsync(heard, n => n.Kind == ChangeKind.Case && n.Id == received.Id, clock);

                Assert.True(arrived is not null, $"case {received.Id}: no notice on server 1 within {s_deadline.TotalSeconds} s");
                figures.Add(arrived!.Value.TotalMilliseconds);
                output.WriteLine($"case {received.Id}: saved through server 2 in {saved.TotalMilliseconds:0.0} ms, heard on server 1 after {arrived.Value.TotalMilliseconds:0.0} ms");

                // What server 1's session reads now is the change.
                Assert.Equal(CaseState.Assessing, (await onFirst.SendAsync(new GetCase(received.Id), Ct)).Summary.State);
            }

            Assert.Equal(2, figures.Count);
        }
    }

    [Fact]
    public async Task ANoticeGoesBothWays_OnceEach_NeverEchoedBackNorRelayedOnward()
    {
        (TestServer first, TestServer second, _) = await TwoServersAsync();
        await using (first)
        await using (second)
        {
            using SocketJourService onFirst = await CliSession.OpenAsync(first.Paths, Ct);
            using SocketJourService onSecond = await CliSession.OpenAsync(second.Paths, Ct);
            Channel<ChangeNotice> heardOnFirst = Heard(onFirst);
            Channel<ChangeNotice> heardOnSecond = Heard(onSecond);
            var everythingOnFirst = new System.Collections.Concurrent.ConcurrentQueue<ChangeNotice>();
            onFirst.Changed += everythingOnFirst.Enqueue;
            CaseSummary[] received = [.. (await onFirst.SendAsync(new GetOpenCases(), Ct)).Where(c => c.State == CaseState.Received).Take(2)];

            // A through server 1 reaches server 2 ...
            var clock = Stopwatch.StartNew();
            await onFirst.SendAsync(new TransitionRequest(received[0].Id, CaseTrigger.StartAssessment, "", received[0].Revision), Ct);
            Assert.NotNull(await WaitForAsync(heardOnSecond, n => n.Id == received[0].Id, clock));

            // ... then B through server 2 reaches server 1. Notifications arrive in the order they were committed,
            // so an echo of A (server 1 hearing its own, or server 2 relaying it onward) would be on server 1 by now.
            clock.Restart();
            await onSecond.SendAsync(new TransitionRequest(received[1].Id, CaseTrigger.StartAssessment, "", received[1].Revision), Ct);
            Assert.NotNull(await WaitForAsync(heardOnFirst, n => n.Id == received[1].Id, clock));

            // Server 1's session heard of A once: from its own server's hub, not again through the database.
            Assert.Single(everythingOnFirst, n => n.Kind == ChangeKind.Case && n.Id == received[0].Id);
        }
    }

    [Fact]
    public async Task ADroppedListeningConnection_ComesBack_AndTellsItsSessionsEverythingMayHaveChanged()
    {
        (TestServer first, TestServer second, string connection) = await TwoServersAsync();
        await using (first)
        await using (second)
        {
            using SocketJourService onFirst = await CliSession.OpenAsync(first.Paths, Ct);
            using SocketJourService onSecond = await CliSession.OpenAsync(second.Paths, Ct);
            Channel<ChangeNotice> heard = Heard(onFirst);
            string schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;

            // Both servers' listeners on this schema are cut off, as a network failure or a database restart would.
            var clock = Stopwatch.StartNew();
            Assert.Equal(2, Terminate(connection, PgChangeRelay.ListenerName(schema)));
            TimeSpan? everything = await WaitForAsync(heard, n => n.Kind == ChangeKind.Everything, clock);
            Assert.True(everything is not null, "no Everything after the listener came back");
            output.WriteLine($"listening again, Everything heard after {everything!.Value.TotalMilliseconds:0} ms");

            // And the relay works again: a change through server 2 reaches server 1.
            CaseSummary received = (await onSecond.SendAsync(new GetOpenCases(), Ct)).First(c => c.State == CaseState.Received);
            clock.Restart();
            await onSecond.SendAsync(new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision), Ct);
            Assert.NotNull(await WaitForAsync(heard, n => n.Kind == ChangeKind.Case && n.Id == received.Id, clock));
        }
    }

    [Fact]
    public async Task TwoServersSavingTheSameRevisionAtOnce_OneWins_TheOtherIsToldItChangedMeanwhile_NothingIsLost()
    {
        (TestServer first, TestServer second, _) = await TwoServersAsync();
        await using (first)
        await using (second)
        {
            using SocketJourService onFirst = await CliSession.OpenAsync(first.Paths, Ct);
            using SocketJourService onSecond = await CliSession.OpenAsync(second.Paths, Ct);
            foreach (CaseSummary received in (await onFirst.SendAsync(new GetOpenCases(), Ct)).Where(c => c.State == CaseState.Received).Take(2))
            {
                int timelineBefore = (await onFirst.SendAsync(new GetCase(received.Id), Ct)).Timeline.Count;
                var request = new TransitionRequest(received.Id, CaseTrigger.StartAssessment, "", received.Revision);

                string[] outcomes = await Task.WhenAll(Outcome(onFirst, request), Outcome(onSecond, request));

                Assert.Equal([ErrorCodes.CaseChangedByOther, "saved"], outcomes.Order(StringComparer.Ordinal));
                CaseDetail after = await onSecond.SendAsync(new GetCase(received.Id), Ct);
                Assert.Equal(received.Revision + 1, after.Summary.Revision);
                Assert.Equal(timelineBefore + 1, after.Timeline.Count);
                Assert.Equal(CaseState.Assessing, after.Summary.State);
            }
        }
    }

    private static async Task<string> Outcome(SocketJourService session, TransitionRequest request)
    {
        try
        {
            await session.SendAsync(request, Ct);
            return "saved";
        }
        catch (JourException ex)
        {
            return ex.Code;
        }
    }

    private static int Terminate(string connection, string applicationName)
    {
        using var c = new NpgsqlConnection(connection);
        c.Open();
        using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", c);
        command.Parameters.AddWithValue("name", applicationName);
        return Convert.ToInt32(command.ExecuteScalar(), SwedishCulture.Instance);
    }
}
