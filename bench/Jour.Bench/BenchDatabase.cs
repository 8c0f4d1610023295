using System.Security.Cryptography;
using System.Text;
using Jour.Core.Generation;
using Jour.Storage;

namespace Jour.Bench;

/// <summary>
/// A database from <c>jour generate</c>'s generator for a benchmark: generated once per shape and hour
/// into a cache in the temp directory (minutes at 100,000 cases), then copied into the benchmark's own
/// directory (seconds), so every benchmark class measures the same data without paying for it each time.
/// </summary>
internal static class BenchDatabase
{
    public const string Key = "bench-key";

    /// <summary>The benchmarks' shape: 100,000 cases over a year, 500 open, 500 assistants, 2,000 deployments in the next 24 hours, five time reports per case.</summary>
    public static readonly LargeDataOptions Standard = new();

    /// <summary>A fresh copy of the generated database in <paramref name="directory"/>, opened.</summary>
    public static LiteJourStore Open(string directory, LargeDataOptions? options = null)
    {
        DateTime now = DateTime.UtcNow;
        var shape = (options ?? Standard) with { NowUtc = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc) };
        string cacheDir = Path.Combine(Path.GetTempPath(), "jour-bench-data");
        Directory.CreateDirectory(cacheDir);
        string name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())))[..16];
        string cached = Path.Combine(cacheDir, name + ".db");
        if (!File.Exists(cached))
        {
            foreach (string stale in Directory.GetFiles(cacheDir, "*.db").Where(f => File.GetLastWriteTimeUtc(f) < now.AddHours(-2)))
            {
                File.Delete(stale);
            }

            string temporary = Path.Combine(cacheDir, $"{name}.{Environment.ProcessId}.tmp");
            using (LiteJourStore store = LiteJourStore.OpenFile(temporary, Key, mayCreate: true))
            {
                Console.WriteLine($"// generating {shape}");
                LargeDataSummary summary = LargeData.Generate(store, store, shape, TimeProvider.System);
                Console.WriteLine($"// generated {summary}");
            }

            File.Move(temporary, cached, overwrite: true);
        }

        string path = Path.Combine(directory, "jour.db");
        File.Copy(cached, path, overwrite: true);
        return LiteJourStore.OpenFile(path, Key, mayCreate: true);
    }
}
