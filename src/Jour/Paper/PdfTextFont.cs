using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Jour.Paper;

/// <summary>
/// The one font of a PDF, embedded whole (ISO 32000-1, 9.9), and the strings shown in it. Text that WinAnsi can
/// carry (all of Jour's own) goes in as a simple TrueType font with that encoding, one byte a character; anything
/// else as a Type 0 font with Identity-H (two bytes a glyph) and a ToUnicode map, so copying and `pdftotext`
/// give the characters back.
/// </summary>
internal sealed class PdfTextFont(TrueTypeFont face, bool winAnsi)
{
    /// <summary>Windows-1252's characters at 0x80–0x9F, where Latin-1 has control codes, in the order of their codes.</summary>
    public const string WinAnsiExtras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    /// <summary>The codes of <see cref="WinAnsiExtras"/>: 0x80–0x9F but the five Windows-1252 leaves empty.</summary>
    private static readonly byte[] s_extraCodes =
        [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F];

    // Type 0 only: each glyph shown, with the character it was shown for (ToUnicode, and the widths).
    private readonly SortedDictionary<ushort, int> _used = [];
    private readonly Dictionary<int, ushort> _glyphs = [];

    /// <summary>
    /// Writes <paramref name="line"/> as a string operand and the show operator (`(…) Tj` or `&lt;…&gt; Tj`) onto
    /// <paramref name="content"/>. WinAnsi lines must hold only characters <see cref="PdfPaper.IsWinAnsi"/> allows.
    /// </summary>
    public void Show(MemoryStream content, string line)
    {
        if (winAnsi)
        {
            // At most two bytes a character (an escape and the code), plus "(" and ") Tj\n".
            Span<byte> bytes = line.Length <= 1024 ? stackalloc byte[(2 * line.Length) + 6] : new byte[(2 * line.Length) + 6];
            int n = 0;
            bytes[n++] = (byte)'(';
            foreach (char c in line)
            {
                byte code = WinAnsiCode(c);
                if (code is (byte)'(' or (byte)')' or (byte)'\\')
                {
                    bytes[n++] = (byte)'\\';
                }
                else if (code == (byte)'\r')
                {
                    // A bare CR inside a literal string would be read as a line end (7.3.4.2).
                    bytes[n++] = (byte)'\\';
                    code = (byte)'r';
                }

                bytes[n++] = code;
            }

            ") Tj\n"u8.CopyTo(bytes[n..]);
            content.Write(bytes[..(n + 5)]);
            return;
        }

        content.WriteByte((byte)'<');
        Span<byte> hex = stackalloc byte[4];
        foreach (Rune rune in line.EnumerateRunes())
        {
            ushort glyph = GlyphOf(rune.Value);
            if (glyph != 0)
            {
                _used.TryAdd(glyph, rune.Value);
            }

            glyph.TryFormat(hex, out _, "X4", CultureInfo.InvariantCulture);
            content.Write(hex);
        }

        content.Write("> Tj\n"u8);
    }

    /// <summary>
    /// The font's objects, the font dictionary at <paramref name="fontId"/> (the pages' /F1): after every page is
    /// shown, as a Type 0 font's widths and ToUnicode map name the glyphs used.
    /// </summary>
    public void WriteTo(PdfFile file, int fontId, PaperFont source)
    {
        int descriptor = file.Reserve();
        int fontFile = file.Reserve();
        file.Stream(fontFile, $"/Filter /FlateDecode /Length1 {face.Data.Length}", source.Deflated);
        string name = face.PostScriptName;
        var (xMin, yMin, xMax, yMax) = face.Box;

        // Flags (9.8.2): 1 fixed pitch; 32 the standard Latin set (WinAnsi), else 4 symbolic (a CIDFont's glyphs).
        int flags = (face.IsFixedPitch ? 1 : 0) + (winAnsi ? 32 : 4);
        file.Object(
            descriptor,
            Invariant($"<< /Type /FontDescriptor /FontName /{name} /Flags {flags} ")
            + Invariant($"/FontBBox [{face.Scale(xMin)} {face.Scale(yMin)} {face.Scale(xMax)} {face.Scale(yMax)}] /ItalicAngle {PdfFile.Number(face.ItalicAngle)} ")
            + Invariant($"/Ascent {face.Scale(face.Ascent)} /Descent {face.Scale(face.Descent)} /CapHeight {face.Scale(face.CapHeight)} /StemV 80 /FontFile2 {fontFile} 0 R >>"));

        if (winAnsi)
        {
            var widths = new StringBuilder();
            for (int code = 32; code <= 255; code++)
            {
                widths.Append(Invariant($"{face.Width(face.GlyphOf(UnicodeOf(code)))} "));
            }

            file.Object(
                fontId,
                Invariant($"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 32 /LastChar 255 /Widths [{widths.ToString().TrimEnd()}] ")
                + Invariant($"/Encoding /WinAnsiEncoding /FontDescriptor {descriptor} 0 R >>"));
            return;
        }

        int descendant = file.Reserve();
        int toUnicode = file.Reserve();
        var w = new StringBuilder();
        foreach (ushort glyph in _used.Keys)
        {
            w.Append(Invariant($"{glyph} [{face.Width(glyph)}] "));
        }

        file.Object(
            descendant,
            Invariant($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ")
            + Invariant($"/FontDescriptor {descriptor} 0 R /DW {face.Width(0)} /W [{w.ToString().TrimEnd()}] /CIDToGIDMap /Identity >>"));
        file.Stream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeMap()));
        file.Object(fontId, Invariant(
            $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{descendant} 0 R] /ToUnicode {toUnicode} 0 R >>"));
    }

    /// <summary>Whether <paramref name="c"/> has a WinAnsi code.</summary>
    public static bool IsWinAnsi(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u00FF') || WinAnsiExtras.Contains(c, StringComparison.Ordinal);

    private static byte WinAnsiCode(char c) =>
        c is < '\u0080' or (>= '\u00A0' and <= '\u00FF') ? (byte)c : s_extraCodes[WinAnsiExtras.IndexOf(c, StringComparison.Ordinal)];

    private static int UnicodeOf(int code)
    {
        if (code is < 0x80 or >= 0xA0)
        {
            return code;
        }

        int extra = Array.IndexOf(s_extraCodes, (byte)code);
        return extra < 0 ? 0 : WinAnsiExtras[extra];
    }

    private ushort GlyphOf(int codePoint)
    {
        if (!_glyphs.TryGetValue(codePoint, out ushort glyph))
        {
            glyph = face.GlyphOf(codePoint);
            _glyphs[codePoint] = glyph;
        }

        return glyph;
    }

    // 9.10.3: each glyph to the UTF-16 of its character, at most 100 to a bfchar block.
    private string ToUnicodeMap()
    {
        var map = new StringBuilder();
        map.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in _used.Chunk(100))
        {
            map.Append(Invariant($"{block.Length} beginbfchar\n"));
            foreach (var (glyph, codePoint) in block)
            {
                string utf16 = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(codePoint)));
                map.Append(Invariant($"<{glyph:X4}> <{utf16}>\n"));
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToString();
    }

}
