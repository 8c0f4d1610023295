using System.Globalization;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Resources;
using NodaTime;
using NodaTime.Text;

namespace Jour.Cli;

/// <summary>
/// `jour oncall [--at TIME]`: who is on call and the next hand-off, for a phone switch or a script that
/// forwards the on-call line. Exit 0 when someone is on call, 1 when nobody is.
/// </summary>
internal static class OnCallCommand
{
    // With the offset always: on the fall-back night "02:30" alone would not say which one.
    private static readonly ZonedDateTimePattern s_text = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mmo<m>", null);
    private static readonly ZonedDateTimePattern s_iso = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:sso<m>", null);

    public static async Task<int> RunAsync(JourPaths paths, string? at, string format, TextWriter output, CancellationToken cancellationToken)
    {
        DateTime atUtc = DateTime.UtcNow;
        if (!string.IsNullOrWhiteSpace(at))
        {
            LocalDate today = SwedishTime.ToLocal(atUtc).Date;
            if (!LocalTimeInput.TryParseCommandLine(at, today, out atUtc, out string error))
            {
                throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, error));
            }
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        OnCallAt answer = await service.SendAsync(new GetOnCallAt(atUtc), cancellationToken);
        if (format == "json")
        {
            var json = new OnCallOutput(
                Iso(answer.AtUtc),
                answer.Current is { } c ? new OnCallPerson(c.OfficerName, c.OfficerPhone, c.IsOverride) : null,
                answer.UntilUtc is { } until ? Iso(until) : null,
                answer.Next is { } n ? new OnCallPerson(n.OfficerName, n.OfficerPhone, n.IsOverride) : null,
                answer.Next is { } next ? Iso(next.StartUtc) : null,
                answer.GapFromUtc is { } gap ? Iso(gap) : null);
            await output.WriteLineAsync(JsonSerializer.Serialize(json, CliJsonContext.Default.OnCallOutput));
        }
        else
        {
            await output.WriteLineAsync(answer.Current is { } c
                ? Text(CliText.OnCall_Now, Local(answer.AtUtc), c.OfficerName, c.OfficerPhone, answer.UntilUtc is { } u ? Local(u) : "?")
                : Text(CliText.OnCall_Nobody, Local(answer.AtUtc)));
            if (answer.Next is { } n)
            {
                await output.WriteLineAsync(Text(CliText.OnCall_Next, n.OfficerName, n.OfficerPhone, Local(n.StartUtc)));
            }

            if (answer.GapFromUtc is { } gap && answer.Current is not null)
            {
                await output.WriteLineAsync(Text(CliText.OnCall_Gap, Local(gap)));
            }
        }

        return answer.Current is null ? 1 : 0;
    }

    private static ZonedDateTime Zoned(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(SwedishTime.Zone);

    private static string Local(DateTime utc) => s_text.Format(Zoned(utc));

    private static string Iso(DateTime utc) => s_iso.Format(Zoned(utc));

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}

/// <summary>`jour oncall --format json`: times in ISO 8601 with the Stockholm offset.</summary>
internal sealed record OnCallOutput(string At, OnCallPerson? OnCall, string? Until, OnCallPerson? Next, string? NextFrom, string? GapFrom);

/// <summary>An officer as a phone switch needs them: name and number; whether an override put them there.</summary>
internal sealed record OnCallPerson(string Name, string Phone, bool Override);
