namespace Jour.Tests.Cli;

/// <summary>
/// Tests that run the command line in process: it sets the process's default UI language (as `jour` does at
/// start), so they run alone rather than beside tests that read it.
/// </summary>
[CollectionDefinition(nameof(CommandLineCollection), DisableParallelization = true)]
public sealed class CommandLineCollection;
