using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Hygiene;
using Jour.Core.Staff;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>The standby pool's part of `jour settings`: register-check-months, hygiene-check-months.</summary>
internal static class PoolSettingsCommand
{
    public static readonly string[] Keys = ["register-check-months", "hygiene-check-months"];

    public static bool IsPoolKey(string set)
    {
        int eq = set.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && Keys.Contains(set[..eq].Trim().ToLowerInvariant());
    }

    public static PoolSettingsData With(PoolSettingsData settings, IEnumerable<string> sets)
    {
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=', StringComparison.Ordinal);
            string value = set[(eq + 1)..].Trim();
            settings = set[..eq].Trim().Equals("hygiene-check-months", StringComparison.OrdinalIgnoreCase)
                ? settings with { HygieneCheckIntervalMonths = Months(value, ErrorCodes.HygieneIntervalInvalid, HygieneRoutines.MaxIntervalMonths) }
                : settings with { RegisterCheckValidityMonths = Months(value, ErrorCodes.RegisterCheckValidityInvalid, RegisterChecks.MaxValidityMonths) };
        }

        return settings;
    }

    private static int Months(string value, string invalid, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int months)
            ? months
            : throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, Messages.Format(invalid, [max.ToString(CultureInfo.InvariantCulture), value])));

    public static async Task WriteAsync(PoolSettingsData s, TextWriter output)
    {
        await output.WriteLineAsync($"{"register-check-months",-22}{s.RegisterCheckValidityMonths.ToString(CultureInfo.InvariantCulture)}");
        await output.WriteLineAsync($"{"hygiene-check-months",-22}{s.HygieneCheckIntervalMonths.ToString(CultureInfo.InvariantCulture)}");
    }
}
