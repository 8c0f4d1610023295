using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Identity;
using Jour.Core.Staff;
using static Jour.Core.Import.ImportTable;

namespace Jour.Core.Import;

/// <summary>
/// Importing payroll's monthly file of the standby staff's paid hours (seed 000's utilisation): who, which
/// month, hours paid, and the hours of them worked in the organisation's other contracts. No I/O.
/// </summary>
public static class PaidHoursImport
{
    public const string Assistant = "assistent";
    public const string Month = "månad";
    public const string Paid = "betalda_timmar";
    public const string Other = "timmar_andra_avtal";

    /// <summary>Round the clock in the longest month: more is a typing error, not a payroll figure.</summary>
    public const decimal MaxHoursPerMonth = 744m;

    public static readonly ImportTable Table = new(
        [Assistant, Month, Paid],
        [Other],
        new Dictionary<string, TextLimit> { [Assistant] = TextLimits.Name, [Month] = TextLimits.Term, [Paid] = TextLimits.Term, [Other] = TextLimits.Term });

    /// <summary>
    /// Validates a whole file against the pool: the assistant by personnummer or by register name (a name two
    /// assistants share must be given as personnummer), the month as ÅÅÅÅ-MM, hours 0–744 with a decimal comma
    /// or point, other-contract hours no more than the paid ones, and one row per assistant and month. A row for
    /// a month already stored is valid: it replaces the stored one.
    /// </summary>
    public static ImportValidation<PaidHours> Validate(ImportRequest request, DateOnly today, IReadOnlyList<StandbyAssistant> pool, long userId, DateTime nowUtc)
    {
        var issues = new List<ImportIssue>();
        IReadOnlyList<ImportFields> rows = Table.Read(request.Columns, request.Rows, issues);
        var duplicates = new ImportDuplicates(Assistant, []);
        var valid = new List<PaidHours>();
        foreach (ImportFields row in rows)
        {
            PaidHours? entry = ParseRow(row, today, pool, issues);
            if (entry is not null && !duplicates.Accept(entry.Id, row.Line, issues))
            {
                entry = null;
            }

            if (entry is not null && row.Fits)
            {
                entry.ImportedBy = userId;
                entry.ImportedUtc = nowUtc;
                valid.Add(entry);
            }
        }

        return new ImportValidation<PaidHours>(CountRows(request.Rows), valid, Table.Sort(issues));
    }

    private static PaidHours? ParseRow(ImportFields row, DateOnly today, IReadOnlyList<StandbyAssistant> pool, List<ImportIssue> issues)
    {
        int before = issues.Count;
        int line = row.Line;
        long? assistantId = FindAssistant(row[Assistant], today, pool, line, issues);

        string monthText = row[Month];
        string month = "";
        if (monthText.Length == 0)
        {
            issues.Add(Issue(line, Month, ImportCodes.Required));
        }
        else if (DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly first)
            && first.Year is >= 2000 and <= 2100)
        {
            month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        else
        {
            issues.Add(Issue(line, Month, ImportCodes.MonthFormat, monthText));
        }

        decimal paid = Hours(row, Paid, required: true, issues);
        decimal other = Hours(row, Other, required: false, issues);
        if (issues.Count == before && other > paid)
        {
            issues.Add(Issue(line, Other, ImportCodes.OtherOverPaid, Text(other), Text(paid)));
        }

        return issues.Count > before || assistantId is not { } id
            ? null
            : new PaidHours { Id = PaidHours.KeyOf(id, month), AssistantId = id, Month = month, Hours = paid, OtherContractHours = other };
    }

    private static long? FindAssistant(string text, DateOnly today, IReadOnlyList<StandbyAssistant> pool, int line, List<ImportIssue> issues)
    {
        if (text.Length == 0)
        {
            issues.Add(Issue(line, Assistant, ImportCodes.Required));
            return null;
        }

        List<StandbyAssistant> matches;
        if (text.Any(char.IsAsciiDigit) && PersonalIdentityNumber.TryParse(text, today, out PersonalIdentityNumber number, out _))
        {
            matches = [.. pool.Where(a => a.PersonalIdentityNumber == number.Value)];
        }
        else
        {
            string name = NormaliseWord(text);
            matches = [.. pool.Where(a => NormaliseWord(a.Name) == name)];
        }

        if (matches.Count == 1)
        {
            return matches[0].Id;
        }

        issues.Add(Issue(line, Assistant, matches.Count == 0 ? ImportCodes.AssistantNotFound : ImportCodes.AssistantAmbiguous, text));
        return null;
    }

    private static decimal Hours(ImportFields row, string column, bool required, List<ImportIssue> issues)
    {
        string text = row[column];
        if (text.Length == 0)
        {
            if (required)
            {
                issues.Add(Issue(row.Line, column, ImportCodes.Required));
            }

            return 0m;
        }

        string plain = text.Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal hours) && hours <= MaxHoursPerMonth)
        {
            return hours;
        }

        issues.Add(Issue(row.Line, column, ImportCodes.MonthHours, text, Text(MaxHoursPerMonth)));
        return 0m;
    }

    private static string Text(decimal hours) => hours.ToString("0.##", SwedishCulture.Instance);
}
