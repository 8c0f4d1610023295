using System.Globalization;
using Jour.Cli;
using Jour.Resources;
using PdfSharp.Fonts;

namespace Jour.Paper;

/// <summary>
/// The one monospaced font every PDF is set in, read at run time from a Debian font package (DejaVu Sans Mono,
/// `fonts-dejavu-core`: å, ä, ö, –, ” and the box and arrow characters of the screens) and embedded (a subset)
/// in each document. JOUR_PDF_FONT names another TrueType file. PDFsharp asks its one process-wide resolver for
/// every face; bold or italic are simulated from the regular face, so the columns stay the same width.
/// </summary>
internal sealed class PaperFont : IFontResolver
{
    public const string FaceName = "JourMono";
    public const string DefaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    public const string Package = "fonts-dejavu-core";
    public const string EnvironmentVariable = "JOUR_PDF_FONT";

    private static readonly Lock s_lock = new();
    private static PaperFont? s_installed;

    private readonly string _path;
    private byte[]? _bytes;

    private PaperFont(string path) => _path = path;

    /// <summary>The font file this process uses: JOUR_PDF_FONT or DejaVu Sans Mono's Debian path.</summary>
    public static string PathInUse =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>
    /// Checks the font before any work is done and hands it to PDFsharp once per process.
    /// </summary>
    /// <exception cref="CliException">The file is missing or is no TrueType font; the message names the package.</exception>
    public static void EnsureInstalled() => EnsureInstalled(PathInUse);

    /// <inheritdoc cref="EnsureInstalled()"/>
    public static void EnsureInstalled(string path)
    {
        lock (s_lock)
        {
            if (s_installed is not null)
            {
                return;
            }

            var font = new PaperFont(path);
            font._bytes = Read(path);
            GlobalFontSettings.FontResolver = font;
            s_installed = font;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a readable TrueType file, without installing it.</summary>
    /// <exception cref="CliException">It is not; the message names the package.</exception>
    public static void Check(string path) => Read(path);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, bold, italic);

    public byte[]? GetFont(string faceName) => _bytes ??= Read(_path);

    private static byte[] Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(Text(CliText.Pdf_NoFont, path, Package, EnvironmentVariable));
        }

        // TrueType (1.0 or 'true') or OpenType with TrueType outlines; anything else PDFsharp would refuse deep inside.
        bool trueType = bytes.Length > 12
            && ((bytes[0] == 0 && bytes[1] == 1 && bytes[2] == 0 && bytes[3] == 0) || (bytes[0] == 't' && bytes[1] == 'r' && bytes[2] == 'u' && bytes[3] == 'e'));
        return trueType ? bytes : throw new CliException(Text(CliText.Pdf_BadFont, path, Package, EnvironmentVariable));
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
