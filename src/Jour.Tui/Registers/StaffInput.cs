using System.Globalization;
using System.Text.RegularExpressions;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Staff;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using NodaTime.Text;

namespace Jour.Tui.Registers;

/// <summary>
/// The staff form's list fields as typed and shown: delegations ("Insulin, Ssk Eva Ek, 2026-01-01 –
/// 2026-12-31"), periods ("2026-11-24 08:00 – 2026-11-26 17:00 semester", or whole days
/// "2026-12-01 – 2026-12-03 kurs") and clients by name, each list separated by semicolons. Shown
/// values parse back to what is stored, so opening and saving changes nothing.
/// </summary>
public static partial class StaffInput
{
    public static (IReadOnlyList<DelegationData> Items, string? Error) ParseDelegations(string text)
    {
        var items = new List<DelegationData>();
        foreach (string entry in Entries(text))
        {
            string[] parts = entry.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || parts[0].Length == 0 || !LocalTimeInput.TryParsePeriod(parts[^1], out DateTime from, out DateTime to))
            {
                return ([], Messages.Format(ErrorCodes.DelegationInvalid, [entry]));
            }

            string issuer = string.Join(", ", parts[1..^1]).Trim();
            if (issuer.Length == 0)
            {
                return ([], Messages.Format(ErrorCodes.DelegationInvalid, [entry]));
            }

            items.Add(new DelegationData(parts[0], issuer, from, to));
        }

        return (items, null);
    }

    public static string FormatDelegations(IEnumerable<DelegationData> delegations) =>
        string.Join("; ", delegations.Select(d => $"{d.Task}, {d.IssuedBy}, {Days(d.ValidFromUtc, d.ValidToUtc)}"));

    /// <summary>Periods of one kind; a time the clock skips or repeats is refused as everywhere else.</summary>
    public static (IReadOnlyList<AvailabilityData> Items, string? Error) ParsePeriods(string text, bool available)
    {
        var items = new List<AvailabilityData>();
        foreach (string entry in Entries(text))
        {
            Match m = PeriodPattern().Match(entry);
            if (!m.Success)
            {
                return ([], Messages.Format(ErrorCodes.AvailabilityInvalid, [entry]));
            }

            if (!TryInstant(m.Groups["d1"].Value, m.Groups["t1"].Value, endOfDay: false, out DateTime from, out string error)
                || !TryInstant(m.Groups["d2"].Value, m.Groups["t2"].Value, endOfDay: true, out DateTime to, out error))
            {
                return ([], error);
            }

            if (to <= from)
            {
                return ([], Messages.Format(ErrorCodes.AvailabilityInvalid, [entry]));
            }

            items.Add(new AvailabilityData(from, to, available, m.Groups["note"].Value.Trim()));
        }

        return (items, null);
    }

    public static string FormatPeriods(IEnumerable<AvailabilityData> periods) =>
        string.Join("; ", periods.Select(p => $"{Period(p.FromUtc, p.ToUtc)} {p.Note}".TrimEnd()));

    /// <summary>Client names, comma-separated; a name two clients share needs the masked number shown with it.</summary>
    public static (IReadOnlyList<long> Ids, string? Error) ParseClients(string text, IReadOnlyList<ClientSummary> clients)
    {
        var ids = new List<long>();
        foreach (string entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matches = clients.Where(c => string.Equals(c.Name, entry, StringComparison.CurrentCultureIgnoreCase)
                                             || string.Equals(Shown(c), entry, StringComparison.CurrentCultureIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                return ([], Format.Text(UiText.Staff_NoSuchClient, entry));
            }

            if (matches.Count > 1)
            {
                return ([], Format.Text(UiText.Staff_AmbiguousClient, entry, string.Join(", ", matches.Select(Shown))));
            }

            ids.Add(matches[0].Id);
        }

        return (ids, null);
    }

    /// <summary>The clients whose name or birth date holds every word typed, as a list entry names them.</summary>
    public static IReadOnlyList<string> MatchingClients(string typed, IReadOnlyList<ClientSummary> clients)
    {
        string[] words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. clients.Where(c => words.All(w => Shown(c).Contains(w, StringComparison.CurrentCultureIgnoreCase))).Select(Shown)];
    }

    public static string FormatClients(IEnumerable<long> ids, IReadOnlyList<ClientSummary> clients) =>
        string.Join(", ", ids.Select(id => clients.FirstOrDefault(c => c.Id == id) is { } c
            ? clients.Count(o => string.Equals(o.Name, c.Name, StringComparison.CurrentCultureIgnoreCase)) > 1 ? Shown(c) : c.Name
            : "?"));

    private static string Shown(ClientSummary c) => $"{c.Name} ({c.MaskedNumber})";

    private static string[] Entries(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryInstant(string date, string time, bool endOfDay, out DateTime utc, out string error)
    {
        utc = default;
        error = "";
        if (LocalDatePattern.Iso.Parse(date) is not { Success: true } parsed)
        {
            error = Messages.Get("Time_Format");
            return false;
        }

        LocalDate day = parsed.Value;
        if (time.Length > 0)
        {
            return LocalTimeInput.TryParse($"{date} {time}", day, null, out utc, out error);
        }

        utc = SwedishTime.ToUtcLenient((endOfDay ? day.PlusDays(1) : day).AtMidnight());
        return true;
    }

    private static string Days(DateTime fromUtc, DateTime toUtc) =>
        $"{Date(fromUtc)} – {Date(toUtc.AddTicks(-1))}";

    /// <summary>Whole local days as dates only; anything else with its times.</summary>
    private static string Period(DateTime fromUtc, DateTime toUtc)
    {
        LocalDateTime from = SwedishTime.ToLocal(fromUtc), to = SwedishTime.ToLocal(toUtc);
        return from.TimeOfDay == LocalTime.Midnight && to.TimeOfDay == LocalTime.Midnight
            ? Days(fromUtc, toUtc)
            : $"{SwedishTime.FormatLocal(fromUtc)} – {SwedishTime.FormatLocal(toUtc)}";
    }

    private static string Date(DateTime utc) => SwedishTime.ToLocal(utc).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<d1>\d{4}-\d{2}-\d{2})(?:\s+(?<t1>\d{1,2}[:.]\d{2}))?\s*(?:–|—|-|till|to)\s*(?<d2>\d{4}-\d{2}-\d{2})(?:\s+(?<t2>\d{1,2}[:.]\d{2}))?(?<note>(?:\s.*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();
}
