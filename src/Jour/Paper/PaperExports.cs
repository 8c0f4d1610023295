using System.Globalization;
using Jour.Cli;
using Jour.Configuration;
using Jour.Core.AccessLog;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Resources;
using Jour.Storage;
using Jour.Tui;

namespace Jour.Paper;

/// <summary>
/// Exports from the screens (issue 18): the same text the command line writes, as the same PDF, in the export
/// directory under a name of its own (kind, period, when), never replacing a file and never in the data
/// directory (<see cref="SafeOutput"/>). Each export is then recorded in the access log; when that is refused
/// the file is removed again, so there is no export the log does not know.
/// </summary>
internal sealed class PaperExports(JourPaths paths, string? directory, Func<Task<IJourService>> service, TimeProvider time) : IPaperExports
{
    public string? Directory { get; } = string.IsNullOrWhiteSpace(directory) ? null : Path.GetFullPath(directory);

    public Task<string> InvoiceAsync(InvoiceBasis basis, bool isDemo, CancellationToken cancellationToken = default)
    {
        string month = basis.Header.PeriodFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return ExportAsync(
            AccessedData.InvoiceBasisExport,
            $"fakturaunderlag-{month}",
            InvoiceFormat.Text(basis),
            new PaperHeading($"{CliText.Invoice_Title} {month}", isDemo),
            cancellationToken);
    }

    public Task<string> StatisticsAsync(StatisticsReport report, bool isDemo, CancellationToken cancellationToken = default) =>
        ExportAsync(
            AccessedData.StatisticsExport,
            $"statistik-{Day(report.From)}-{Day(report.To)}",
            StatisticsFormat.Text(report),
            new PaperHeading(StatisticsFormat.PaperTitle(report.From, report.To), isDemo),
            cancellationToken);

    public Task<string> AccessLogAsync(IReadOnlyList<AccessLogRow> rows, DateTime fromUtc, DateTime toUtc, bool isDemo, CancellationToken cancellationToken = default)
    {
        string from = SwedishTime.FormatLocal(fromUtc)[..10];
        string to = SwedishTime.FormatLocal(toUtc.AddMinutes(-1))[..10];
        return ExportAsync(
            AccessedData.AccessLogExport,
            $"atkomstlogg-{from}-{to}",
            AccessLogCommand.Text(rows),
            new PaperHeading($"{CliText.Export_AccessLogTitle} {from} – {to}", isDemo),
            cancellationToken);
    }

    private async Task<string> ExportAsync(AccessedData what, string stem, string text, PaperHeading heading, CancellationToken cancellationToken)
    {
        if (Directory is null)
        {
            throw new JourException(ErrorCodes.ExportDirectoryMissing, "?");
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            throw new JourException(ErrorCodes.ExportDirectoryMissing, Directory);
        }

        PaperFont.EnsureInstalled();
        PaperPdf pdf = PdfPaper.Render(text, heading);
        string at = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string written = "";
        for (int attempt = 1; written.Length == 0; attempt++)
        {
            string name = attempt == 1 ? $"{stem}-{at}.pdf" : $"{stem}-{at}-{attempt}.pdf";
            string path = Path.Combine(Directory, name);
            if (Path.Exists(path) && attempt < 100)
            {
                continue;
            }

            written = SafeOutput.Write(path, paths.DataDirectory, replace: false, stream => stream.Write(pdf.Bytes));
        }

        try
        {
            await (await service()).SendAsync(new RecordExport(what, written), cancellationToken);
        }
        catch
        {
            File.Delete(written);
            throw;
        }

        return written;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
