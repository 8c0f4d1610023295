using System.Globalization;
using Jour.Cli;
using Jour.Resources;

namespace Jour.Paper;

/// <summary>
/// The one monospaced font every PDF is set in, read at run time from a Debian font package (DejaVu Sans Mono,
/// `fonts-dejavu-core`: å, ä, ö, –, ” and the box and arrow characters of the screens) and embedded whole in each
/// document (340 kB, deflated once per process to 200 kB). JOUR_PDF_FONT names another TrueType file.
/// </summary>
internal sealed class PaperFont
{
    public const string DefaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    public const string Package = "fonts-dejavu-core";
    public const string EnvironmentVariable = "JOUR_PDF_FONT";

    private static readonly Lock s_lock = new();
    private static PaperFont? s_installed;

    private readonly Lazy<byte[]> _deflated;

    private PaperFont(TrueTypeFont face)
    {
        Face = face;
        _deflated = new Lazy<byte[]>(() => PdfFile.Deflate(face.Data));
    }

    /// <summary>The font <see cref="EnsureInstalled()"/> read.</summary>
    /// <exception cref="InvalidOperationException">Nothing has been installed yet.</exception>
    public static PaperFont Installed => s_installed ?? throw new InvalidOperationException("PaperFont.EnsureInstalled first");

    public TrueTypeFont Face { get; }

    /// <summary>The font file as it goes into every PDF (FontFile2, /FlateDecode).</summary>
    public byte[] Deflated => _deflated.Value;

    /// <summary>The font file this process uses: JOUR_PDF_FONT or DejaVu Sans Mono's Debian path.</summary>
    public static string PathInUse =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Checks and reads the font before any work is done, once per process.</summary>
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

            s_installed = new PaperFont(Read(path));
        }
    }

    /// <summary>Whether <paramref name="path"/> is a readable TrueType file, without installing it.</summary>
    /// <exception cref="CliException">It is not; the message names the package.</exception>
    public static void Check(string path) => _ = Read(path);

    private static TrueTypeFont Read(string path)
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
        try
        {
            return trueType ? TrueTypeFont.Parse(bytes) : throw new InvalidDataException("magic");
        }
        catch (InvalidDataException)
        {
            throw new CliException(Text(CliText.Pdf_BadFont, path, Package, EnvironmentVariable));
        }
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
