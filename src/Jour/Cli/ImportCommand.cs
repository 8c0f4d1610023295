using System.Globalization;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Import;
using Jour.Core.Providers;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// `jour import clients|providers|staff|paid-hours FILE [--dry-run]`: reads the file here, has the server validate and add
/// it, and prints every issue as "rad N: fält: skäl". Exit code 0 when all was well, 1 when any row (or the
/// header) was refused and nothing was imported.
/// </summary>
internal static class ImportCommand
{
    public static Task<int> ClientsAsync(JourPaths paths, string file, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(paths, file, dryRun, ClientImport.Table, (s, r, ct) => s.SendAsync(new ImportClients(r), ct), CliText.Import_DoneClientsOne, CliText.Import_DoneClients, output, error, cancellationToken);

    public static Task<int> ProvidersAsync(JourPaths paths, string file, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(paths, file, dryRun, ProviderImport.Table, (s, r, ct) => s.SendAsync(new ImportProviders(r), ct), CliText.Import_DoneProvidersOne, CliText.Import_DoneProviders, output, error, cancellationToken);

    public static Task<int> StaffAsync(JourPaths paths, string file, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(paths, file, dryRun, StaffImport.Table, (s, r, ct) => s.SendAsync(new ImportStaff(r), ct), CliText.Import_DoneStaffOne, CliText.Import_DoneStaff, output, error, cancellationToken);

    public static Task<int> PaidHoursAsync(JourPaths paths, string file, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(paths, file, dryRun, PaidHoursImport.Table, (s, r, ct) => s.SendAsync(new ImportPaidHours(r), ct), CliText.Import_DonePaidHoursOne, CliText.Import_DonePaidHours, output, error, cancellationToken);

    /// <summary>Prints the outcome; returns the exit code.</summary>
    public static async Task<int> ReportAsync(ImportResult result, IReadOnlyList<ImportIssue> fileIssues, bool dryRun, string doneOne, string doneMany, TextWriter output, TextWriter error)
    {
        var issues = fileIssues.Concat(result.Issues).OrderBy(i => i.Line).ToList();
        if (issues.Count > 0)
        {
            foreach (ImportIssue issue in issues)
            {
                await error.WriteLineAsync(FormatIssue(issue));
            }

            bool header = issues.Any(i => i.Line == ImportTable.HeaderLine);
            int badRows = issues.Select(i => i.Line).Distinct().Count();
            await error.WriteLineAsync(header ? CliText.Import_HeaderFailed : Format(CliText.Import_Failed, badRows, result.Rows));
            return 1;
        }

        if (dryRun)
        {
            await output.WriteLineAsync(result.ValidRows == 1 ? CliText.Import_DryRunOne : Format(CliText.Import_DryRun, result.ValidRows));
            return 0;
        }

        await output.WriteLineAsync(result.Imported == 1 ? doneOne : Format(doneMany, result.Imported));
        return 0;
    }

    /// <summary>"rad 4: personnummer: Kontrollsiffran stämmer inte." in the UI language.</summary>
    public static string FormatIssue(ImportIssue issue)
    {
        string reason = Messages.Format(issue.Code, issue.Args);
        return issue.Field.Length == 0
            ? Format(CliText.Import_IssueNoField, issue.Line, reason)
            : Format(CliText.Import_Issue, issue.Line, issue.Field, reason);
    }

    private static async Task<int> RunAsync(
        JourPaths paths,
        string file,
        bool dryRun,
        ImportTable table,
        Func<IJourService, ImportRequest, CancellationToken, Task<ImportResult>> import,
        string doneOne,
        string doneMany,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        // Read before connecting: a mistyped file name should not start a server.
        ImportFile read = ImportFile.Load(file);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);

        // A file with broken quoting is never imported, but the server still checks its rows, so every
        // problem is reported in one go.
        // Over-long values go cut to just over their limit: the server reports them by row and column all the same.
        var request = new ImportRequest(read.Columns, table.Shrink(read.Columns, read.Rows), dryRun || read.Issues.Count > 0);
        ImportResult result = await import(service, request, cancellationToken);
        return await ReportAsync(result, read.Issues, dryRun, doneOne, doneMany, output, error);
    }

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
