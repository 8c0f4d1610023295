using Jour.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace Jour;

/// <summary>
/// Serilog to a daily rolling file under the data directory, shared by every process of the
/// installation. Only ids and codes are logged, never names, numbers, addresses or journal text.
/// </summary>
internal static class Logging
{
    public static ILoggerFactory Create(JourPaths paths, string role)
    {
        // The logs name ids and paths only, but they are the service's: owner only, as the data directory.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(paths.Logs);
        }
        else if (paths.OfAnotherAccount)
        {
            // A session of another account logs under its own home; one without a writable home (a bare
            // service account) still works, unlogged, rather than not at all.
            try
            {
                Directory.CreateDirectory(paths.Logs, paths.DirectoryMode);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
            }
        }
        else
        {
            Directory.CreateDirectory(paths.Logs, paths.DirectoryMode);
        }

        Serilog.Core.Logger logger = new LoggerConfiguration()
            .MinimumLevel.Is(Level())
            .Enrich.WithProperty("Role", role)
            .Enrich.WithProperty("Pid", Environment.ProcessId)
            .WriteTo.File(
                Path.Combine(paths.Logs, "jour-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 60,
                shared: true,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Role}/{Pid} {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }

    // Debug traces every request on both ends (op, id, time): for reading a hang, e.g. in end-to-end tests.
    private static Serilog.Events.LogEventLevel Level() =>
        Enum.TryParse(Environment.GetEnvironmentVariable("JOUR_LOG_LEVEL"), ignoreCase: true, out Serilog.Events.LogEventLevel level)
            ? level
            : Serilog.Events.LogEventLevel.Information;
}
