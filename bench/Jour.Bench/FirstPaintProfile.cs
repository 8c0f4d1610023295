using System.Diagnostics;
using Jour.Core.Changes;
using Jour.Core.UseCases;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Bench;

/// <summary>What each call a new session makes before its first frame costs on the server, in time and allocations.</summary>
public static class FirstPaintProfile
{
    public static void Run(string dataDir)
    {
        string key = File.ReadAllText(Path.Combine(dataDir, DatabaseKey.FileName)).Trim();
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(dataDir, "jour.db"), key, mayCreate: true);
        var useCases = new JourUseCases(store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        DateTime now = DateTime.UtcNow;
        for (int round = 0; round < 3; round++)
        {
            Time("install info", () => useCases.GetInstallInfo());
            Time("status", () => useCases.GetStatus());
            Time("open cases", () => useCases.GetOpenCases());
            Time("clients", () => useCases.GetClients());
            Time("staff", () => useCases.GetStaff());
            Time("on call 24 h", () => useCases.GetOnCall(now, now + JourUseCases.GapHorizon));
            Time("officers", () => useCases.GetOfficers());
            Time("providers", () => useCases.GetProviders());
            Time("  store: client names", () => store.LoadClientNames());
            Time("  store: providers", () => store.LoadProviders());
            Time("  store: open cases", () => store.LoadOpenCases());
            Console.WriteLine();
        }
    }

    private static void Time<T>(string name, Func<T> call)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        T result = call();
        double ms = watch.Elapsed.TotalMilliseconds;
        double mb = (GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0;
        Console.WriteLine($"{name,-24} {ms,8:F1} ms {mb,8:F1} MB  {(result is System.Collections.ICollection c ? c.Count + " items" : "")}");
    }
}
