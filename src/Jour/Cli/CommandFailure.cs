using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Jour.Configuration;
using Jour.Resources;
using Microsoft.Extensions.Logging;

namespace Jour.Cli;

/// <summary>
/// What the terminal says when a command fails on a file or unexpectedly: one line in the user's
/// language that names the path, never a stack trace. An unexpected failure gets an id; its type and
/// stack go to the log file under that id (not its message, which may hold a name).
/// </summary>
internal static partial class CommandFailure
{
    /// <summary>EX_SOFTWARE from sysexits.h: not a refusal (2) but a fault of Jour itself.</summary>
    public const int UnexpectedExitCode = 70;

    /// <summary>The I/O or permission failure in Swedish (or English), naming the path .NET reports.</summary>
    public static string ForIo(Exception ex) => ex switch
    {
        UnauthorizedAccessException => Format(CliText.Cli_IoDenied, PathIn(ex)),
        DirectoryNotFoundException => Format(CliText.Cli_IoNoDirectory, PathIn(ex)),
        FileNotFoundException notFound => Format(CliText.Cli_IoNotFound, notFound.FileName ?? PathIn(ex)),
        _ => Format(CliText.Cli_IoFailed, PathIn(ex)),
    };

    /// <summary>Logs the failure under a new id when the data directory has a log, and returns the line for the terminal.</summary>
    public static string Unexpected(Exception ex, string? dataDirArgument)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        string logs = "logs";
        try
        {
            JourPaths paths = JourPaths.Resolve(dataDirArgument);
            logs = paths.Logs;

            // Never creates a data directory just to log into it.
            if (Directory.Exists(paths.DataDirectory))
            {
                using ILoggerFactory loggers = Logging.Create(paths, "cli");
                LogUnexpected(loggers.CreateLogger("Jour.Cli"), id, ex.GetType().FullName ?? ex.GetType().Name, ex.StackTrace ?? "");
            }
        }
#pragma warning disable CA1031 // The log cannot be written either: the id on the screen still tells support it was unexpected.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return Format(CliText.Cli_Unexpected, id, logs);
    }

    // .NET names the path in single quotes: "Access to the path '/x/y' is denied.", "Could not find a part of the path '/x'."
    private static string PathIn(Exception ex) =>
        QuotedPath().Match(ex.Message) is { Success: true } match ? match.Groups[1].Value : CliText.Cli_IoUnknownPath;

    [GeneratedRegex("'([^']*[/\\\\][^']*)'")]
    private static partial Regex QuotedPath();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure {IncidentId}: {ExceptionType}\n{StackTrace}")]
    private static partial void LogUnexpected(ILogger logger, string incidentId, string exceptionType, string stackTrace);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
