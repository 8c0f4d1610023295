using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Retention;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>Retention's part of `jour settings`: operator-kind, keep-research-sample, access-log-years.</summary>
internal static class RetentionSettingsCommand
{
    public static readonly string[] Keys = ["operator-kind", "keep-research-sample", "access-log-years"];

    public static bool IsRetentionKey(string set)
    {
        int eq = set.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && Keys.Contains(set[..eq].Trim().ToLowerInvariant());
    }

    public static SaveRetentionSettings Parse(IEnumerable<string> sets)
    {
        var request = new SaveRetentionSettings(null, null, null);
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=', StringComparison.Ordinal);
            string value = set[(eq + 1)..].Trim();
            request = set[..eq].Trim().ToLowerInvariant() switch
            {
                "operator-kind" => request with { OperatorKind = Kind(value) },
                "keep-research-sample" => request with { KeepResearchSample = YesNo(value) },
                _ => request with { AccessLogYears = Years(value) },
            };
        }

        return request;
    }

    public static async Task WriteAsync(RetentionSettingsData s, TextWriter output)
    {
        await output.WriteLineAsync($"{"operator-kind",-22}{(s.OperatorKind == OperatorKind.Private ? "private" : "municipal")}");
        await output.WriteLineAsync($"{"keep-research-sample",-22}{(s.KeepResearchSample ? "yes" : "no")}");
        await output.WriteLineAsync($"{"access-log-years",-22}{s.AccessLogYears.ToString(CultureInfo.InvariantCulture)}");
    }

    private static OperatorKind Kind(string value) => value.ToLowerInvariant() switch
    {
        "municipal" or "kommunal" => OperatorKind.Municipal,
        "private" or "privat" => OperatorKind.Private,
        _ => throw Refused(ErrorCodes.OperatorKindInvalid, value),
    };

    private static bool YesNo(string value) => value.ToLowerInvariant() switch
    {
        "yes" or "ja" or "on" or "true" => true,
        "no" or "nej" or "off" or "false" => false,
        _ => throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, string.Format(CultureInfo.CurrentCulture, CliText.Retention_BadYesNo, value))),
    };

    private static int Years(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int years)
            ? years
            : throw Refused(ErrorCodes.AccessLogYearsInvalid, RetentionSettings.MaxAccessLogYears.ToString(CultureInfo.InvariantCulture), value);

    private static CliException Refused(string code, params string[] args) =>
        new(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, Messages.Format(code, args)));
}
