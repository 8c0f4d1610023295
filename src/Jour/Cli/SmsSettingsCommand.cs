using System.Globalization;
using Jour.Core.CallOuts;
using Jour.Core.Common;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>The SMS part of `jour settings`: sms-url, sms-user, sms-password, sms-from, sms-poll-seconds, sms-confirm, shift-notice-minutes.</summary>
internal static class SmsSettingsCommand
{
    public static readonly string[] Keys = ["sms-url", "sms-user", "sms-password", "sms-from", "sms-poll-seconds", "sms-confirm", "shift-notice-minutes"];

    public static bool IsSmsKey(string set)
    {
        int eq = set.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && Keys.Contains(set[..eq].Trim().ToLowerInvariant());
    }

    public static SaveSmsSettings Parse(IEnumerable<string> sets)
    {
        var request = new SaveSmsSettings(null, null, null, null, null, null);
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=', StringComparison.Ordinal);
            string key = set[..eq].Trim().ToLowerInvariant();
            string value = set[(eq + 1)..].Trim();
            request = key switch
            {
                "sms-url" => request with { Url = value },
                "sms-user" => request with { User = value },
                "sms-password" => request with { Password = set[(eq + 1)..] },
                "sms-from" => request with { From = value },
                "sms-poll-seconds" => request with
                {
                    PollSeconds = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
                        ? seconds
                        : throw new CliException(Error(Messages.Format(ErrorCodes.SmsPollInvalid, [value, SmsSettings.MinPollSeconds.ToString(CultureInfo.InvariantCulture), SmsSettings.MaxPollSeconds.ToString(CultureInfo.InvariantCulture)]))),
                },
                "sms-confirm" => request with { ConfirmOnYes = value.ToLowerInvariant() is "ja" or "yes" or "true" or "1" },
                "shift-notice-minutes" => request with
                {
                    ShiftNoticeMinutes = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int minutes)
                        ? minutes
                        : throw new CliException(Error(Messages.Format(ErrorCodes.ShiftNoticeInvalid, [value, SmsSettings.MaxShiftNoticeMinutes.ToString(CultureInfo.InvariantCulture)]))),
                },
                _ => request,
            };
        }

        return request;
    }

    /// <summary>The SMS settings, the password only as kept or not; after a save, whether the gateway took the credentials.</summary>
    public static async Task WriteAsync(SmsSettingsData s, bool saved, TextWriter output)
    {
        await output.WriteLineAsync($"{"sms-url",-22}{s.Url}");
        await output.WriteLineAsync($"{"sms-user",-22}{s.User}");
        await output.WriteLineAsync($"{"sms-password",-22}{(s.PasswordSet ? CliText.Sms_PasswordKept : CliText.Sms_PasswordNone)}");
        await output.WriteLineAsync($"{"sms-from",-22}{s.From}");
        await output.WriteLineAsync($"{"sms-poll-seconds",-22}{s.PollSeconds.ToString(CultureInfo.InvariantCulture)}");
        await output.WriteLineAsync($"{"sms-confirm",-22}{(s.ConfirmOnYes ? CliText.Sms_Yes : CliText.Sms_No)}");
        await output.WriteLineAsync($"{"shift-notice-minutes",-22}{s.ShiftNoticeMinutes.ToString(CultureInfo.InvariantCulture)}");
        if (saved)
        {
            await output.WriteLineAsync(s.Check is { } check ? Format(CliText.Sms_CheckFailed, Messages.Get(check)) : CliText.Sms_CheckOk);
        }
    }

    /// <summary>3 when the SMS settings were saved but the test call failed: a script sees it.</summary>
    public static int ExitCode(SaveSmsSettings? saved, SmsSettingsData data) => saved is not null && data.Check is not null ? 3 : 0;

    private static string Error(string message) => Format(CliText.Cli_Error, message);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
