using System.Globalization;
using System.IO.Compression;
using System.Text;
using static System.FormattableString;

namespace Jour.Paper;

/// <summary>
/// A PDF file written object by object, with the cross-reference table at the end (ISO 32000-1, 7.5). Only what
/// Jour's pages need: dictionaries written as text, streams, a catalog, and the offsets the reader looks up.
/// </summary>
internal sealed class PdfFile : IDisposable
{
    private readonly MemoryStream _out = new();
    private readonly List<long> _offsets = [0];

    public PdfFile()
    {
        // The second line's bytes above 127 tell transfer programs the file is binary (7.5.2).
        Raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    }

    public void Dispose() => _out.Dispose();

    /// <summary>A number for an object written later (pages refer to their parent before it is written).</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public void Object(int id, string body)
    {
        Begin(id);
        Raw(body);
        Raw("\nendobj\n");
    }

    /// <summary>A stream object; <paramref name="dictionary"/> is the dictionary's inside without /Length.</summary>
    public void Stream(int id, string dictionary, ReadOnlySpan<byte> data)
    {
        Begin(id);
        Raw(Invariant($"<< {dictionary} /Length {data.Length} >>\nstream\n"));
        _out.Write(data);
        Raw("\nendstream\nendobj\n");
    }

    /// <summary>Deflated with zlib's header and Adler-32 checksum, as /FlateDecode means.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return packed.ToArray();
    }

    /// <summary>The cross-reference table and trailer; the file is complete after this.</summary>
    public byte[] Finish(int catalog, int info, ReadOnlySpan<byte> id)
    {
        long xref = _out.Position;
        var table = new StringBuilder();
        table.Append(Invariant($"xref\n0 {_offsets.Count}\n0000000000 65535 f \n"));
        for (int i = 1; i < _offsets.Count; i++)
        {
            if (_offsets[i] < 0)
            {
                throw new InvalidOperationException($"object {i} reserved, never written");
            }

            table.Append(Invariant($"{_offsets[i]:D10} 00000 n \n"));
        }

        string hex = Convert.ToHexString(id);
        table.Append(Invariant($"trailer\n<< /Size {_offsets.Count} /Root {catalog} 0 R /Info {info} 0 R /ID [<{hex}> <{hex}>] >>\nstartxref\n{xref}\n%%EOF\n"));
        Raw(table.ToString());
        return _out.ToArray();
    }

    /// <summary>A text string (7.9.2.2): UTF-16BE with its byte order mark, in hex, so any title goes in whole.</summary>
    public static string TextString(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    /// <summary>A number as PDF writes reals: invariant, at most three decimals, no exponent.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private void Begin(int id)
    {
        _offsets[id] = _out.Position;
        Raw(Invariant($"{id} 0 obj\n"));
    }

    // Everything outside stream data is ASCII, or Latin-1 for the binary marker.
    private void Raw(string text) => _out.Write(Encoding.Latin1.GetBytes(text));
}
