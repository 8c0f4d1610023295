using Jour.Core.Import;
using Jour.Core.Providers;
using Jour.Core.Tests.Identity;

namespace Jour.Core.Tests.Import;

public sealed class ProviderImportTests
{
    public static TheoryData<string, string> OrgNumberVectorForms()
    {
        var data = new TheoryData<string, string>();
        foreach (IdentityVector v in PersonnummerTestData.OrgNumbers())
        {
            foreach ((_, string input) in v.Forms())
            {
                data.Add(input, v.ShortFormat);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OrgNumberVectorForms))]
    public void Every_form_of_an_organisationsnummer_is_stored_as_ten_digits(string input, string tenDigits)
    {
        ImportValidation<Provider> result = Validate(["namn", "organisationsnummer"], Line(2, "Assistans AB", input));

        Assert.Empty(result.Issues);
        Assert.Equal(tenDigits, Assert.Single(result.Valid).OrganisationNumber);
    }

    [Fact]
    public void The_smallest_file_takes_the_defaults_and_an_empty_permit_is_unknown()
    {
        ImportValidation<Provider> result = Validate(["namn", "organisationsnummer"], Line(2, "Assistans AB", "556036-0793"));

        Provider p = Assert.Single(result.Valid);
        Assert.Equal(("Assistans AB", "5560360793", true, IvoPermit.Unknown, ProviderStatus.Active, ""), (p.Name, p.OrganisationNumber, p.HasFTax, p.Permit, p.Status, p.Phone));
        Assert.Empty(p.Contacts);
    }

    [Fact]
    public void A_full_row_fills_every_field()
    {
        ImportValidation<Provider> result = Validate(
            ["organisationsnummer", "namn", "fskatt", "ivo", "status", "telefon", "kontakter"],
            Line(2, "5560360793", "Assistans AB", "Nej", "återkallat", "Återkallat  tillstånd", "010-123 45 67", "Eva Ek:070-1|Olle Berg"));

        Assert.Empty(result.Issues);
        Provider p = Assert.Single(result.Valid);
        Assert.Equal((false, IvoPermit.Revoked, ProviderStatus.PermitRevoked, "010-123 45 67"), (p.HasFTax, p.Permit, p.Status, p.Phone));
        Assert.Equal([("Eva Ek", "070-1"), ("Olle Berg", "")], p.Contacts.Select(c => (c.Name, c.Phone)));
    }

    [Fact]
    public void Every_bad_value_is_reported()
    {
        ImportValidation<Provider> result = Validate(
            ["namn", "organisationsnummer", "fskatt", "ivo", "status", "kontakter"],
            Line(2, "", "556036-0794", "kanske", "nekat", "vilande", "a:b:c|:070"),
            Line(3, "B AB", "19570428-9999", "", "", "", ""),
            Line(4, "C AB", "", "", "", "", ""));

        Assert.Equal(
            [
                new ImportIssue(2, "namn", ImportCodes.Required, []),
                new ImportIssue(2, "organisationsnummer", "Org_Checksum", []),
                new ImportIssue(2, "fskatt", ImportCodes.YesNo, ["kanske"]),
                new ImportIssue(2, "ivo", ImportCodes.OneOf, ["nekat", "beviljat, ansökt, återkallat"]),
                new ImportIssue(2, "status", ImportCodes.OneOf, ["vilande", "aktiv, konkurs, återkallat tillstånd"]),
                new ImportIssue(2, "kontakter", ImportCodes.ContactFormat, ["a:b:c"]),
                new ImportIssue(2, "kontakter", ImportCodes.ContactFormat, [":070"]),
                new ImportIssue(3, "organisationsnummer", "Org_Format", []),
                new ImportIssue(4, "organisationsnummer", ImportCodes.Required, []),
            ],
            result.Issues,
            IssueComparer.Instance);
        Assert.Empty(result.Valid);
    }

    [Fact]
    public void Duplicates_in_the_file_and_in_the_register_are_issues()
    {
        var existing = new Provider { Id = 1, Name = "Gamla AB", OrganisationNumber = "556036-0793" };
        var request = new ImportRequest(
            ["namn", "organisationsnummer"],
            [Line(2, "Gamla AB", "5560360793"), Line(3, "Nya AB", "556677-8899"), Line(4, "Nya AB igen", "165566778899")],
            DryRun: false);

        ImportValidation<Provider> result = ProviderImport.Validate(request, [existing]);

        Assert.Equal(
            [
                new ImportIssue(2, "organisationsnummer", ImportCodes.DuplicateInRegister, []),
                new ImportIssue(4, "organisationsnummer", ImportCodes.DuplicateInFile, ["3"]),
            ],
            result.Issues,
            IssueComparer.Instance);
        Assert.Equal(["Nya AB"], result.Valid.Select(p => p.Name));
    }

    [Fact]
    public void A_client_column_in_a_provider_file_is_unknown()
    {
        ImportValidation<Provider> result = Validate(["namn", "personnummer"]);

        Assert.Equal(
            [
                new ImportIssue(1, "personnummer", ImportCodes.UnknownColumn, ["namn, organisationsnummer, fskatt, ivo, status, telefon, kontakter"]),
                new ImportIssue(1, "organisationsnummer", ImportCodes.MissingColumn, []),
            ],
            result.Issues,
            IssueComparer.Instance);
    }

    private static ImportValidation<Provider> Validate(IReadOnlyList<string> columns, params ImportRow[] rows) =>
        ProviderImport.Validate(new ImportRequest(columns, rows, DryRun: false), []);

    private static ImportRow Line(int line, params string[] values) => new(line, values);
}
