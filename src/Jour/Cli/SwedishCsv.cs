using System.Text;
using System.Text.RegularExpressions;

namespace Jour.Cli;

/// <summary>
/// CSV as Swedish spreadsheets open it directly: UTF-8 with a BOM, semicolons, CRLF; a field is quoted
/// (RFC 4180) only when it holds a semicolon, a quote or a line break. Every export of the command line uses it.
/// A cell a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage return) gets a
/// leading apostrophe, as OWASP advises against CSV injection: a name such as =HYPERLINK(…) stays text.
/// A plain number (sign, digits, spaces, one decimal mark: the amounts and hours we format ourselves) is left
/// as it is, since it cannot be a formula and −1,50 must stay a number.
/// </summary>
internal static partial class SwedishCsv
{
    public static string Field(string value)
    {
        string safe = Neutralised(value);
        return safe.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

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

    private static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value)
            ? "'" + value
            : value;

    [GeneratedRegex(@"^[+-]?[0-9][0-9 \u00a0]*([,.][0-9]+)?\z")]
    private static partial Regex PlainNumber();
}
