using System.Globalization;
using Jour.Core.Clients;
using Jour.Core.Identity;
using Jour.Core.Providers;

namespace Jour.Core.Import;

/// <summary>How one value of an import file is read; each returns false for a value it refuses.</summary>
public static class ImportValues
{
    /// <summary>
    /// Granted hours per week may exceed 168 (two or three assistants at once), but not three assistants
    /// round the clock: a larger number is a typing error, not a decision.
    /// </summary>
    public const decimal MaxHoursPerWeek = 504m;

    /// <summary>The words a file may use, as the messages list them; matched in any case.</summary>
    public static readonly IReadOnlyList<(string Word, AssistanceBasis Value)> Bases =
        [("LSS", AssistanceBasis.Lss), ("SFB", AssistanceBasis.Sfb)];

    public static readonly IReadOnlyList<(string Word, RepresentativeKind Value)> RepresentativeKinds =
    [
        ("god man", RepresentativeKind.Trustee),
        ("förvaltare", RepresentativeKind.Administrator),
        ("vårdnadshavare", RepresentativeKind.Guardian),
        ("anhörig", RepresentativeKind.Relative),
    ];

    public static readonly IReadOnlyList<(string Word, IvoPermit Value)> Permits =
        [("beviljat", IvoPermit.Granted), ("ansökt", IvoPermit.Applied), ("återkallat", IvoPermit.Revoked)];

    public static readonly IReadOnlyList<(string Word, ProviderStatus Value)> Statuses =
        [("aktiv", ProviderStatus.Active), ("konkurs", ProviderStatus.Bankrupt), ("återkallat tillstånd", ProviderStatus.PermitRevoked)];

    /// <summary>"ja" or "nej", any case.</summary>
    public static bool TryParseYesNo(string value, out bool yes)
    {
        string word = ImportTable.NormaliseWord(value);
        yes = word == "ja";
        return yes || word == "nej";
    }

    /// <summary>One of <paramref name="words"/>, any case and spacing.</summary>
    public static bool TryParseWord<T>(string value, IReadOnlyList<(string Word, T Value)> words, out T result)
    {
        string word = ImportTable.NormaliseWord(value);
        foreach ((string w, T v) in words)
        {
            if (ImportTable.NormaliseWord(w) == word)
            {
                result = v;
                return true;
            }
        }

        result = default!;
        return false;
    }

    /// <summary>The words as a message lists them: "god man, förvaltare, vårdnadshavare, anhörig".</summary>
    public static string List<T>(IReadOnlyList<(string Word, T Value)> words) => string.Join(", ", words.Select(w => w.Word));

    /// <summary>Hours per week with a decimal comma or point ("37,5", "37.5", "40"), 0 to <see cref="MaxHoursPerWeek"/>.</summary>
    public static bool TryParseHours(string value, out decimal hours)
    {
        string text = value.Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out hours)
            && hours <= MaxHoursPerWeek;
    }

    /// <summary>A comma-separated list: items trimmed, empty ones dropped, repeats (any case) kept once.</summary>
    public static List<string> ParseList(string value)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true));
        foreach (string item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (seen.Add(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>
    /// Representatives written "typ:namn:telefon", several separated by "|"; the phone may be left out.
    /// Returns the entries that could not be read, each as written, with whether only its kind was wrong.
    /// </summary>
    public static List<Representative> ParseRepresentatives(string value, out List<(string Entry, bool UnknownKind)> refused)
    {
        var result = new List<Representative>();
        refused = [];
        foreach (string entry in Entries(value))
        {
            string[] parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[1].Length == 0)
            {
                refused.Add((entry, false));
            }
            else if (!TryParseWord(parts[0], RepresentativeKinds, out RepresentativeKind kind))
            {
                refused.Add((parts[0], true));
            }
            else
            {
                result.Add(new Representative { Kind = kind, Name = parts[1], Phone = parts.Length == 3 ? parts[2] : "" });
            }
        }

        return result;
    }

    /// <summary>Contact persons written "namn:telefon", several separated by "|"; the phone may be left out.</summary>
    public static List<ContactPerson> ParseContacts(string value, out List<string> refused)
    {
        var result = new List<ContactPerson>();
        refused = [];
        foreach (string entry in Entries(value))
        {
            string[] parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length > 2 || parts[0].Length == 0)
            {
                refused.Add(entry);
            }
            else
            {
                result.Add(new ContactPerson { Name = parts[0], Phone = parts.Length == 2 ? parts[1] : "" });
            }
        }

        return result;
    }

    /// <summary>The message key for a refused organisationsnummer: "Org_" followed by the error's name.</summary>
    public static string OrganisationNumberMessageKey(IdentityNumberError error) => error switch
    {
        IdentityNumberError.Empty => "Org_Empty",
        IdentityNumberError.Checksum => "Org_Checksum",
        _ => "Org_Format",
    };

    /// <summary>A stored organisationsnummer in the ten-digit form, whatever form it was stored in.</summary>
    public static string OrganisationNumberKey(string stored) =>
        OrganisationNumber.TryParse(stored, out OrganisationNumber number, out _) ? number.Value : stored.Trim();

    private static string[] Entries(string value) =>
        value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
