using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using NodaTime;
using NodaTime.Text;
using static Jour.Core.Import.ImportTable;

namespace Jour.Core.Import;

/// <summary>Importing the standby pool (beredskapspersonal): the columns of the file and the rule for each row. No I/O.</summary>
public static class StaffImport
{
    public const string Name = "namn";
    public const string Phone = "telefon";
    public const string Competences = "kompetenser";
    public const string HourLimit = "timtak";
    public const string Delegations = "delegeringar";
    public const string Number = "personnummer";
    public const string Employment = "anställningsform";

    public static readonly ImportTable Table = new(
        [Name, Phone],
        [Competences, HourLimit, Delegations, Number, Employment],
        new Dictionary<string, TextLimit>
        {
            [Name] = TextLimits.Name,
            [Phone] = TextLimits.Phone,
            [HourLimit] = TextLimits.Term,
            [Number] = TextLimits.Number,
            [Employment] = TextLimits.Term,
        });

    /// <summary>The employment forms as written in a file (the register's own words).</summary>
    public static readonly IReadOnlyList<(string Word, EmploymentForm Value)> EmploymentForms =
        [("timanställd", EmploymentForm.Hourly), ("visstidsanställd", EmploymentForm.FixedTerm), ("tillsvidareanställd", EmploymentForm.Permanent)];

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");

    /// <summary>
    /// Validates a whole file against the pool: every row's own rules, then a person (same name and
    /// phone number) who occurs twice in the file or is already in the pool.
    /// </summary>
    /// <param name="request">The file's columns and rows.</param>
    /// <param name="today">Today in Sweden: decides the century of a ten-digit personnummer.</param>
    /// <param name="existing">The pool as it is.</param>
    public static ImportValidation<StandbyAssistant> Validate(ImportRequest request, DateOnly today, IReadOnlyList<StandbyAssistant> existing)
    {
        var issues = new List<ImportIssue>();
        IReadOnlyList<ImportFields> rows = Table.Read(request.Columns, request.Rows, issues);
        var duplicates = new ImportDuplicates(Name, existing.Select(a => Key(a.Name, a.Phone)));
        var valid = new List<StandbyAssistant>();
        foreach (ImportFields row in rows)
        {
            StandbyAssistant? assistant = ParseRow(row, today, issues);
            if (!duplicates.Accept(Key(row[Name], row[Phone]), row.Line, issues))
            {
                assistant = null;
            }

            if (assistant is not null && row.Fits)
            {
                valid.Add(assistant);
            }
        }

        return new ImportValidation<StandbyAssistant>(CountRows(request.Rows), valid, Table.Sort(issues));
    }

    /// <summary>One row's rules: returns the assistant, or null after adding an issue for every value that is wrong.</summary>
    public static StandbyAssistant? ParseRow(ImportFields row, DateOnly today, ICollection<ImportIssue> issues)
    {
        int before = issues.Count;
        int line = row.Line;
        string name = row[Name];
        if (name.Length == 0)
        {
            issues.Add(Issue(line, Name, ImportCodes.Required));
        }

        string phone = row[Phone];
        if (phone.Length == 0)
        {
            issues.Add(Issue(line, Phone, ImportCodes.Required));
        }
        else if (!JourUseCases.IsPhoneNumber(phone))
        {
            issues.Add(Issue(line, Phone, ImportCodes.PhoneFormat, phone));
        }

        // Left empty, the register's default limit applies, as for an assistant entered by hand.
        decimal limit = new StandbyAssistant().WeeklyHourLimit;
        string limitText = row[HourLimit];
        if (limitText.Length > 0 && !ImportValues.TryParseHours(limitText, out limit))
        {
            issues.Add(Issue(line, HourLimit, ImportCodes.Hours, limitText, ImportValues.MaxHoursPerWeek.ToString(CultureInfo.InvariantCulture)));
        }

        var delegations = new List<Delegation>();
        foreach (string entry in row[Delegations].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseDelegation(entry) is { } delegation)
            {
                delegations.Add(delegation);
            }
            else
            {
                issues.Add(Issue(line, Delegations, ImportCodes.DelegationFormat, entry));
            }
        }

        // For the invoicing basis; may come later, as in the form.
        string numberText = row[Number];
        string number = "";
        if (numberText.Length > 0)
        {
            if (PersonalIdentityNumber.TryParse(numberText, today, out PersonalIdentityNumber parsed, out IdentityNumberError error))
            {
                number = parsed.Value;
            }
            else
            {
                issues.Add(Issue(line, Number, PersonalIdentityNumber.ErrorMessageKey(error)));
            }
        }

        EmploymentForm employment = EmploymentForm.Hourly;
        string employmentText = row[Employment];
        if (employmentText.Length > 0 && !ImportValues.TryParseWord(employmentText, EmploymentForms, out employment))
        {
            issues.Add(Issue(line, Employment, ImportCodes.OneOf, employmentText, ImportValues.List(EmploymentForms)));
        }

        if (issues.Count > before)
        {
            return null;
        }

        return new StandbyAssistant
        {
            PersonalIdentityNumber = number,
            EmploymentForm = employment,
            Name = name,
            Phone = phone,
            Competences = ImportValues.ParseList(row[Competences]),
            WeeklyHourLimit = limit,
            Delegations = delegations,
        };
    }

    /// <summary>"uppgift:utfärdad av:från:till", dates as ÅÅÅÅ-MM-DD, valid from the start of the first day to the end of the last (Stockholm).</summary>
    private static Delegation? ParseDelegation(string entry)
    {
        string[] parts = entry.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        ParseResult<LocalDate> from = DatePattern.Parse(parts[2]);
        ParseResult<LocalDate> to = DatePattern.Parse(parts[3]);
        if (!from.Success || !to.Success || to.Value < from.Value)
        {
            return null;
        }

        return new Delegation
        {
            Task = parts[0],
            IssuedBy = parts[1],
            ValidFromUtc = SwedishTime.Zone.AtStartOfDay(from.Value).ToDateTimeUtc(),
            ValidToUtc = SwedishTime.Zone.AtStartOfDay(to.Value.PlusDays(1)).ToDateTimeUtc(),
        };
    }

    private static string Key(string name, string phone) =>
        NormaliseWord(name) + "|" + string.Concat(phone.Where(char.IsAsciiDigit));
}
