using System.Diagnostics;
using System.Text.Json;
using Jour.Testing;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// The on-call calendar from the AOT binary, read back by our strict reader and by a calendar library
/// written by others (Python's icalendar, Debian's python3-icalendar, installed by run.sh).
/// </summary>
public sealed class CalendarTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    // Prints one JSON line per event as icalendar decodes it; fails (exit 1) on what it will not read.
    private const string Reader = """
        import sys, json, datetime, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        assert str(cal['VERSION']) == '2.0' and cal.get('PRODID')
        for e in cal.walk('VEVENT'):
            start, end = e.decoded('DTSTART'), e.decoded('DTEND')
            assert start.utcoffset() == datetime.timedelta(0) and end > start
            print(json.dumps({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': start.strftime('%Y%m%dT%H%M%SZ'),
                              'transp': str(e['TRANSP']), 'stamp': e.decoded('DTSTAMP').strftime('%Y%m%dT%H%M%SZ')}, ensure_ascii=False))
        """;

    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void TwelveMonthsOfTheSchedule_AreReadTheSameByTheStrictReaderAndByPythonsIcalendar()
    {
        string file = Path.Combine(_jour.OutDir, "jour.ics");

        (int code, string output, string err) = _jour.Run("oncall", "--format", "ics", "--months", "12", "--out", file);

        Assert.True(code == 0, err);
        Assert.Equal("", output);
        Assert.Empty(StrictIcs.Check(File.ReadAllBytes(file), out var events));
        Assert.InRange(events.Count, 2 * 365 - 2, 2 * 366 + 2);

        var read = ReadWithIcalendar(file);
        Assert.Equal(events.Select(e => e["UID"]), read.Select(r => r.GetProperty("uid").GetString()));
        Assert.Equal(events.Select(e => StrictIcs.Unescape(e["SUMMARY"])), read.Select(r => r.GetProperty("summary").GetString()));
        Assert.Equal(events.Select(e => e["DTSTART"]), read.Select(r => r.GetProperty("start").GetString()));
        Assert.All(read, r => Assert.Equal("TRANSPARENT", r.GetProperty("transp").GetString()));

        // A second export: the same UIDs, a refusal to overwrite without --force, then a newer DTSTAMP with it.
        (code, _, err) = _jour.Run("oncall", "--format", "ics", "--months", "12", "--out", file);
        Assert.Equal(2, code);
        Assert.Contains(file, err, StringComparison.Ordinal);
        Thread.Sleep(1100);
        (code, _, err) = _jour.Run("oncall", "--format", "ics", "--months", "12", "--out", file, "--force");
        Assert.True(code == 0, err);
        var again = ReadWithIcalendar(file);
        Assert.Equal(read.Select(r => r.GetProperty("uid").GetString()), again.Select(r => r.GetProperty("uid").GetString()));
        Assert.True(string.CompareOrdinal(again[0].GetProperty("stamp").GetString(), read[0].GetProperty("stamp").GetString()) > 0);
    }

    [Fact]
    public void OnePerson_ToStandardOutput_HasCrlfLines_AndOnlyTheirShifts()
    {
        (int code, string output, string err) = _jour.Run("oncall", "--format", "ics", "--person", "Lindqvist", "--months", "1");

        Assert.True(code == 0, err);
        Assert.Empty(StrictIcs.Check(System.Text.Encoding.UTF8.GetBytes(output), out var events));
        Assert.InRange(events.Count, 10, 14); // every fifth of about 61 shifts
        Assert.All(events, e => Assert.Equal("Jour: Anna Lindqvist", StrictIcs.Unescape(e["SUMMARY"])));

        (code, _, err) = _jour.Run("oncall", "--person", "Lindqvist");
        Assert.Equal(2, code);
        Assert.Contains("--format ics", err, StringComparison.Ordinal);
    }

    private List<JsonElement> ReadWithIcalendar(string file)
    {
        string script = Path.Combine(_jour.OutDir, "read_ics.py");
        File.WriteAllText(script, Reader);
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(60_000));
        Assert.True(p.ExitCode == 0, stderr);
        return [.. stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }
}
