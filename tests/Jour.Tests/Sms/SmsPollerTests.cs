using Jour.Core.Common;
using Jour.Sms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Tests.Sms;

public sealed class SmsPollerTests
{
    [Fact]
    public async Task PollsAtOnce_ThenOncePerInterval()
    {
        int rounds = 0;
        using var stopping = new CancellationTokenSource();
        var poller = new SmsPoller(() => TimeSpan.FromHours(1), _ => Task.FromResult(++rounds), NullLogger.Instance);

        Task running = poller.RunAsync(stopping.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task ReadsTheIntervalEachTime_SoAShorterSettingCountsAtOnce()
    {
        int rounds = 0;
        TimeSpan interval = TimeSpan.FromHours(1);
        using var stopping = new CancellationTokenSource();
        var poller = new SmsPoller(() => interval, _ => Task.FromResult(++rounds), NullLogger.Instance);

        Task running = poller.RunAsync(stopping.Token);
        await Task.Delay(TimeSpan.FromSeconds(0.6), TestContext.Current.CancellationToken);
        interval = TimeSpan.Zero;
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(rounds >= 3, $"{rounds} rounds");
    }

    [Fact]
    public async Task AFailedRound_IsTriedAgainNextInterval()
    {
        int rounds = 0;
        using var stopping = new CancellationTokenSource();
        var poller = new SmsPoller(
            () => TimeSpan.Zero,
            _ => ++rounds switch
            {
                1 => throw new JourException(ErrorCodes.StorageFailed, "/data"),
                2 => throw new IOException("disk"),

                // Neither a defect nor a timeout that is not the server stopping may end the polling for good.
                3 => throw new System.Text.Json.JsonException("a reply the gateway garbled"),
                4 => throw new OperationCanceledException("a timeout of the round's own"),
                _ => stopping.CancelAsync(),
            },
            NullLogger.Instance);

        await poller.RunAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(5, rounds);
    }

    [Fact]
    public async Task TheSettingUnreadable_AsWhileTheDatabaseIsAway_DoesNotEndThePolling()
    {
        int reads = 0, rounds = 0;
        using var stopping = new CancellationTokenSource();
        var poller = new SmsPoller(
            () => ++reads <= 3 ? throw new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException()) : TimeSpan.Zero,
            _ => ++rounds == 1 ? Task.CompletedTask : stopping.CancelAsync(),
            NullLogger.Instance);

        await poller.RunAsync(stopping.Token).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(2, rounds);
        Assert.True(reads > 3);
    }
}
