using System.Globalization;

namespace Jour.Core.Common;

/// <summary>
/// Milestones from launch to first frame, for bench/firstframe.sh: with JOUR_TRACE_STARTUP=FILE each
/// mark appends "ms-since-launch name" to FILE, launch being JOUR_TRACE_T0 (ns since the Unix epoch,
/// taken by the launching shell). Off, it costs one null check.
/// </summary>
public static class StartupTrace
{
    private static readonly string? TraceFile = Environment.GetEnvironmentVariable("JOUR_TRACE_STARTUP");

    private static readonly DateTime LaunchUtc = long.TryParse(Environment.GetEnvironmentVariable("JOUR_TRACE_T0"), NumberStyles.None, CultureInfo.InvariantCulture, out long ns)
        ? DateTime.UnixEpoch.AddTicks(ns / 100)
        : DateTime.UtcNow;

    public static void Mark(string milestone)
    {
        if (TraceFile is not null)
        {
            double ms = (DateTime.UtcNow - LaunchUtc).TotalMilliseconds;
            File.AppendAllText(TraceFile, ms.ToString("F1", CultureInfo.InvariantCulture) + " " + milestone + "\n");
        }
    }
}
