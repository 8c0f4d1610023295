using System.Text;
using Jour.Core.Calendars;
using Jour.Testing;

namespace Jour.Core.Tests.Calendars;

public sealed class IcsWriterTests
{
    private static readonly DateTime s_stamp = new(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_start = new(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Write_LongTextsWithSwedishLettersAndEmoji_PassTheStrictCheck_AndReadBackUnchanged()
    {
        string summary = "Jour: Åsa Öberg-Ländström; natt, helg \\ " + string.Concat(Enumerable.Repeat("åäö€😀", 20));
        string description = "Rad ett,\r\nrad två;\nrad tre\rslut";
        string ics = IcsWriter.Write("Jour – jourschema", [new CalendarEvent("a-1@jour", s_start, s_start.AddHours(12), summary, description, "Umeå, Ålidhem")], s_stamp);

        List<string> errors = StrictIcs.Check(Encoding.UTF8.GetBytes(ics), out var events);

        Assert.Empty(errors);
        var e = Assert.Single(events);
        Assert.Equal(summary, StrictIcs.Unescape(e["SUMMARY"]));
        Assert.Equal("Rad ett,\nrad två;\nrad tre\nslut", StrictIcs.Unescape(e["DESCRIPTION"]));
        Assert.Equal("Umeå, Ålidhem", StrictIcs.Unescape(e["LOCATION"]));
        Assert.Equal("20261207T060000Z", e["DTSTART"]);
        Assert.Equal("20261207T180000Z", e["DTEND"]);
        Assert.Equal("20261206T230000Z", e["DTSTAMP"]);
        Assert.Equal("TRANSPARENT", e["TRANSP"]);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('ö')]
    [InlineData('€')]
    public void Line_FoldsAt75Octets_NeverInsideACharacter(char ch)
    {
        var ics = new StringBuilder();
        string line = "SUMMARY:" + new string(ch, 200);

        IcsWriter.Line(ics, line);

        string[] physical = ics.ToString().Split("\r\n");
        Assert.Equal("", physical[^1]);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (string part in physical[..^1])
        {
            byte[] bytes = strict.GetBytes(part);
            Assert.InRange(bytes.Length, 1, 75);

            // Each physical line alone is whole UTF-8: no character was cut in two.
            Assert.Equal(part, strict.GetString(bytes));
        }

        Assert.True(physical.Length > 3);
        Assert.All(physical[1..^1], p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(line, physical[0] + string.Concat(physical[1..^1].Select(p => p[1..])));
    }

    [Fact]
    public void Line_ExactlyAt75Octets_IsNotFolded_At76ItIs()
    {
        var at75 = new StringBuilder();
        var at76 = new StringBuilder();

        IcsWriter.Line(at75, new string('x', 75));
        IcsWriter.Line(at76, new string('x', 76));

        Assert.Equal(new string('x', 75) + "\r\n", at75.ToString());
        Assert.Equal(new string('x', 75) + "\r\n x\r\n", at76.ToString());
    }

    [Fact]
    public void Line_AFourOctetCharacterAtTheEdge_MovesWhole()
    {
        var ics = new StringBuilder();

        IcsWriter.Line(ics, new string('x', 73) + "😀");

        Assert.Equal(new string('x', 73) + "\r\n 😀\r\n", ics.ToString());
    }

    [Theory]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("a;b,c", @"a\;b\,c")]
    [InlineData("a\r\nb\nc\rd", @"a\nb\nc\nd")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("bell\u0007gone", "bellgone")]
    [InlineData("a:b", "a:b")]
    public void Text_EscapesBackslashSemicolonCommaAndLineBreaks(string value, string expected) =>
        Assert.Equal(expected, IcsWriter.Text(value));

    [Fact]
    public void Write_EndsEveryLineWithCrlf_AndNestsEventsInTheCalendar()
    {
        string ics = IcsWriter.Write("x", [new CalendarEvent("u1", s_start, s_start.AddHours(1), "s1"), new CalendarEvent("u2", s_start.AddHours(1), s_start.AddHours(2), "s2")], s_stamp);

        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        string[] lines = ics.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^2]);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(2, lines.Count(l => l == "TRANSP:TRANSPARENT"));
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
    }

    [Fact]
    public void Instant_IsUtcWithZ_WhateverTheKind()
    {
        Assert.Equal("20261207T060000Z", IcsWriter.Instant(s_start));
        Assert.Equal("20261207T060000Z", IcsWriter.Instant(DateTime.SpecifyKind(s_start, DateTimeKind.Unspecified)));
    }

    // The validator is only worth its name if it fails on what it is there to catch.
    [Theory]
    [InlineData("BEGIN:VCALENDAR\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n", "bare LF")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR", "CRLF")]
    [InlineData("BEGIN:VCALENDAR\r\nPRODID:x\r\nEND:VCALENDAR\r\n", "VERSION")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "PRODID")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nDTSTAMP:20261207T060000Z\r\nDTSTART:20261207T060000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "without UID")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20261207T060000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "without DTSTAMP")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20261207T060000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "without DTSTART")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "does not close")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nSUMMARY:a,b\r\nEND:VCALENDAR\r\n", "unescaped")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\nEND:VCALENDAR\r\n", "more than 75")]
    public void StrictIcs_FindsEachBreach(string file, string expected)
    {
        List<string> errors = StrictIcs.Check(Encoding.UTF8.GetBytes(file), out _);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
