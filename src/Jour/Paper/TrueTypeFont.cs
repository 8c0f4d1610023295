using System.Buffers.Binary;
using System.Text;

namespace Jour.Paper;

/// <summary>
/// What a PDF needs to know of a TrueType file to embed it whole and set text in it: the em, the box, ascent and
/// descent, each glyph's advance and which glyph a character is (the Windows Unicode cmap). Read once per process.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly ushort[] _advances;
    private readonly Func<int, ushort> _glyphOf;

    private TrueTypeFont(byte[] data, Dictionary<string, (int Offset, int Length)> tables)
    {
        _data = data;
        var head = tables["head"];
        UnitsPerEm = U16(head.Offset + 18);
        Box = (I16(head.Offset + 36), I16(head.Offset + 38), I16(head.Offset + 40), I16(head.Offset + 42));

        var hhea = tables["hhea"];
        Ascent = I16(hhea.Offset + 4);
        Descent = I16(hhea.Offset + 6);
        int metrics = U16(hhea.Offset + 34);
        var hmtx = tables["hmtx"];
        _advances = new ushort[metrics];
        for (int i = 0; i < metrics; i++)
        {
            _advances[i] = U16(hmtx.Offset + (4 * i));
        }

        CapHeight = tables.TryGetValue("OS/2", out var os2) && os2.Length >= 90 && U16(os2.Offset) >= 2 ? I16(os2.Offset + 88) : Ascent;
        if (tables.TryGetValue("post", out var post))
        {
            ItalicAngle = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(post.Offset + 4)) / 65536.0;
            IsFixedPitch = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(post.Offset + 12)) != 0;
        }

        _glyphOf = ReadCmap(tables["cmap"].Offset);
        PostScriptName = ReadPostScriptName(tables) ?? "JourMono";
    }

    public byte[] Data => _data;

    public int UnitsPerEm { get; }

    public (short XMin, short YMin, short XMax, short YMax) Box { get; }

    public short Ascent { get; }

    public short Descent { get; }

    public short CapHeight { get; }

    public double ItalicAngle { get; }

    public bool IsFixedPitch { get; }

    /// <summary>The name the font gives itself (name 6), as a PDF name may carry it.</summary>
    public string PostScriptName { get; }

    /// <summary>Reads the tables of <paramref name="data"/>; a file that is no TrueType font throws.</summary>
    /// <exception cref="InvalidDataException">A table it needs is missing or lies outside the file.</exception>
    public static TrueTypeFont Parse(byte[] data)
    {
        try
        {
            int count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
            var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                int record = 12 + (16 * i);
                string tag = Encoding.ASCII.GetString(data, record, 4);
                int offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 8)));
                int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 12)));
                if (offset < 0 || length < 0 || offset + length > data.Length)
                {
                    throw new InvalidDataException(tag);
                }

                tables[tag] = (offset, length);
            }

            foreach (string needed in (string[])["head", "hhea", "hmtx", "cmap"])
            {
                if (!tables.ContainsKey(needed))
                {
                    throw new InvalidDataException(needed);
                }
            }

            return new TrueTypeFont(data, tables);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException or KeyNotFoundException)
        {
            throw new InvalidDataException("truncated", ex);
        }
    }

    /// <summary>The glyph for <paramref name="codePoint"/>; 0 (the missing-glyph box) when the font has none.</summary>
    public ushort GlyphOf(int codePoint) => _glyphOf(codePoint);

    /// <summary>A glyph's advance in thousandths of the em, as PDF widths are given.</summary>
    public int Width(ushort glyph) => Scale(_advances.Length == 0 ? 0 : _advances[Math.Min(glyph, _advances.Length - 1)]);

    /// <summary>Font units in thousandths of the em.</summary>
    public int Scale(int units) => (int)Math.Round(units * 1000.0 / UnitsPerEm);

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));

    private short I16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));

    // The Windows Unicode subtables: format 12 (every plane) when there is one, else format 4 (the BMP).
    private Func<int, ushort> ReadCmap(int cmap)
    {
        int count = U16(cmap + 2);
        int bmp = -1;
        int full = -1;
        for (int i = 0; i < count; i++)
        {
            int record = cmap + 4 + (8 * i);
            int platform = U16(record);
            int encoding = U16(record + 2);
            int at = cmap + (int)U32(record + 4);
            int format = U16(at);
            if (format == 12 && (platform, encoding) is (3, 10) or (0, 4) or (0, 6))
            {
                full = at;
            }
            else if (format == 4 && (platform, encoding) is (3, 1) or (0, 3) && bmp < 0)
            {
                bmp = at;
            }
        }

        if (full >= 0)
        {
            return GroupsOf(full);
        }

        return bmp >= 0 ? SegmentsOf(bmp) : throw new InvalidDataException("cmap");
    }

    private Func<int, ushort> GroupsOf(int at)
    {
        int groups = (int)U32(at + 12);
        var starts = new uint[groups];
        var ends = new uint[groups];
        var glyphs = new uint[groups];
        for (int g = 0; g < groups; g++)
        {
            int group = at + 16 + (12 * g);
            starts[g] = U32(group);
            ends[g] = U32(group + 4);
            glyphs[g] = U32(group + 8);
        }

        return codePoint =>
        {
            int g = Array.BinarySearch(ends, (uint)codePoint);
            g = g < 0 ? ~g : g;
            return g < groups && starts[g] <= codePoint ? (ushort)(glyphs[g] + ((uint)codePoint - starts[g])) : (ushort)0;
        };
    }

    private Func<int, ushort> SegmentsOf(int at)
    {
        int segments = U16(at + 6) / 2;
        int endCodes = at + 14;
        int startCodes = endCodes + (2 * segments) + 2;
        int deltas = startCodes + (2 * segments);
        int rangeOffsets = deltas + (2 * segments);
        return codePoint =>
        {
            if (codePoint > 0xFFFF)
            {
                return 0;
            }

            for (int s = 0; s < segments; s++)
            {
                if (U16(endCodes + (2 * s)) < codePoint)
                {
                    continue;
                }

                int start = U16(startCodes + (2 * s));
                if (start > codePoint)
                {
                    return 0;
                }

                int delta = I16(deltas + (2 * s));
                int rangeAt = rangeOffsets + (2 * s);
                int range = U16(rangeAt);
                if (range == 0)
                {
                    return (ushort)((codePoint + delta) & 0xFFFF);
                }

                int glyph = U16(rangeAt + range + (2 * (codePoint - start)));
                return glyph == 0 ? (ushort)0 : (ushort)((glyph + delta) & 0xFFFF);
            }

            return 0;
        };
    }

    private string? ReadPostScriptName(Dictionary<string, (int Offset, int Length)> tables)
    {
        if (!tables.TryGetValue("name", out var name))
        {
            return null;
        }

        int count = U16(name.Offset + 2);
        int strings = name.Offset + U16(name.Offset + 4);
        for (int i = 0; i < count; i++)
        {
            int record = name.Offset + 6 + (12 * i);
            int platform = U16(record);
            if (U16(record + 6) != 6 || platform is not (1 or 3))
            {
                continue;
            }

            int length = U16(record + 8);
            int offset = strings + U16(record + 10);
            string text = platform == 3 ? Encoding.BigEndianUnicode.GetString(_data, offset, length) : Encoding.ASCII.GetString(_data, offset, length);

            // A PDF name carries printable ASCII but not its own delimiters.
            string clean = new([.. text.Where(c => c is > ' ' and < '\x7f' && !"()<>[]{}/%#".Contains(c, StringComparison.Ordinal))]);
            if (clean.Length > 0)
            {
                return clean;
            }
        }

        return null;
    }
}
