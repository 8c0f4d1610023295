using System.Globalization;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Resources;
using NodaTime;

namespace Jour.Cli;

/// <summary>
/// `jour hours [--from DATE] [--to DATE] [--format text|csv]`: hours per person for fairness and pay —
/// officers' on-call hours, assistants' booked and reported hours — for whole local days, this month by
/// default. CSV through <see cref="SwedishCsv"/>, with decimal commas.
/// </summary>
internal static class HoursCommand
{
    public static async Task<int> RunAsync(JourPaths paths, string? from, string? to, string format, TextWriter output, CancellationToken cancellationToken)
    {
        LocalDate today = SwedishTime.ToLocal(DateTime.UtcNow).Date;
        string first = from ?? today.With(DateAdjusters.StartOfMonth).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        string last = to ?? today.With(DateAdjusters.EndOfMonth).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        if (!LocalTimeInput.TryParsePeriod($"{first} – {last}", out DateTime fromUtc, out DateTime toUtc))
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, Messages.Get(ErrorCodes.PeriodInvalid)));
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        IReadOnlyList<OfficerHours> officers = await service.SendAsync(new GetOnCallHours(fromUtc, toUtc), cancellationToken);
        IReadOnlyList<AssistantHours> assistants = await service.SendAsync(new GetDeployedHours(fromUtc, toUtc), cancellationToken);
        var rows = Rows(officers, assistants);
        if (format == "csv")
        {
            await output.WriteAsync(Csv(officers, assistants));
            return 0;
        }

        await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Hours_Heading, first, last));
        await output.WriteLineAsync($"{CliText.Hours_Name,-28} {CliText.Hours_Role,-12} {CliText.Hours_OnCall,11} {CliText.Hours_Booked,11} {CliText.Hours_Reported,11}");
        foreach (var r in rows)
        {
            string name = r.Name.Length > 28 ? r.Name[..27] + "…" : r.Name;
            await output.WriteLineAsync($"{name,-28} {r.Role,-12} {Number(r.OnCall),11} {Number(r.Booked),11} {Number(r.Reported),11}");
        }

        await output.WriteLineAsync($"{CliText.Hours_Total,-41} {Number(rows.Sum(r => r.OnCall ?? 0)),11} {Number(rows.Sum(r => r.Booked ?? 0)),11} {Number(rows.Sum(r => r.Reported ?? 0)),11}");
        return 0;
    }

    /// <summary>The CSV document: names as text (neutralised by <see cref="SwedishCsv"/>), hours with decimal commas.</summary>
    public static string Csv(IReadOnlyList<OfficerHours> officers, IReadOnlyList<AssistantHours> assistants) =>
        SwedishCsv.Document(
            [CliText.Hours_Name, CliText.Hours_Role, CliText.Hours_OnCall, CliText.Hours_Booked, CliText.Hours_Reported],
            Rows(officers, assistants).Select(r => (IReadOnlyList<string>)[r.Name, r.Role, Number(r.OnCall), Number(r.Booked), Number(r.Reported)]));

    private static List<(string Name, string Role, double? OnCall, double? Booked, double? Reported)> Rows(IReadOnlyList<OfficerHours> officers, IReadOnlyList<AssistantHours> assistants) =>
        officers.Select(o => (o.Name, Role: CliText.Hours_Officer, OnCall: (double?)o.OnCallHours, Booked: (double?)null, Reported: (double?)null))
            .Concat(assistants.Select(a => (a.Name, Role: CliText.Hours_Assistant, OnCall: (double?)null, Booked: (double?)a.BookedHours, Reported: (double?)a.ReportedHours)))
            .ToList();

    private static string Number(double? hours) => hours?.ToString("0.00", SwedishCulture.Instance) ?? "";
}
