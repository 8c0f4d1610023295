using Jour.Core.Common;
using System.Globalization;
using Jour.Core.Clients;
using Jour.Core.Identity;
using Jour.Core.Providers;
using static Jour.Core.Import.ImportTable;

namespace Jour.Core.Import;

/// <summary>What validating a file gave: how many rows it had, the rows that passed as entities, and every issue.</summary>
public sealed record ImportValidation<T>(int Rows, IReadOnlyList<T> Valid, IReadOnlyList<ImportIssue> Issues);

/// <summary>Importing clients (brukare): the columns of the file and the rule for each row. No I/O.</summary>
public static class ClientImport
{
    public const string Name = "namn";
    public const string Number = "personnummer";
    public const string Address = "adress";
    public const string AccessNote = "tillträde";
    public const string Provider = "anordnare";
    public const string SelfEmployer = "egen_arbetsgivare";
    public const string Hours = "beviljade_timmar";
    public const string Basis = "grund";
    public const string Needs = "behov";
    public const string Delegations = "delegeringar";
    public const string Representatives = "företrädare";

    public static readonly ImportTable Table = new(
        [Name, Number],
        [Address, AccessNote, Provider, SelfEmployer, Hours, Basis, Needs, Delegations, Representatives],
        new Dictionary<string, TextLimit>
        {
            [Name] = TextLimits.Name,
            [Number] = TextLimits.Number,
            [Address] = TextLimits.Address,
            [AccessNote] = TextLimits.AccessNote,
            [Provider] = TextLimits.Number,
            [SelfEmployer] = TextLimits.Term,
            [Hours] = TextLimits.Term,
            [Basis] = TextLimits.Term,
        });

    /// <summary>
    /// Validates a whole file against the register: every row's own rules, then numbers that occur twice in
    /// the file (the first occurrence stands, later ones are issues) or that are already registered.
    /// </summary>
    /// <param name="request">The file as read.</param>
    /// <param name="today">Today in Sweden: decides the century of a ten-digit personnummer.</param>
    /// <param name="providers">The registered providers, which <see cref="Provider"/> must name.</param>
    /// <param name="existing">The registered clients.</param>
    public static ImportValidation<Client> Validate(ImportRequest request, DateOnly today, IReadOnlyList<Provider> providers, IReadOnlyList<Client> existing)
    {
        var issues = new List<ImportIssue>();
        IReadOnlyList<ImportFields> rows = Table.Read(request.Columns, request.Rows, issues);
        var providerIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Provider provider in providers)
        {
            providerIds.TryAdd(ImportValues.OrganisationNumberKey(provider.OrganisationNumber), provider.Id);
        }

        var duplicates = new ImportDuplicates(Number, existing.Select(c => c.PersonalIdentityNumber));
        var valid = new List<Client>();
        foreach (ImportFields row in rows)
        {
            Client? client = ParseRow(row, today, providerIds, issues);

            // Checked whatever else is wrong with the row, so that fixing one problem does not reveal the next.
            if (PersonalIdentityNumber.TryParse(row[Number], today, out PersonalIdentityNumber number, out _)
                && !duplicates.Accept(number.Value, row.Line, issues))
            {
                client = null;
            }

            if (client is not null && row.Fits)
            {
                valid.Add(client);
            }
        }

        return new ImportValidation<Client>(CountRows(request.Rows), valid, Table.Sort(issues));
    }

    /// <summary>
    /// One row's rules, each value on its own: returns the client, or null after adding an issue for every
    /// value that is wrong.
    /// </summary>
    /// <param name="row">The row's values by column.</param>
    /// <param name="today">Today in Sweden.</param>
    /// <param name="providerIds">Registered providers' ids by ten-digit organisationsnummer.</param>
    /// <param name="issues">Where the row's issues go.</param>
    public static Client? ParseRow(ImportFields row, DateOnly today, IReadOnlyDictionary<string, long> providerIds, ICollection<ImportIssue> issues)
    {
        int before = issues.Count;
        int line = row.Line;

        string name = row[Name];
        if (name.Length == 0)
        {
            issues.Add(Issue(line, Name, ImportCodes.Required));
        }

        string numberText = row[Number];
        PersonalIdentityNumber number = default;
        if (numberText.Length == 0)
        {
            issues.Add(Issue(line, Number, ImportCodes.Required));
        }
        else if (!PersonalIdentityNumber.TryParse(numberText, today, out number, out IdentityNumberError error))
        {
            issues.Add(Issue(line, Number, PersonalIdentityNumber.ErrorMessageKey(error)));
        }

        bool selfEmployer = false;
        string selfEmployerText = row[SelfEmployer];
        if (selfEmployerText.Length > 0 && !ImportValues.TryParseYesNo(selfEmployerText, out selfEmployer))
        {
            issues.Add(Issue(line, SelfEmployer, ImportCodes.YesNo, selfEmployerText));
        }

        long? providerId = null;
        string providerText = row[Provider];
        if (providerText.Length > 0)
        {
            if (selfEmployer)
            {
                issues.Add(Issue(line, Provider, ImportCodes.SelfEmployerWithProvider));
            }
            else if (!OrganisationNumber.TryParse(providerText, out OrganisationNumber org, out IdentityNumberError orgError))
            {
                issues.Add(Issue(line, Provider, ImportValues.OrganisationNumberMessageKey(orgError)));
            }
            else if (providerIds.TryGetValue(org.Value, out long id))
            {
                providerId = id;
            }
            else
            {
                issues.Add(Issue(line, Provider, ImportCodes.ProviderNotFound, org.Formatted));
            }
        }

        decimal hours = 0;
        string hoursText = row[Hours];
        if (hoursText.Length > 0 && !ImportValues.TryParseHours(hoursText, out hours))
        {
            issues.Add(Issue(line, Hours, ImportCodes.Hours, hoursText, ImportValues.MaxHoursPerWeek.ToString(CultureInfo.InvariantCulture)));
        }

        AssistanceBasis basis = AssistanceBasis.Unknown;
        string basisText = row[Basis];
        if (basisText.Length > 0 && !ImportValues.TryParseWord(basisText, ImportValues.Bases, out basis))
        {
            issues.Add(Issue(line, Basis, ImportCodes.OneOf, basisText, ImportValues.List(ImportValues.Bases)));
        }

        List<Representative> representatives = ImportValues.ParseRepresentatives(row[Representatives], out var refused);
        foreach ((string entry, bool unknownKind) in refused)
        {
            issues.Add(unknownKind
                ? Issue(line, Representatives, ImportCodes.OneOf, entry, ImportValues.List(ImportValues.RepresentativeKinds))
                : Issue(line, Representatives, ImportCodes.RepresentativeFormat, entry));
        }

        if (issues.Count > before)
        {
            return null;
        }

        return new Client
        {
            Name = name,
            PersonalIdentityNumber = number.Value,
            Sex = number.IsFemale ? Sex.Female : Sex.Male,
            Address = row[Address],
            AccessNote = row[AccessNote],
            ProviderId = providerId,
            IsSelfEmployer = selfEmployer,
            GrantedHoursPerWeek = hours,
            Basis = basis,
            Needs = ImportValues.ParseList(row[Needs]),
            DelegatedTasks = ImportValues.ParseList(row[Delegations]),
            Representatives = representatives,
        };
    }
}
