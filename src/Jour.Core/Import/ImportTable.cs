using System.Globalization;
using System.Text;
using Jour.Core.Common;

namespace Jour.Core.Import;

/// <summary>
/// A data row with its values by (lower-case) column name, trimmed; absent columns are absent. A value over its
/// column's limit is left out (read as "") and its column named in <see cref="TooLong"/>: the row is refused.
/// </summary>
public sealed record ImportFields(int Line, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string>? TooLong = null)
{
    /// <summary>False when a value was over its column's limit: such a row is never imported.</summary>
    public bool Fits => TooLong is not { Count: > 0 };

    /// <summary>The value of <paramref name="column"/>, or "" when the file has no such column.</summary>
    public string this[string column] => Values.TryGetValue(column, out string? value) ? value : "";
}

/// <summary>
/// The columns one register accepts, and the header and rows of a file checked against them. Everything
/// here is about the shape of the file; what a value must look like is the register's own rule.
/// </summary>
public sealed class ImportTable
{
    /// <summary>The header's line in every issue about it; blank lines above a header are too rare to count.</summary>
    public const int HeaderLine = 1;

    private readonly IReadOnlyList<string> _required;
    private readonly string[] _all;
    private readonly IReadOnlyDictionary<string, TextLimit> _limits;

    /// <param name="required">Columns every file must have.</param>
    /// <param name="optional">Columns a file may have.</param>
    /// <param name="limits">Each column's limit (<see cref="TextLimits"/>); a column not named has <see cref="TextLimits.ImportField"/>.</param>
    public ImportTable(IReadOnlyList<string> required, IReadOnlyList<string> optional, IReadOnlyDictionary<string, TextLimit>? limits = null)
    {
        _required = required;
        _all = [.. required, .. optional];
        _limits = limits ?? new Dictionary<string, TextLimit>();
    }

    /// <summary>The most characters a value of <paramref name="column"/> may have.</summary>
    public TextLimit LimitOf(string column) => _limits.GetValueOrDefault(column) ?? TextLimits.ImportField;

    /// <summary>
    /// The rows with every value cut to one character over its column's limit: what the command line sends, so
    /// that a 50 MB field neither swells the request nor escapes the report; the server still finds it too long
    /// and names its row and column (in a dry run too).
    /// </summary>
    public IReadOnlyList<ImportRow> Shrink(IReadOnlyList<string> columns, IReadOnlyList<ImportRow> rows)
    {
        TextLimit[] limits = [.. columns.Select(c => LimitOf(NormaliseColumn(c)))];
        var shrunk = new List<ImportRow>(rows.Count);
        foreach (ImportRow row in rows)
        {
            bool over = false;
            for (int i = 0; i < row.Values.Count && !over; i++)
            {
                over = row.Values[i] is { } v && v.Length > LimitAt(limits, i).Max + 1;
            }

            shrunk.Add(over ? row with { Values = [.. row.Values.Select((v, i) => Cut(v, LimitAt(limits, i).Max + 1))] } : row);
        }

        return shrunk;
    }

    private static string Cut(string? value, int length) => value is null ? "" : value.Length > length ? value[..length] : value;

    private static TextLimit LimitAt(TextLimit[] limits, int index) => index < limits.Length ? limits[index] : TextLimits.ImportField;

