using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Staff;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>The standby pool's part of `jour settings`: register-check-months.</summary>
internal static class PoolSettingsCommand
{
    public static readonly string[] Keys = ["register-check-months"];

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
            settings = settings with
            {
                RegisterCheckValidityMonths = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int months)
                    ? months
                    : throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, Messages.Format(ErrorCodes.RegisterCheckValidityInvalid, [RegisterChecks.MaxValidityMonths.ToString(CultureInfo.InvariantCulture), value]))),
            };
        }

        return settings;
    }

    public static Task WriteAsync(PoolSettingsData s, TextWriter output) =>
        output.WriteLineAsync($"{"register-check-months",-22}{s.RegisterCheckValidityMonths.ToString(CultureInfo.InvariantCulture)}");
}
