using System.Globalization;

namespace Jour.Core.Import;

/// <summary>
/// The duplicate rule every import shares: the first row with a key stands; a later row with the
/// same key, or a key already in the register, is an issue on <c>field</c> and the row is dropped.
/// </summary>
public sealed class ImportDuplicates
{
    private readonly string _field;
    private readonly HashSet<string> _registered;
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    public ImportDuplicates(string field, IEnumerable<string> registered)
    {
        _field = field;
        _registered = new HashSet<string>(registered, StringComparer.Ordinal);
    }

    /// <summary>True when the row with <paramref name="key"/> may stand; otherwise adds the issue.</summary>
    public bool Accept(string key, int line, ICollection<ImportIssue> issues)
    {
        if (_firstLine.TryGetValue(key, out int first))
        {
            issues.Add(ImportTable.Issue(line, _field, ImportCodes.DuplicateInFile, first.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        _firstLine[key] = line;
        if (_registered.Contains(key))
        {
            issues.Add(ImportTable.Issue(line, _field, ImportCodes.DuplicateInRegister));
            return false;
        }

        return true;
    }
}
