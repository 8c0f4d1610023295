using System.Text;

namespace Jour.Paper;

/// <summary>
/// Text as pages of lines: a form feed (the handover's own page break) always starts a page, a page
/// longer than fits goes on over the next, and no line is ever wrapped or cut: the font gets smaller
/// for a document whose widest line is over 80 columns instead.
/// </summary>
internal static class PaperLayout
{
    /// <summary>The layout every Jour text is made for.</summary>
    public const int Columns = 80;

    private const int TabStop = 8;

    /// <summary>The pages of <paramref name="text"/>, at most <paramref name="linesPerPage"/> lines each; at least one.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(string text, int linesPerPage) => Pages(Sheets(text), linesPerPage);

    /// <summary>The pages of <paramref name="sheets"/> (as <see cref="Pages(string, int)"/> gives them for no page limit), at most <paramref name="linesPerPage"/> lines each; at least one.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(IReadOnlyList<IReadOnlyList<string>> sheets, int linesPerPage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerPage, 1);
        var pages = new List<IReadOnlyList<string>>();
        foreach (IReadOnlyList<string> sheet in sheets)
        {
            for (int start = 0; start < sheet.Count; start += linesPerPage)
            {
                pages.Add([.. sheet.Skip(start).Take(linesPerPage)]);
            }
        }

        return pages.Count > 0 ? pages : [[]];
    }

    // The text between form feeds, as lines with tabs expanded.
    private static List<IReadOnlyList<string>> Sheets(string text)
    {
        var sheets = new List<IReadOnlyList<string>>();
        string[] parts = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\f');
        for (int s = 0; s < parts.Length; s++)
        {
            if (parts[s].Length == 0 && s == parts.Length - 1 && s > 0)
            {
                // Text that ends with a form feed has no empty page after it.
                continue;
            }

            List<string> lines = [.. parts[s].Split('\n').Select(ExpandTabs)];
            if (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            sheets.Add(lines);
        }

        return sheets;
    }

    /// <summary>The columns the widest line needs, never fewer than <see cref="Columns"/>.</summary>
    public static int ColumnsFor(IEnumerable<IReadOnlyList<string>> pages) =>
        Math.Max(Columns, pages.SelectMany(p => p).Select(l => l.Length).DefaultIfEmpty(0).Max());

    private static string ExpandTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal))
        {
            return line;
        }

        var sb = new StringBuilder();
        foreach (char c in line)
        {
            if (c == '\t')
            {
                sb.Append(' ', TabStop - (sb.Length % TabStop));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
