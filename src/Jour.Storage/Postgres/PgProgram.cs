using System.Diagnostics;

namespace Jour.Storage.Postgres;

/// <summary>
/// One run of a PostgreSQL client program (pg_dump, pg_restore) found by <see cref="PgBinaries"/>: its arguments on the
/// command line, the connection in libpq's environment (the password never in argv, which other accounts can read),
/// its standard error read beside its output so neither pipe blocks the other.
/// </summary>
internal sealed class PgProgram : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly string _program;

    private PgProgram(Process process, string program)
    {
        _process = process;
        _program = program;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Its standard output.</summary>
    public StreamReader Output => _process.StandardOutput;

    /// <summary>Started, or null when the program is not installed or does not start.</summary>
    public static PgProgram? Start(string program, IEnumerable<string> arguments, IEnumerable<(string Name, string? Value)> environment)
    {
        if (PgBinaries.DirectoryWith(program) is not { } bin)
        {
            return null;
        }

        var start = new ProcessStartInfo(Path.Combine(bin, program)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) is { } process ? new PgProgram(process, program) : null;
    }

    /// <summary>Ends it at once (what it writes to can no longer take it): it is not left blocked on a pipe nobody reads.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for it to end: null when it succeeded, else its first error line (its own words, which name no stored value).</summary>
    public string? Failure()
    {
        _process.WaitForExit();
        return _process.ExitCode == 0
            ? null
            : _errors.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"{_program} {_process.ExitCode}";
    }

    public void Dispose() => _process.Dispose();
}
