using System.Globalization;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.AccessLog;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Resources;
using NodaTime;

namespace Jour.Cli;

/// <summary>
/// `jour access-log --from DATE --to DATE [--format text|csv]`: the access log of whole local days for
/// MAS/MAR and admins, in time order. CSV as Swedish spreadsheets expect: UTF-8 with a BOM, semicolons,
/// CRLF, RFC 4180 quotes.
/// </summary>
internal static class AccessLogCommand
{
    public static async Task<int> RunAsync(JourPaths paths, string? from, string? to, string format, string? user, string? client, TextWriter output, CancellationToken cancellationToken)
    {
        LocalDate today = SwedishTime.ToLocal(DateTime.UtcNow).Date;
        string first = string.IsNullOrWhiteSpace(from) ? Core.Roster.Rotation.FormatDate(today.PlusDays(-6)) : from.Trim();
        string last = string.IsNullOrWhiteSpace(to) ? Core.Roster.Rotation.FormatDate(today) : to.Trim();
        if (!LocalTimeInput.TryParsePeriod($"{first} – {last}", out DateTime fromUtc, out DateTime toUtc))
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, Messages.Get(ErrorCodes.PeriodInvalid)));
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        var rows = (await service.SendAsync(new AccessLogQuery(fromUtc, toUtc, null, null), cancellationToken))
            .Where(r => Matches(r.UserName, user) && Matches(r.ClientName, client))
            .OrderBy(r => r.AtUtc)
            .ThenBy(r => r.Id)
            .ToList();
        if (format == "csv")
        {
            await output.WriteAsync(Csv(rows));
            return 0;
        }

        await output.WriteAsync(Text(rows));
        return 0;
    }

    /// <summary>The rows as text, one line each, and their count (the CLI's text and the exported PDF).</summary>
    public static string Text(IReadOnlyList<AccessLogRow> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (string[] line in Lines(rows))
        {
            text.AppendLine(string.Join("  ", line.Where(v => v.Length > 0)));
        }

        text.AppendLine(string.Format(CultureInfo.CurrentCulture, CliText.AccessLog_Count, rows.Count, rows.Count(r => r.IsEmergency)));
        return text.ToString();
    }

    /// <summary>The CSV document of the rows, as given (names are neutralised by <see cref="SwedishCsv"/>).</summary>
    public static string Csv(IEnumerable<AccessLogRow> rows) =>
        SwedishCsv.Document(
            [CliText.AccessLog_Time, CliText.AccessLog_User, CliText.AccessLog_Client, CliText.AccessLog_What, CliText.AccessLog_Basis, CliText.AccessLog_Case, CliText.AccessLog_Reason, CliText.AccessLog_Emergency],
            Lines(rows));

    private static IEnumerable<string[]> Lines(IEnumerable<AccessLogRow> rows) => rows.Select(r => new[]
    {
        SwedishTime.FormatLocal(r.AtUtc),
        r.UserName,
        r.ClientName,
        Messages.Get("Accessed_" + r.What),
        Messages.Get("AccessBasis_" + r.Basis),
        r.CaseNumber,
        r.Reason,
        r.IsEmergency ? CliText.AccessLog_Yes : CliText.AccessLog_No,
    });

    private static bool Matches(string text, string? part) =>
        string.IsNullOrWhiteSpace(part) || text.Contains(part.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
