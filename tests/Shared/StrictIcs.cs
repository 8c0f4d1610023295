using System.Text;

namespace Jour.Testing;

/// <summary>
/// A strict reader of iCalendar files (RFC 5545), stricter than calendar programs: it lists every breach
/// rather than guessing. Checked: CRLF and nothing else ends a line, no line (or fold) over 75 octets of
/// UTF-8, valid UTF-8, folds begin with one space or tab, BEGIN/END nest and match, the calendar holds
/// VERSION:2.0 and PRODID once, every VEVENT holds UID, DTSTAMP and DTSTART once (UIDs unique), DTEND
/// after DTSTART, date-times in UTC form, no unescaped comma or semicolon in a TEXT value.
/// </summary>
public static class StrictIcs
{
    private static readonly string[] s_textProperties = ["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME"];

    /// <summary>The breaches found, empty when the file is sound; <paramref name="events"/> gets each event's unfolded properties.</summary>
    public static List<string> Check(byte[] file, out List<Dictionary<string, string>> events)
    {
        var errors = new List<string>();
        events = [];
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
        }
        catch (DecoderFallbackException)
        {
            errors.Add("not valid UTF-8");
            return errors;
        }

        // Physical lines: split on CRLF only, and refuse any bare CR or LF.
        var physical = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < file.Length; i++)
        {
            if (file[i] == '\r' && i + 1 < file.Length && file[i + 1] == '\n')
            {
                physical.Add(file[start..i]);
                start = i + 2;
                i++;
            }
            else if (file[i] == '\r' || file[i] == '\n')
            {
                errors.Add($"a bare {(file[i] == '\r' ? "CR" : "LF")} at octet {i}");
            }
        }

        if (start != file.Length)
        {
            errors.Add("the last line does not end with CRLF");
        }

        var logical = new List<string>();
        for (int n = 0; n < physical.Count; n++)
        {
            byte[] line = physical[n];
            if (line.Length > 75)
            {
                errors.Add($"line {n + 1} is {line.Length} octets (more than 75)");
            }

            string decoded = Encoding.UTF8.GetString(line);
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (logical.Count == 0)
                {
                    errors.Add("a continuation before any line");
                    continue;
                }

                logical[^1] += decoded[1..];
            }
            else if (line.Length == 0)
            {
                errors.Add($"line {n + 1} is empty");
            }
            else
            {
                logical.Add(decoded);
            }
        }

        var stack = new Stack<string>();
        var calendarProps = new Dictionary<string, int>();
        Dictionary<string, string>? current = null;
        var uids = new HashSet<string>();
        foreach (string line in logical)
        {
            int colon = NameEnd(line);
            if (colon <= 0)
            {
                errors.Add($"no property name and colon: {line}");
                continue;
            }

            string head = line[..colon];
            string name = head.Split(';')[0].ToUpperInvariant();
            string value = line[(colon + 1)..];
            if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            {
                errors.Add($"a bad property name: {name}");
            }

            if (name == "BEGIN")
            {
                stack.Push(value);
                if (value == "VEVENT")
                {
                    current = [];
                }

                continue;
            }

            if (name == "END")
            {
                if (stack.Count == 0 || stack.Peek() != value)
                {
                    errors.Add($"END:{value} does not close {(stack.Count == 0 ? "anything" : stack.Peek())}");
                    continue;
                }

                stack.Pop();
                if (value == "VEVENT" && current is not null)
                {
                    foreach (string required in new[] { "UID", "DTSTAMP", "DTSTART" })
                    {
                        if (!current.ContainsKey(required))
                        {
                            errors.Add($"a VEVENT without {required}");
                        }
                    }

                    if (current.TryGetValue("UID", out string? uid) && !uids.Add(uid))
                    {
                        errors.Add($"UID {uid} twice");
                    }

                    if (current.TryGetValue("DTSTART", out string? s) && current.TryGetValue("DTEND", out string? e) && string.CompareOrdinal(e, s) <= 0)
                    {
                        errors.Add($"DTEND {e} is not after DTSTART {s}");
                    }

                    events.Add(current);
                    current = null;
                }

                continue;
            }

            if (stack.Count == 0)
            {
                errors.Add($"{name} outside VCALENDAR");
                continue;
            }

            if (s_textProperties.Contains(name) && HasUnescaped(value))
            {
                errors.Add($"{name} has an unescaped comma, semicolon or backslash: {value}");
            }

            if (name is "DTSTAMP" or "DTSTART" or "DTEND" && !IsUtcDateTime(value))
            {
                errors.Add($"{name} is not a UTC date-time: {value}");
            }

            if (stack.Peek() == "VCALENDAR")
            {
                calendarProps[name] = calendarProps.GetValueOrDefault(name) + 1;
            }
            else if (stack.Peek() == "VEVENT" && current is not null)
            {
                if (current.ContainsKey(name) && name is "UID" or "DTSTAMP" or "DTSTART" or "DTEND" or "SUMMARY" or "TRANSP")
                {
                    errors.Add($"{name} twice in one VEVENT");
                }

                current[name] = value;
            }
        }

        if (stack.Count > 0)
        {
            errors.Add($"BEGIN:{stack.Peek()} is never closed");
        }

        if (logical.Count == 0 || logical[0] != "BEGIN:VCALENDAR")
        {
            errors.Add("the file does not begin with BEGIN:VCALENDAR");
        }

        if (calendarProps.GetValueOrDefault("VERSION") != 1)
        {
            errors.Add("VERSION is not there exactly once");
        }

        if (calendarProps.GetValueOrDefault("PRODID") != 1)
        {
            errors.Add("PRODID is not there exactly once");
        }

        if (!logical.Contains("VERSION:2.0"))
        {
            errors.Add("VERSION is not 2.0");
        }

        return errors;
    }

    /// <summary>A TEXT value back to plain text.</summary>
    public static string Unescape(string value) =>
        value.Replace(@"\n", "\n", StringComparison.Ordinal).Replace(@"\N", "\n", StringComparison.Ordinal)
            .Replace(@"\,", ",", StringComparison.Ordinal).Replace(@"\;", ";", StringComparison.Ordinal)
            .Replace(@"\\", "\\", StringComparison.Ordinal);

    // The colon after the name and parameters; a colon inside a quoted parameter value does not count.
    private static int NameEnd(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasUnescaped(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (i + 1 >= value.Length || value[i + 1] is not ('\\' or ';' or ',' or 'n' or 'N'))
                {
                    return true;
                }

                i++;
            }
            else if (value[i] is ',' or ';')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUtcDateTime(string value) =>
        value.Length == 16 && value[8] == 'T' && value[15] == 'Z'
        && value[..8].All(char.IsAsciiDigit) && value[9..15].All(char.IsAsciiDigit);
}
