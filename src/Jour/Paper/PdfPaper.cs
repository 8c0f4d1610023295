using System.Globalization;
using Jour.Cli;
using Jour.Resources;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Jour.Paper;

/// <summary>What is printed above the text on every page.</summary>
/// <param name="Title">The document's name (top left, and the PDF's title).</param>
/// <param name="IsDemo">A demo database: every page says so, top right.</param>
/// <param name="NumberedByText">
/// The text is already on pages of at most 60 lines, each ending in its own "sida N av M" (the handover): the
/// PDF keeps those pages and numbers, and adds no second number.
/// </param>
internal sealed record PaperHeading(string Title, bool IsDemo, bool NumberedByText = false);

/// <summary>A rendered PDF and how many A4 pages it has.</summary>
internal sealed record PaperPdf(byte[] Bytes, int Pages);

/// <summary>
/// The one PDF renderer: any of Jour's 80-column texts on A4, in one embedded monospaced font
/// (<see cref="PaperFont"/>), so the page looks the same on every printer and `pdftotext -layout` gives the
/// lines back. The point size makes the widest line (80 columns, or more) fit between the margins; a header
/// line names the document (and DEMO), a footer line numbers the pages ("Sida 1 av 3") unless the text does.
/// </summary>
internal static class PdfPaper
{
    /// <summary>At most 10 pt: 80 columns of DejaVu Sans Mono take 17 cm, 6 lines to the inch.</summary>
    public const double MaxFontSize = 10;

    /// <summary>Half an inch all round: inside what any office printer can reach.</summary>
    public const double Margin = 36;

    private const double Leading = 1.2;

    /// <summary>Windows-1252's characters at 0x80–0x9F, where Latin-1 has control codes.</summary>
    private const string WinAnsiExtras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    /// <summary>The body lines a page holds at the point size <paramref name="fontSize"/>: 60 at 10 pt (the handover's page).</summary>
    public static int LinesPerPage(double fontSize, double pageHeight = 841.89) =>
        (int)Math.Floor(((pageHeight - (2 * Margin)) / (fontSize * Leading)) - 4 + 1e-6);

    /// <summary>Renders <paramref name="text"/>; form feeds start pages.</summary>
    /// <exception cref="CliException">The font is missing or unreadable (the message names its package).</exception>
    public static PaperPdf Render(string text, PaperHeading heading)
    {
        PaperFont.EnsureInstalled();
        try
        {
            return Draw(text, heading);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            // PDFsharp's words on a font it cannot use are no help at a printer; name the file and the package.
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Pdf_BadFont, PaperFont.PathInUse, PaperFont.Package, PaperFont.EnvironmentVariable), ex);
        }
    }

    private static PaperPdf Draw(string text, PaperHeading heading)
    {
        using var document = new PdfDocument();
        document.Info.Title = heading.Title;
        document.Info.Creator = "Jour";
        // PDFsharp 6.2.4 writes Flate streams without their Adler-32 checksum (Ghostscript: "ignoring zlib error:
        // incorrect data check"). Viewers forgive it; a printer need not. Uncompressed, a handover is about 50 kB.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var options = new XPdfFontOptions(IsWinAnsi(text) && IsWinAnsi(heading.Title) ? PdfFontEncoding.WinAnsi : PdfFontEncoding.Unicode);

        PdfPage page = document.AddPage();
        page.Size = PageSize.A4;
        double pageWidth = page.Width.Point;
        double pageHeight = page.Height.Point;

        // The advance of one column per point of size, measured on the font itself (monospaced: every glyph alike).
        double advance;
        using (XGraphics measure = XGraphics.CreateMeasureContext(new XSize(pageWidth, pageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, document.RenderEvents))
        {
            var probe = new XFont(PaperFont.FaceName, 100, XFontStyleEx.Regular, options);
            advance = measure.MeasureString(new string('0', 100), probe).Width / (100 * 100);
        }

        // Lay out at 10 pt first; a wider document gets a smaller size and so more lines per page.
        int columns = PaperLayout.ColumnsFor(PaperLayout.Pages(text, int.MaxValue));
        double size = Math.Min(MaxFontSize, (pageWidth - (2 * Margin)) / (columns * advance));
        double lineHeight = size * Leading;
        double left = (pageWidth - (columns * advance * size)) / 2;
        IReadOnlyList<IReadOnlyList<string>> pages = PaperLayout.Pages(text, LinesPerPage(size, pageHeight));
        var font = new XFont(PaperFont.FaceName, size, XFontStyleEx.Regular, options);
        string demo = heading.IsDemo ? CliText.Pdf_Demo : "";

        for (int p = 0; p < pages.Count; p++)
        {
            if (p > 0)
            {
                page = document.AddPage();
                page.Size = PageSize.A4;
            }

            using XGraphics gfx = XGraphics.FromPdfPage(page);
            void Row(int row, string line)
            {
                if (line.Length > 0)
                {
                    gfx.DrawString(line, font, XBrushes.Black, left, Margin + (row * lineHeight) + size, XStringFormats.BaseLineLeft);
                }
            }

            // Header and footer on the same column grid as the text, so a reader (or pdftotext) sees whole lines.
            Row(0, Spread(heading.Title, demo, columns).TrimEnd());
            for (int i = 0; i < pages[p].Count; i++)
            {
                Row(i + 2, pages[p][i]);
            }

            if (!heading.NumberedByText)
            {
                string number = string.Format(CultureInfo.CurrentCulture, CliText.Pdf_Page, p + 1, pages.Count);
                Row(LinesPerPage(size, pageHeight) + 3, number.PadLeft(columns));
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return new PaperPdf(stream.ToArray(), pages.Count);
    }

    /// <summary>
    /// Whether every character has a place in WinAnsi (Windows-1252: å, ä, ö, –, ”, … and the rest of Latin-1), as in
    /// all of Jour's own texts. Then the font goes in as a simple TrueType font with that encoding, which more of a
    /// print system's ways through PostScript keep as text (tried with cups-pdf: poppler's pdftops keeps it and
    /// garbles the Unicode one; pdftocairo keeps both). A name or note with anything else (ł, →, an emoji) gets the
    /// Unicode encoding: the same on paper, readable on screen.
    /// </summary>
    public static bool IsWinAnsi(string text)
    {
        foreach (char c in text)
        {
            bool latin1 = c is '\n' or '\f' or '\r' or '\t' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u00FF');
            if (!latin1 && !WinAnsiExtras.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Left and right on one line of <paramref name="columns"/>; the right part wins when both do not fit.</summary>
    private static string Spread(string left, string right, int columns) =>
        left.Length + right.Length + 1 <= columns ? left + new string(' ', columns - left.Length - right.Length) + right : right.PadLeft(columns);
}
