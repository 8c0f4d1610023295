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
        Swedish("Sms_Offer", Window(fromUtc, toUtc), area.Length > 0 ? area : "–", competences.Count > 0 ? string.Join(", ", competences) : "–", code);

    public static string Filled(string code) => Swedish("Sms_Filled", code);

    public static string Late(string code) => Swedish("Sms_Late", code);

    public static string Ineligible(string code) => Swedish("Sms_Ineligible", code);

    public static string AskCode() => Swedish("Sms_AskCode");

    /// <summary>To the incoming officer, before their shift.</summary>
    public static string ShiftSoon(DateTime fromUtc, DateTime toUtc) => Swedish("Sms_ShiftSoon", Window(fromUtc, toUtc));

    /// <summary>To an officer whose shifts changed: the first few gained and lost, then how many more.</summary>
    public static string ShiftChanged(IReadOnlyList<Roster.Shift> gained, IReadOnlyList<Roster.Shift> lost)
    {
        const int shown = 3;
        var parts = new List<string>();
        if (gained.Count > 0)
        {
            parts.Add(Swedish("Sms_ShiftGained", string.Join(", ", gained.Take(shown).Select(s => Window(s.StartUtc, s.EndUtc)))));
        }

        if (lost.Count > 0)
        {
            parts.Add(Swedish("Sms_ShiftLost", string.Join(", ", lost.Take(shown).Select(s => Window(s.StartUtc, s.EndUtc)))));
        }

        int more = Math.Max(0, gained.Count - shown) + Math.Max(0, lost.Count - shown);
        if (more > 0)
        {
            parts.Add(Swedish("Sms_ShiftMore", more.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Swedish("Sms_ShiftChanged", string.Join(" ", parts));
    }

    /// <summary>"2026-12-07 19:00-07:00", with a plain hyphen (the GSM alphabet); a day or more long, the end with its date.</summary>
    private static string Window(DateTime fromUtc, DateTime toUtc) =>
        $"{SwedishTime.FormatLocal(fromUtc)}-{(toUtc - fromUtc >= TimeSpan.FromDays(1) ? SwedishTime.FormatLocal(toUtc) : SwedishTime.FormatClock(toUtc))}";

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
