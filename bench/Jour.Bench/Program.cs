using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jour.Bench -- --filter '*'   (see bench/README.md)
// dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --fill-handover DATA_DIR   (bench/handover.sh)
if (args is ["--fill-handover", string dataDir])
{
    string key = File.ReadAllText(Path.Combine(dataDir, Jour.Storage.DatabaseKey.FileName)).Trim();
    using var store = Jour.Storage.LiteJourStore.OpenFile(Path.Combine(dataDir, "jour.db"), key, mayCreate: true);
    Jour.Bench.HandoverData.Fill(store, DateTime.UtcNow);
    return;
}

if (args is ["--profile-handover"])
{
    var b = new Jour.Bench.HandoverBenchmarks();
    b.Setup();
    for (int i = 0; i < 3; i++)
    {
        b.Profile();
    }

    b.Cleanup();
    return;
}

// dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --profile-followup DATA_DIR   (a copy of a generated database)
if (args is ["--profile-followup", string followUpDir])
{
    Jour.Bench.FollowUpBenchmarks.Profile(followUpDir);
    return;
}

// dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --profile-first-paint DATA_DIR   (a copy: opened for writing)
if (args is ["--profile-first-paint", string paintDir])
{
    Jour.Bench.FirstPaintProfile.Run(paintDir);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
public sealed partial class Program;
