using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Providers;
using static Jour.Core.Import.ImportTable;

namespace Jour.Core.Import;

/// <summary>Importing providers (assistansanordnare): the columns of the file and the rule for each row. No I/O.</summary>
public static class ProviderImport
{
    public const string Name = "namn";
    public const string Number = "organisationsnummer";
    public const string FTax = "fskatt";
    public const string Permit = "ivo";
    public const string Status = "status";
    public const string Phone = "telefon";
    public const string Contacts = "kontakter";

    public static readonly ImportTable Table = new(
        [Name, Number],
        [FTax, Permit, Status, Phone, Contacts],
        new Dictionary<string, TextLimit>
        {
            [Name] = TextLimits.Name,
            [Number] = TextLimits.Number,
            [FTax] = TextLimits.Term,
            [Permit] = TextLimits.Term,
            [Status] = TextLimits.Term,
            [Phone] = TextLimits.Phone,
        });

    /// <summary>
    /// Validates a whole file against the register: every row's own rules, then organisationsnummer that
    /// occur twice in the file (the first occurrence stands) or that are already registered.
    /// </summary>
    public static ImportValidation<Provider> Validate(ImportRequest request, IReadOnlyList<Provider> existing)
    {
        var issues = new List<ImportIssue>();
        IReadOnlyList<ImportFields> rows = Table.Read(request.Columns, request.Rows, issues);
        var duplicates = new ImportDuplicates(Number, existing.Select(p => ImportValues.OrganisationNumberKey(p.OrganisationNumber)));
        var valid = new List<Provider>();
        foreach (ImportFields row in rows)
        {
            Provider? provider = ParseRow(row, issues);
            if (OrganisationNumber.TryParse(row[Number], out OrganisationNumber number, out _)
                && !duplicates.Accept(number.Value, row.Line, issues))
            {
                provider = null;
            }

            if (provider is not null && row.Fits)
            {
                valid.Add(provider);
            }
        }

        return new ImportValidation<Provider>(CountRows(request.Rows), valid, Table.Sort(issues));
    }

    /// <summary>One row's rules: returns the provider, or null after adding an issue for every value that is wrong.</summary>
    public static Provider? ParseRow(ImportFields row, ICollection<ImportIssue> issues)
    {
        int before = issues.Count;
        int line = row.Line;

        string name = row[Name];
        if (name.Length == 0)
        {
            issues.Add(Issue(line, Name, ImportCodes.Required));
        }

        string numberText = row[Number];
        OrganisationNumber number = default;
        if (numberText.Length == 0)
        {
            issues.Add(Issue(line, Number, ImportCodes.Required));
        }
        else if (!OrganisationNumber.TryParse(numberText, out number, out IdentityNumberError error))
        {
            issues.Add(Issue(line, Number, ImportValues.OrganisationNumberMessageKey(error)));
        }

        // Left empty, F-skatt is assumed, as for a provider entered by hand: it is the register's default.
        bool fTax = true;
        string fTaxText = row[FTax];
        if (fTaxText.Length > 0 && !ImportValues.TryParseYesNo(fTaxText, out fTax))
        {
            issues.Add(Issue(line, FTax, ImportCodes.YesNo, fTaxText));
        }

        // An empty permit is unknown rather than granted: the file did not say.
        IvoPermit permit = IvoPermit.Unknown;
        string permitText = row[Permit];
        if (permitText.Length > 0 && !ImportValues.TryParseWord(permitText, ImportValues.Permits, out permit))
        {
            issues.Add(Issue(line, Permit, ImportCodes.OneOf, permitText, ImportValues.List(ImportValues.Permits)));
        }

        ProviderStatus status = ProviderStatus.Active;
        string statusText = row[Status];
        if (statusText.Length > 0 && !ImportValues.TryParseWord(statusText, ImportValues.Statuses, out status))
        {
            issues.Add(Issue(line, Status, ImportCodes.OneOf, statusText, ImportValues.List(ImportValues.Statuses)));
        }

        List<ContactPerson> contacts = ImportValues.ParseContacts(row[Contacts], out List<string> refused);
        foreach (string entry in refused)
        {
            issues.Add(Issue(line, Contacts, ImportCodes.ContactFormat, entry));
        }

        if (issues.Count > before)
        {
            return null;
        }

        return new Provider
        {
            Name = name,
            OrganisationNumber = number.Value,
            HasFTax = fTax,
            Permit = permit,
            Status = status,
            Phone = row[Phone],
            Contacts = contacts,
        };
    }
}
