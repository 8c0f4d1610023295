using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Storage.Tests;

public sealed class QuietCheckpointsTests
{
    [Fact]
    public async Task AsksForACheckpoint_AboutOnceASecond_UntilStopped()
    {
        var asked = new List<TimeSpan>();
        using var stopping = new CancellationTokenSource();
        var checkpoints = new QuietCheckpoints(asked.Add, () => null, "/data", NullLogger.Instance);

        Task running = checkpoints.RunAsync(() => Assert.Fail("no failure"), stopping.Token);
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.InRange(asked.Count, 1, 3);
        Assert.All(asked, quiet => Assert.Equal(TimeSpan.FromSeconds(1), quiet));
    }

    [Fact]
    public async Task AFullDisk_WhileCheckpointing_CallsTheFailure_SoTheServerStops()
    {
        using var stopping = new CancellationTokenSource();
        int failures = 0;
        var checkpoints = new QuietCheckpoints(_ => throw new IOException("No space left on device"), () => null, "/data", NullLogger.Instance);

        await checkpoints.RunAsync(() => { failures++; stopping.Cancel(); }, stopping.Token).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task ABug_IsNotTakenForAFailureOfTheFile()
    {
        using var stopping = new CancellationTokenSource();
        var checkpoints = new QuietCheckpoints(_ => throw new ArgumentException("a bug"), () => null, "/data", NullLogger.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => checkpoints.RunAsync(() => Assert.Fail("not a storage failure"), stopping.Token).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }
}
