using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jour.Cli;
using Jour.Resources;

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

    /// <summary>A4 in points.</summary>
    public const double PageWidth = 595.276;

    /// <inheritdoc cref="PageWidth"/>
    public const double PageHeight = 841.89;

    private const double Leading = 1.2;

    /// <summary>The body lines a page holds at the point size <paramref name="fontSize"/>: 60 at 10 pt (the handover's page).</summary>
    public static int LinesPerPage(double fontSize, double pageHeight = PageHeight) =>
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
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            // A font whose tables point outside the file fails only when a glyph is looked up; the exception's own
            // words are no help at a printer: name the file and the package.
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Pdf_BadFont, PaperFont.PathInUse, PaperFont.Package, PaperFont.EnvironmentVariable), ex);
        }
    }

    private static PaperPdf Draw(string text, PaperHeading heading)
    {
        PaperFont paperFont = PaperFont.Installed;
        TrueTypeFont face = paperFont.Face;
        var font = new PdfTextFont(face, IsWinAnsi(text) && IsWinAnsi(heading.Title));

        // The advance of one column per point of size (monospaced: every glyph alike, so the zero's will do).
        double advance = face.Width(face.GlyphOf('0')) / 1000.0;

        // Lay out at 10 pt first; a wider document gets a smaller size and so more lines per page.
        IReadOnlyList<IReadOnlyList<string>> sheets = PaperLayout.Pages(text, int.MaxValue);
        int columns = PaperLayout.ColumnsFor(sheets);
        double size = Math.Min(MaxFontSize, (PageWidth - (2 * Margin)) / (columns * advance));
        double lineHeight = size * Leading;
        double left = (PageWidth - (columns * advance * size)) / 2;
        int linesPerPage = LinesPerPage(size, PageHeight);
        IReadOnlyList<IReadOnlyList<string>> pages = PaperLayout.Pages(sheets, linesPerPage);
        string demo = heading.IsDemo ? CliText.Pdf_Demo : "";

        using var file = new PdfFile();
        int catalog = file.Reserve();
        int pageTree = file.Reserve();
        int info = file.Reserve();
        int fontId = file.Reserve();
        string x = PdfFile.Number(left);
        string resources = $"/Resources << /Font << /F1 {fontId} 0 R >> >>";
        string mediaBox = $"/MediaBox [0 0 {PdfFile.Number(PageWidth)} {PdfFile.Number(PageHeight)}]";
        var kids = new StringBuilder();
        using var content = new MemoryStream();
        for (int p = 0; p < pages.Count; p++)
        {
            content.SetLength(0);
            Ascii(content, $"BT\n/F1 {PdfFile.Number(size)} Tf\n");
            void Row(int row, string line)
            {
                if (line.Length > 0)
                {
                    // PDF's y grows upwards from the bottom edge; the rows count down from the top margin.
                    Ascii(content, $"1 0 0 1 {x} {PdfFile.Number(PageHeight - (Margin + (row * lineHeight) + size))} Tm ");
                    font.Show(content, line);
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
                Row(linesPerPage + 3, number.PadLeft(columns));
            }

            Ascii(content, "ET\n");
            int page = file.Reserve();
            int stream = file.Reserve();
            file.Stream(stream, "", content.GetBuffer().AsSpan(0, (int)content.Length));
            file.Object(page, $"<< /Type /Page /Parent {pageTree} 0 R {mediaBox} {resources} /Contents {stream} 0 R >>");
            kids.Append(CultureInfo.InvariantCulture, $"{page} 0 R ");
        }

        file.Object(pageTree, $"<< /Type /Pages /Kids [{kids.ToString().TrimEnd()}] /Count {pages.Count} >>");
        font.WriteTo(file, fontId, paperFont);
        file.Object(catalog, $"<< /Type /Catalog /Pages {pageTree} 0 R >>");
        file.Object(info, $"<< /Title {PdfFile.TextString(heading.Title)} /Creator (Jour) /Producer (Jour) >>");
        byte[] id = SHA256.HashData(Encoding.UTF8.GetBytes(heading.Title + "\f" + text)).AsSpan(0, 16).ToArray();
        return new PaperPdf(file.Finish(catalog, info, id), pages.Count);
    }

    private static void Ascii(MemoryStream to, string text)
    {
        Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        Encoding.ASCII.GetBytes(text, bytes);
        to.Write(bytes);
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
            if (c is not ('\n' or '\f' or '\r' or '\t') && !PdfTextFont.IsWinAnsi(c))
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
