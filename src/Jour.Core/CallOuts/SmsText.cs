using Jour.Core.Common;

namespace Jour.Core.CallOuts;

/// <summary>
/// The texts that go to assistants' phones, always in Swedish. A text passes a third party, so it carries the
/// window, the area (the town or district of the address, never the street), the competences and the reply
/// code, and nothing that names the client: no name, personnummer, address or door code.
/// </summary>
public static class SmsText
{
    /// <summary>The area of an address: its last comma-separated part without the postal code ("Umeå").</summary>
    public static string Area(string address)
    {
        string last = (address ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        if (!(address ?? "").Contains(',', StringComparison.Ordinal))
        {
            return "";
        }

        string town = new([.. last.SkipWhile(ch => char.IsAsciiDigit(ch) || char.IsWhiteSpace(ch))]);
        return town.Trim();
    }

    /// <summary>The request; the window with a plain hyphen, so the text stays in the GSM alphabet (160 characters a part, not 70).</summary>
    public static string Offer(DateTime fromUtc, DateTime toUtc, string area, IReadOnlyCollection<string> competences, string code) =>
        Swedish("Sms_Offer", $"{SwedishTime.FormatLocal(fromUtc)}-{SwedishTime.FormatClock(toUtc)}", area.Length > 0 ? area : "–", competences.Count > 0 ? string.Join(", ", competences) : "–", code);

    public static string Filled(string code) => Swedish("Sms_Filled", code);

    public static string Late(string code) => Swedish("Sms_Late", code);

    public static string Ineligible(string code) => Swedish("Sms_Ineligible", code);

    public static string AskCode() => Swedish("Sms_AskCode");

    private static string Swedish(string key, params string[] args)
    {
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = SwedishCulture.Instance;
            System.Globalization.CultureInfo.CurrentCulture = SwedishCulture.Instance;
            return Messages.Format(key, args);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
