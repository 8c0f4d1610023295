using System.Globalization;
using Jour.Cli;
using Jour.Configuration;
using Jour.Core.AccessLog;
using Jour.Core.Common;
using Jour.Core.Extracts;
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

    /// <summary>
    /// A person's register extract (GDPR art. 15) as a PDF. The server gathers it and writes its line in the access
    /// log, naming the file, before anything is written here; the file's name carries the client's id, never the name.
    /// </summary>
    public async Task<string> ExtractAsync(long clientId, bool isDemo, CancellationToken cancellationToken = default)
    {
        string path = Place($"registerutdrag-{clientId}");
        ClientExtract extract = await (await service()).SendAsync(new GetClientExtract(clientId, "", path), cancellationToken);
        PaperPdf pdf = PdfPaper.Render(ExtractCommand.Text(extract), ExtractCommand.Heading(extract, isDemo));
        return SafeOutput.Write(path, paths.DataDirectory, replace: false, stream => stream.Write(pdf.Bytes));
    }

    private async Task<string> ExportAsync(AccessedData what, string stem, string text, PaperHeading heading, CancellationToken cancellationToken)
    {
        string path = Place(stem);
        PaperPdf pdf = PdfPaper.Render(text, heading);
        string written = SafeOutput.Write(path, paths.DataDirectory, replace: false, stream => stream.Write(pdf.Bytes));
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

    /// <summary>A free name in the export directory: the kind, then when (a second export in the same second gets -2, -3…).</summary>
    private string Place(string stem)
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
        string at = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (int attempt = 1; ; attempt++)
        {
            string path = Path.Combine(Directory, attempt == 1 ? $"{stem}-{at}.pdf" : $"{stem}-{at}-{attempt}.pdf");
            if (!Path.Exists(path) || attempt >= 100)
            {
                return path;
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
