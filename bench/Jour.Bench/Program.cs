using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Jour.Bench -- --filter '*'   (see bench/README.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
public sealed partial class Program;
