using Jour.Core.AccessLog;
using Jour.Core.FollowUp;

namespace Jour.Tui;

/// <summary>
/// Finance and MAS at a kiosk have no shell: the invoicing basis, the statistics and the access log are taken
/// out from their screens instead, as a PDF in the export directory the installation names (never the data
/// directory, never over another file). Each export is recorded in the access log. Implemented by the
/// executable, which owns the PDF renderer.
/// </summary>
public interface IPaperExports
{
    /// <summary>Where exports are written; null when the installation has named no export directory.</summary>
    string? Directory { get; }

    /// <summary>Writes the invoicing basis; returns the file's path.</summary>
    Task<string> InvoiceAsync(InvoiceBasis basis, bool isDemo, CancellationToken cancellationToken = default);

    /// <summary>Writes the statistics report; returns the file's path.</summary>
    Task<string> StatisticsAsync(StatisticsReport report, bool isDemo, CancellationToken cancellationToken = default);

    /// <summary>Writes the access log's rows as shown (filtered); returns the file's path.</summary>
    Task<string> AccessLogAsync(IReadOnlyList<AccessLogRow> rows, DateTime fromUtc, DateTime toUtc, bool isDemo, CancellationToken cancellationToken = default);

    /// <summary>Gathers a person's register extract (which the server logs) and writes it; returns the file's path.</summary>
    Task<string> ExtractAsync(long clientId, bool isDemo, CancellationToken cancellationToken = default);
}
