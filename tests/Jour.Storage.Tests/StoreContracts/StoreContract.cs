using System.Text.Json;

namespace Jour.Storage.Tests.StoreContracts;

/// <summary>What every contract suite shares: its stores, closed after each test, and how to compare documents.</summary>
public abstract class StoreContract<TStore>(IStores<TStore> stores) : IDisposable
{
    private static readonly JsonSerializerOptions s_compare = new() { WriteIndented = false };

    protected IStores<TStore> Stores => stores;

    /// <summary>A whole second, UTC: both stores keep it exactly (LiteDB keeps milliseconds, PostgreSQL microseconds).</summary>
    protected static DateTime At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Everything public about a stored object, as one string: two equal ones read back alike.</summary>
    protected static string Whole<T>(T value) => JsonSerializer.Serialize(value, s_compare);

    /// <summary>
    /// Runs <paramref name="writers"/> at the same moment on threads of their own, each as its server would (under
    /// the write lock where the store needs one), and returns what each said.
    /// </summary>
    protected static bool[] AtOnce(IStores<TStore> stores, params Func<bool>[] writers)
    {
        using var start = new Barrier(writers.Length);
        Task<bool>[] running = [.. writers.Select(w => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            if (stores.OneWriterAtATime is not { } gate)
            {
                return w();
            }

            lock (gate)
            {
                return w();
            }
        }, TaskCreationOptions.LongRunning))];
        Task.WaitAll(running);
        return [.. running.Select(t => t.Result)];
    }

    public void Dispose()
    {
        stores.Dispose();
        GC.SuppressFinalize(this);
    }
}
