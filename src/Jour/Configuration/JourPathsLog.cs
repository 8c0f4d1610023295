using Microsoft.Extensions.Logging;

namespace Jour.Configuration;

/// <summary>The log lines of <see cref="JourPaths"/>: paths and modes only.</summary>
internal static partial class JourPathsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Tightened {Path} from {From} to {To}: the data directory is the service's alone")]
    public static partial void Tightened(ILogger logger, string path, string from, string to);
}
