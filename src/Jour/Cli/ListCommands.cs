using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>`jour cases` and `jour clients`: the board and the register as text or JSON.</summary>
internal static class ListCommands
{
    public static async Task<int> CasesAsync(JourPaths paths, string? state, string format, TextWriter output, CancellationToken cancellationToken)
    {
        CaseState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            wanted = ParseState(state);
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        IReadOnlyList<CaseSummary> cases = wanted is { } s
            ? await service.SendAsync(new GetCasesInState(s), cancellationToken)
            : await service.SendAsync(new GetOpenCases(), cancellationToken);

        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(cases, CliJsonContext.Default.IReadOnlyListCaseSummary));
            return 0;
        }

        if (cases.Count == 0)
        {
            await output.WriteLineAsync(CliText.Cli_NoCases);
            return 0;
        }

        var rows = cases.Select(c => new[]
        {
            c.Number,
            Messages.Get("State_" + c.State),
            Messages.Get("Urgency_" + c.Urgency),
            c.ClientName,
            c.ProviderName,
            SwedishTime.FormatLocal(c.ReceivedUtc),
            c.NextGapFromUtc is { } gap ? SwedishTime.FormatLocal(gap) : "",
        });
        await output.WriteAsync(Table(
            [CliText.Cli_Header_Cases, CliText.Col_State, CliText.Col_Urgency, CliText.Col_Client, CliText.Col_Provider, CliText.Col_Received, CliText.Col_NextGap],
            rows));
        return 0;
    }

    public static async Task<int> ClientsAsync(JourPaths paths, string format, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        IReadOnlyList<ClientSummary> clients = await service.SendAsync(new GetClients(), cancellationToken);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(clients, CliJsonContext.Default.IReadOnlyListClientSummary));
            return 0;
        }

        var rows = clients.Select(c => new[] { c.Name, c.MaskedNumber, SexName(c.Sex), c.ProviderName });
        await output.WriteAsync(Table([CliText.Col_Name, CliText.Col_Pnr, CliText.Col_Sex, CliText.Col_Provider], rows));
        return 0;
    }

    /// <summary>`jour case NUMBER|ID`: the case by the number every screen shows, or by its id.</summary>
    public static async Task<int> CaseAsync(JourPaths paths, string reference, string format, TextWriter output, CancellationToken cancellationToken)
    {
        IRequest<CaseDetail> request = CaseRequest(reference);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        CaseDetail detail = await service.SendAsync(request, cancellationToken);
        if (format == "json")
        {
            await output.WriteLineAsync(CaseJson(detail));
            return 0;
        }

        CaseSummary s = detail.Summary;
        await output.WriteLineAsync($"{s.Number}  {Messages.Get("State_" + s.State)}  {Messages.Get("Urgency_" + s.Urgency)}  {s.ClientName}  {s.ProviderName}");
        foreach (TimelineEntry e in detail.Timeline)
        {
            string change = e.To is { } to ? $"{(e.From is { } from ? Messages.Get("State_" + from) + " -> " : "")}{Messages.Get("State_" + to)}" : "";
            await output.WriteLineAsync($"{SwedishTime.FormatLocal(e.AtUtc)}  {e.UserName}  {change}  {e.Render()}".TrimEnd());
        }

        return 0;
    }

    /// <summary>A number as shown (`2026-0004`) asks by number, digits alone by id; anything else is refused before connecting.</summary>
    public static IRequest<CaseDetail> CaseRequest(string reference)
    {
        string text = reference.Trim();
        if (text.Length > 5 && text[4] == '-' && text.Remove(4, 1).All(char.IsAsciiDigit))
        {
            return new GetCaseByNumber(text);
        }

        if (text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit))
        {
            return new GetCase(long.Parse(text, CultureInfo.InvariantCulture));
        }

        throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_CaseNotANumber, reference));
    }

    public static string CaseJson(CaseDetail detail) => JsonSerializer.Serialize(CaseOutput.Of(detail), CliJsonContext.Default.CaseOutput);

    /// <summary>Columns padded to their widest cell; the last column is not padded.</summary>
    public static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        int[] widths = new int[header.Length];
        foreach (string[] row in all)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (string[] row in all)
        {
            for (int i = 0; i < row.Length; i++)
            {
                text.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static CaseState ParseState(string text)
    {
        foreach (CaseState s in Enum.GetValues<CaseState>())
        {
            if (string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Messages.Get("State_" + s), text, StringComparison.CurrentCultureIgnoreCase))
            {
                return s;
            }
        }

        string valid = string.Join(", ", Enum.GetValues<CaseState>().Select(s => Messages.Get("State_" + s).ToLower(CultureInfo.CurrentCulture)));
        throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_UnknownState, text, valid));
    }

    private static string SexName(Core.Clients.Sex sex) => sex switch
    {
        Core.Clients.Sex.Female => CliText.Sex_Female,
        Core.Clients.Sex.Male => CliText.Sex_Male,
        _ => CliText.Sex_Unknown,
    };
}
