using System.Globalization;
using System.Text;

namespace Jour.Core.Calendars;

/// <summary>
/// Writes an iCalendar file (RFC 5545) in memory, no I/O: CRLF after every line, lines folded at 75 octets
/// of UTF-8 without splitting a character, times in UTC ("Z", so no VTIMEZONE is needed), text escaped
/// (backslash, semicolon, comma, newline), and every event TRANSP:TRANSPARENT so that an on-call week does
/// not show the whole day busy in Outlook.
/// </summary>
public static class IcsWriter
{
    /// <summary>The longest line, in octets, without its CRLF (RFC 5545 3.1).</summary>
    public const int MaxLineOctets = 75;

    public const string ProductId = "-//Jour//Jour jourtjänst//SV";

    private const string Crlf = "\r\n";

    /// <summary>
    /// The whole calendar: <paramref name="name"/> as its display name (X-WR-CALNAME), each event stamped
    /// with <paramref name="stampUtc"/> (DTSTAMP: when this export was made).
    /// </summary>
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var ics = new StringBuilder(64 * 1024);
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:" + Text(ProductId));
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(name));
        string stamp = Instant(stampUtc);
        foreach (CalendarEvent e in events)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + Text(e.Uid));
            Line(ics, "DTSTAMP:" + stamp);
            Line(ics, "DTSTART:" + Instant(e.StartUtc));
            Line(ics, "DTEND:" + Instant(e.EndUtc));
            Line(ics, "SUMMARY:" + Text(e.Summary));
            if (e.Description.Length > 0)
            {
                Line(ics, "DESCRIPTION:" + Text(e.Description));
            }

            if (e.Location.Length > 0)
            {
                Line(ics, "LOCATION:" + Text(e.Location));
            }

            Line(ics, "TRANSP:TRANSPARENT");
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A UTC instant as a DATE-TIME in UTC form: 20261207T060000Z.</summary>
    public static string Instant(DateTime utc)
    {
        DateTime t = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc;
        return t.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash, any line
    /// break becomes \n, and other control characters (not allowed in a value) are left out.
    /// </summary>
    public static string Text(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length; i++)
        {
            char ch = value[i];
            switch (ch)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                default:
                    if (ch == '\t' || !char.IsControl(ch))
                    {
                        escaped.Append(ch);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Appends one content line, folded (RFC 5545 3.1): at most 75 octets of UTF-8 a line, each continuation
    /// starting with one space, never inside a character (a surrogate pair counts as one).
    /// </summary>
    public static void Line(StringBuilder ics, string line)
    {
        int octets = 0;
        int limit = MaxLineOctets;
        for (int i = 0; i < line.Length; i++)
        {
            int width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            int size = width == 2 ? 4 : Utf8Octets(line[i]);
            if (octets + size > limit)
            {
                ics.Append(Crlf).Append(' ');
                octets = 1;
            }

            ics.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        ics.Append(Crlf);
    }

    private static int Utf8Octets(char ch) => ch switch
    {
        < '\u0080' => 1,
        < '\u0800' => 2,
        _ => 3, // a lone surrogate is written as U+FFFD, three octets
    };
}