    /// <summary>Every accepted column, required ones first, in the order the README lists them.</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>
    /// Checks the header and maps each row to its columns. Header problems are reported alone and no row is
    /// mapped: with a missing or misspelt column every row would be wrong for the same reason. Rows whose every
    /// value is empty (what spreadsheets write for blank lines) are left out.
    /// </summary>
    public IReadOnlyList<ImportFields> Read(IReadOnlyList<string> columns, IReadOnlyList<ImportRow> rows, ICollection<ImportIssue> issues)
    {
        string[] names = [.. columns.Select(NormaliseColumn)];
        if (!CheckHeader(names, issues))
        {
            return [];
        }

        var result = new List<ImportFields>();
        foreach (ImportRow row in rows)
        {
            if (row.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            HashSet<string>? tooLong = null;
            for (int i = 0; i < row.Values.Count; i++)
            {
                string value = NormaliseValue(row.Values[i]);
                if (i < names.Length && names[i].Length > 0)
                {
                    TextLimit limit = LimitOf(names[i]);
                    if (!limit.Fits(value))
                    {
                        issues.Add(Issue(row.Line, names[i], ImportCodes.TooLong, limit.MaxText));
                        (tooLong ??= new HashSet<string>(StringComparer.Ordinal)).Add(names[i]);
                        value = "";
                    }

                    values[names[i]] = value;
                }
                else if (value.Length > 0)
                {
                    issues.Add(Issue(row.Line, "", ImportCodes.ValueWithoutColumn, (i + 1).ToString(CultureInfo.InvariantCulture)));
                }
            }

            result.Add(new ImportFields(row.Line, values, tooLong));
        }

        return result;
    }

    /// <summary>
    /// Issues by line and, within a row, in the order of the columns as listed in <see cref="All"/>, the
    /// row's own problems (no column) first. The header's issues keep the order they were found in.
    /// </summary>
    public IReadOnlyList<ImportIssue> Sort(IEnumerable<ImportIssue> issues)
    {
        int Order(ImportIssue issue) =>
            issue.Line == HeaderLine || issue.Field.Length == 0 ? -1 : Array.IndexOf(_all, issue.Field) is int i and >= 0 ? i : _all.Length;

        // A value left out for being too long reads as missing to the register's rules: say it once, as too long.
        var list = issues.ToList();
        var tooLong = list.Where(i => i.Code == ImportCodes.TooLong).Select(i => (i.Line, i.Field)).ToHashSet();
        return [.. list.Where(i => i.Code != ImportCodes.Required || !tooLong.Contains((i.Line, i.Field))).OrderBy(i => i.Line).ThenBy(Order)];
    }

    /// <summary>Rows that <see cref="Read"/> would leave out count as no rows at all.</summary>
    public static int CountRows(IReadOnlyList<ImportRow> rows) => rows.Count(r => !r.Values.All(string.IsNullOrWhiteSpace));

    public static ImportIssue Issue(int line, string field, string code, params string[] args) => new(line, field, code, args);

    /// <summary>Trimmed and in composed form, so "ä" typed on one system equals "ä" typed on another.</summary>
    public static string NormaliseValue(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>A value compared against a fixed list of words: lower-case, single spaces.</summary>
    public static string NormaliseWord(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(SwedishCulture.Instance);

    private static string NormaliseColumn(string name) => NormaliseWord(NormaliseValue(name));

    private bool CheckHeader(string[] names, ICollection<ImportIssue> issues)
    {
        string example = string.Join(';', _required);
        if (names.Length == 0)
        {
            issues.Add(Issue(HeaderLine, "", ImportCodes.NoHeader, example));
            return false;
        }

        if (names.Length == 1)
        {
            // Only ';' separates columns: a comma- or tab-separated header arrives here as one column.
            issues.Add(Issue(HeaderLine, "", ImportCodes.NoSemicolon, example));
            return false;
        }

        int before = issues.Count;
        var known = All.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names.Where(n => n.Length > 0))
        {
            if (!known.Contains(name))
            {
                issues.Add(Issue(HeaderLine, name, ImportCodes.UnknownColumn, string.Join(", ", All)));
            }
            else if (!seen.Add(name))
            {
                issues.Add(Issue(HeaderLine, name, ImportCodes.DuplicateColumn));
            }
        }

        foreach (string name in _required.Where(r => !seen.Contains(r)))
        {
            issues.Add(Issue(HeaderLine, name, ImportCodes.MissingColumn));
        }

        return issues.Count == before;
    }
}
