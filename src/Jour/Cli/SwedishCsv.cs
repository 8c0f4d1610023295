using System.Text;

namespace Jour.Cli;

/// <summary>
/// CSV as Swedish spreadsheets open it directly: UTF-8 with a BOM, semicolons, CRLF; a field is quoted
/// (RFC 4180) only when it holds a semicolon, a quote or a line break. Every export of the command line uses it.
/// </summary>
internal static class SwedishCsv
{
    public static string Field(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>The whole file: a BOM, the header, one CRLF-ended line per row.</summary>
    public static string Document(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder("\uFEFF");
        foreach (IReadOnlyList<string> row in rows.Prepend(header))
        {
            csv.Append(string.Join(';', row.Select(Field))).Append("\r\n");
        }

        return csv.ToString();
    }
}
