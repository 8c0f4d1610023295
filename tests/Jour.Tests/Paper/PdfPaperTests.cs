using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jour.Cli;
using Jour.Paper;

namespace Jour.Tests.Paper;

/// <summary>
/// The one PDF renderer (issue 18, point 11): A4, 80 columns never wrapped, page numbers, DEMO on every page, and
/// text that comes back out with `pdftotext -layout` (poppler-utils; the tests that read a PDF back say so when
/// it is missing, they never pass without it).
/// </summary>
public sealed class PdfPaperTests : IDisposable
{
    private const string Swedish = "Åsa Öberg, Älvängen: åäö ÅÄÖ – ”kräver lyft” → ▶";

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-pdf-").FullName;

    public PdfPaperTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(150, 3)]
    [InlineData(180, 3)]
    public void Pages_NLines_Ceil60PerPage(int lines, int pages)
    {
        string text = string.Concat(Enumerable.Range(1, lines).Select(i => $"rad {i}\n"));

        IReadOnlyList<IReadOnlyList<string>> laid = PaperLayout.Pages(text, PdfPaper.LinesPerPage(PdfPaper.MaxFontSize));

        Assert.Equal(60, PdfPaper.LinesPerPage(PdfPaper.MaxFontSize));
        Assert.Equal(pages, laid.Count);
        Assert.Equal(lines, laid.Sum(p => p.Count));

        // The renderer lays the text out once without a limit and pages that: the same pages.
        var again = PaperLayout.Pages(PaperLayout.Pages(text + "\f\fsista\n", int.MaxValue), 60);
        Assert.Equal(PaperLayout.Pages(text + "\f\fsista\n", 60).Select(p => string.Join('|', p)), again.Select(p => string.Join('|', p)));
    }

    [Fact]
    public void LinesPerPage_At10Points_HoldsAHandoverPage()
    {
        Assert.True(PdfPaper.LinesPerPage(PdfPaper.MaxFontSize) >= Core.Handover.HandoverText.PageLines);
    }

    [Fact]
    public void Render_TextThatNumbersItsOwnPages_KeepsThemAndAddsNoSecondNumber()
    {
        string paged = "ÖVERLÄMNING\n" + new string('\n', 57) + "sida 1 av 2\n\fsida 2 av 2\n";

        string back = PdfToText(PdfPaper.Render(paged, new PaperHeading("Överlämning", IsDemo: true, NumberedByText: true)), null);

        Assert.Contains("sida 1 av 2", back, StringComparison.Ordinal);
        Assert.Contains("sida 2 av 2", back, StringComparison.Ordinal);
        Assert.DoesNotContain("Sida 1", back, StringComparison.Ordinal);
        Assert.Equal(2, back.Split("*** DEMO – påhittade uppgifter ***").Length - 1);
    }

    [Fact]
    public void Pages_FormFeedStartsAPage_AndATrailingOneAddsNone()
    {
        IReadOnlyList<IReadOnlyList<string>> laid = PaperLayout.Pages("a\nb\n\fc\n\f", 60);

        Assert.Equal(2, laid.Count);
        Assert.Equal(["a", "b"], laid[0]);
        Assert.Equal(["c"], laid[1]);
    }

    [Fact]
    public void Pages_WidestLineSetsTheColumns_Never80Less()
    {
        Assert.Equal(80, PaperLayout.ColumnsFor(PaperLayout.Pages("kort\n", 60)));
        Assert.Equal(97, PaperLayout.ColumnsFor(PaperLayout.Pages(new string('x', 97), 60)));
    }

    [Fact]
    public void Render_150Lines_IsThreeA4Pages_WithTheFontEmbedded()
    {
        PaperPdf pdf = PdfPaper.Render(Lines(150), new PaperHeading("Test", IsDemo: false));

        Assert.Equal(3, pdf.Pages);
        string raw = Encoding.Latin1.GetString(pdf.Bytes);
        Assert.StartsWith("%PDF-", raw, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(raw, @"/Type\s*/Page(?![a-zA-Z])"));

        // A4: 595 × 842 points.
        Assert.True(Regex.IsMatch(raw, @"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+84[12](\.\d+)?\s*\]"), raw[..4000]);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);

        // Only the font is deflated, with zlib's checksum: it inflates back to the very file (PDFsharp 6.2.4, used
        // before, wrote Flate streams without their Adler-32, which a printer's interpreter need not forgive).
        Assert.Equal(1, Regex.Count(raw, "/FlateDecode"));
        Match font = Regex.Match(raw, @"/FlateDecode /Length1 (\d+) /Length (\d+) >>\nstream\n");
        Assert.True(font.Success);
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(pdf.Bytes, font.Index + font.Length, int.Parse(font.Groups[2].Value, CultureInfo.InvariantCulture)), System.IO.Compression.CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(File.ReadAllBytes(PaperFont.PathInUse), inflated.ToArray());
    }

    [Fact]
    public void Render_ReadBack_Every80ColumnLineWhole_PageNumbers_DemoOnEveryPage_SwedishLetters()
    {
        string[] lines = [.. Enumerable.Range(1, 130).Select(Line80)];
        lines[5] = Swedish.PadRight(79, '.') + "|";
        string text = string.Join('\n', lines) + "\n";
        PaperPdf pdf = PdfPaper.Render(text, new PaperHeading("Överlämning 2026-12-06 22:00", IsDemo: true));
        Assert.Equal(3, pdf.Pages);

        for (int page = 1; page <= 3; page++)
        {
            string back = PdfToText(pdf, page);
            Assert.Contains("*** DEMO – påhittade uppgifter ***", back, StringComparison.Ordinal);
            Assert.Contains($"Sida {page} av 3", back, StringComparison.Ordinal);
            Assert.Contains("Överlämning 2026-12-06 22:00", back, StringComparison.Ordinal);
        }

        string all = PdfToText(pdf, null);
        string[] read = [.. all.Split('\n').Select(l => l.TrimEnd())];
        foreach (string line in lines)
        {
            // Whole, on one line: pdftotext -layout keeps a line's columns, so the 80 characters come back together.
            Assert.Contains(read, r => r.EndsWith(line, StringComparison.Ordinal));
        }

        Assert.Contains(read, r => r.Contains(Swedish, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_JoursOwnCharacters_GoInAsWinAnsi_AndComeBack_ElseUnicode()
    {
        const string Own = "Åsa Öberg, Älvängen: åäö ÅÄÖ é ü – ”kräver lyft” … 1 234 kr";
        Assert.True(PdfPaper.IsWinAnsi(Own + "\n\f"));
        Assert.False(PdfPaper.IsWinAnsi("Łukasz"));
        Assert.False(PdfPaper.IsWinAnsi("→"));

        PaperPdf pdf = PdfPaper.Render(Own + "\n", new PaperHeading("Överlämning", IsDemo: false));

        Assert.Contains("/WinAnsiEncoding", Encoding.Latin1.GetString(pdf.Bytes), StringComparison.Ordinal);
        Assert.Contains(PdfToText(pdf, null).Split('\n'), l => l.Trim() == Own);
        Assert.DoesNotContain("/WinAnsiEncoding", Encoding.Latin1.GetString(PdfPaper.Render(Swedish, new PaperHeading("x", false)).Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotADemo_HasNoDemoMark()
    {
        string back = PdfToText(PdfPaper.Render(Lines(3), new PaperHeading("Statistik", IsDemo: false)), null);

        Assert.DoesNotContain("DEMO", back, StringComparison.Ordinal);
        Assert.Contains("Sida 1 av 1", back, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ALineWiderThan80_IsSetSmaller_NotWrapped()
    {
        string wide = "början " + new string('x', 100) + " slut";

        string back = PdfToText(PdfPaper.Render(wide + "\n", new PaperHeading("Bred", IsDemo: false)), null);

        Assert.Contains(back.Split('\n'), l => l.Trim() == wide);
    }

    [Fact]
    public void Font_Missing_SaysWhichPackage_InSwedish()
    {
        var refused = Assert.Throws<CliException>(() => PaperFont.Check(Path.Combine(_dir, "DejaVuSansMono.ttf")));

        Assert.Contains("fonts-dejavu-core", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Installera", refused.Message, StringComparison.Ordinal);
        Assert.Contains(PaperFont.EnvironmentVariable, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Font_NotTrueType_IsRefusedByName()
    {
        string file = Path.Combine(_dir, "inte-ett-typsnitt.ttf");
        File.WriteAllText(file, "det här är text, inget typsnitt");

        var refused = Assert.Throws<CliException>(() => PaperFont.Check(file));

        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Font_CutShort_IsRefusedByName_NotWithAnIndexError()
    {
        string file = Path.Combine(_dir, "avklippt.ttf");
        File.WriteAllBytes(file, File.ReadAllBytes(PaperFont.PathInUse)[..4000]);

        var refused = Assert.Throws<CliException>(() => PaperFont.Check(file));

        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrueType_DejaVuSansMono_MapsCharactersToGlyphs_AllOneWidth()
    {
        TrueTypeFont face = TrueTypeFont.Parse(File.ReadAllBytes(PaperFont.PathInUse));

        Assert.Equal("DejaVuSansMono", face.PostScriptName);
        Assert.True(face.IsFixedPitch);
        ushort[] glyphs = [.. "0Aaåäö–”→▶█".Select(c => face.GlyphOf(c))];
        Assert.DoesNotContain((ushort)0, glyphs);
        Assert.Equal(glyphs.Length, glyphs.Distinct().Count());
        Assert.Single(glyphs.Select(face.Width).Distinct());
        Assert.Equal(0, face.GlyphOf(0xE000));
        Assert.Equal(0, face.GlyphOf(0x1F600));
    }

    [Fact]
    public void Render_ACharacterTheFontLacks_IsABox_TheRestOfTheLineComesBack()
    {
        PaperPdf pdf = PdfPaper.Render("Łukasz 😀 → slut\n", new PaperHeading("Unicode", IsDemo: false));

        string raw = Encoding.Latin1.GetString(pdf.Bytes);
        Assert.Contains("/Identity-H", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
        string back = PdfToText(pdf, null);
        Assert.Contains("Łukasz", back, StringComparison.Ordinal);
        Assert.Contains("→ slut", back, StringComparison.Ordinal);
    }

    private static string Lines(int count) => string.Concat(Enumerable.Range(1, count).Select(i => Line80(i) + "\n"));

    /// <summary>80 columns that say where they end: "rad 7 " … "|".</summary>
    private static string Line80(int i) => $"rad {i} ".PadRight(79, '-') + "|";

    /// <summary>`pdftotext -layout` of one page (or all); skips the test, saying why, when poppler-utils is not installed.</summary>
    private string PdfToText(PaperPdf pdf, int? page)
    {
        string file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf.Bytes);
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add("-enc");
        start.ArgumentList.Add("UTF-8");
        if (page is { } p)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(p.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("-l");
            start.ArgumentList.Add(p.ToString(CultureInfo.InvariantCulture));
        }

        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("NOT RUN: pdftotext is not installed (Debian: poppler-utils; ./run.sh test installs it as root), so the PDF cannot be read back");
            throw;
        }

        using (process)
        {
            string text = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return text;
        }
    }
}
