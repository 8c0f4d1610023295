using Jour.Core.Clients;
using Jour.Core.Identity;
using Jour.Core.Import;
using Jour.Core.Providers;
using Jour.Core.Tests.Identity;

namespace Jour.Core.Tests.Import;

public sealed class ClientImportTests
{
    /// <summary>Fixed, as in the vector tests: the century of a ten-digit number depends on today.</summary>
    private static readonly DateOnly _today = new(2026, 11, 23);

    private static readonly Provider _provider = new() { Id = 7, Name = "Trygg Assistans AB", OrganisationNumber = "5560360793" };

    private static readonly Dictionary<string, long> _providerIds = new() { ["5560360793"] = 7 };

    public static TheoryData<int, string, string> ValidVectorForms()
    {
        var data = new TheoryData<int, string, string>();
        foreach (IdentityVector v in PersonnummerTestData.List().Where(v => v.Valid))
        {
            foreach ((string field, string input) in v.Forms())
            {
                data.Add(v.Index, field, input);
            }
        }

        return data;
    }

    public static TheoryData<int, string, string> InvalidVectorForms()
    {
        var data = new TheoryData<int, string, string>();
        foreach (IdentityVector v in PersonnummerTestData.List().Where(v => !v.Valid))
        {
            foreach ((string field, string input) in v.Forms())
            {
                data.Add(v.Index, field, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidVectorForms))]
    public void Every_form_of_a_valid_personnummer_or_samordningsnummer_is_stored_as_twelve_digits(int index, string field, string input)
    {
        IdentityVector vector = PersonnummerTestData.List()[index];
        var issues = new List<ImportIssue>();

        Client? client = ClientImport.ParseRow(Row(2, ("namn", "Anna Berg"), ("personnummer", input)), _today, _providerIds, issues);

        Assert.True(client is not null, $"{field} \"{input}\": {string.Join(", ", issues.Select(i => i.Code))}");
        Assert.Equal(12, client.PersonalIdentityNumber.Length);
        Assert.True(client.PersonalIdentityNumber.All(char.IsAsciiDigit));

        // A short form without "+" gets the latest century not in the future, so only the last ten digits must agree.
        Assert.Equal(vector.LongFormat![2..], client.PersonalIdentityNumber[2..]);
        if (field != "short_format")
        {
            Assert.Equal(vector.LongFormat, client.PersonalIdentityNumber);
        }

        Assert.Equal(vector.IsFemale!.Value ? Sex.Female : Sex.Male, client.Sex);
    }

    [Theory]
    [MemberData(nameof(InvalidVectorForms))]
    public void An_invalid_personnummer_in_any_form_is_an_issue_on_its_column_with_the_parsers_reason(int index, string field, string input)
    {
        PersonalIdentityNumber.TryParse(input, _today, out _, out IdentityNumberError error);
        var issues = new List<ImportIssue>();

        Client? client = ClientImport.ParseRow(Row(5, ("namn", "Anna Berg"), ("personnummer", input)), _today, _providerIds, issues);

        Assert.Null(client);
        Assert.True(error != IdentityNumberError.None, $"#{index} {field}");
        Assert.Equal(new ImportIssue(5, "personnummer", PersonalIdentityNumber.ErrorMessageKey(error), []), Assert.Single(issues), IssueComparer.Instance);
    }

    [Fact]
    public void A_full_row_fills_every_field()
    {
        var issues = new List<ImportIssue>();
        ImportFields row = Row(
            2,
            ("namn", "Märta Öberg"),
            ("personnummer", "19460823-9986"),
            ("adress", "Storgatan 1, Umeå"),
            ("tillträde", "Portkod 1234"),
            ("anordnare", "556036-0793"),
            ("egen_arbetsgivare", "Nej"),
            ("beviljade_timmar", "37,5"),
            ("grund", "lss"),
            ("behov", "Lyft, Sondmatning,,lyft"),
            ("delegeringar", "Insulin"),
            ("företrädare", "god man:Per Persson:070-111 22 33|Anhörig:Eva Öberg"));

        Client client = ClientImport.ParseRow(row, _today, _providerIds, issues)!;

        Assert.Empty(issues);
        Assert.Equal("Märta Öberg", client.Name);
        Assert.Equal("194608239986", client.PersonalIdentityNumber);
        Assert.Equal(Sex.Female, client.Sex);
        Assert.Equal("Storgatan 1, Umeå", client.Address);
        Assert.Equal("Portkod 1234", client.AccessNote);
        Assert.Equal(7, client.ProviderId);
        Assert.False(client.IsSelfEmployer);
        Assert.Equal(37.5m, client.GrantedHoursPerWeek);
        Assert.Equal(AssistanceBasis.Lss, client.Basis);
        Assert.Equal(["Lyft", "Sondmatning"], client.Needs);
        Assert.Equal(["Insulin"], client.DelegatedTasks);
        Assert.Collection(
            client.Representatives,
            r => Assert.Equal((RepresentativeKind.Trustee, "Per Persson", "070-111 22 33"), (r.Kind, r.Name, r.Phone)),
            r => Assert.Equal((RepresentativeKind.Relative, "Eva Öberg", ""), (r.Kind, r.Name, r.Phone)));
    }

    [Theory]
    [InlineData("37,5", 37.5)]
    [InlineData("37.5", 37.5)]
    [InlineData("40", 40)]
    [InlineData("0", 0)]
    [InlineData(",5", 0.5)]
    [InlineData("504", 504)]
    public void Granted_hours_take_a_decimal_comma_or_point(string text, double expected)
    {
        var issues = new List<ImportIssue>();

        Client? client = ClientImport.ParseRow(Row(2, ("namn", "A"), ("personnummer", "195704289999"), ("beviljade_timmar", text)), _today, _providerIds, issues);

        Assert.Empty(issues);
        Assert.Equal((decimal)expected, client!.GrantedHoursPerWeek);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("505")]
    [InlineData("1 000")]
    [InlineData("37,5,0")]
    [InlineData("37.5 h")]
    [InlineData("tjugo")]
    public void Granted_hours_that_are_not_a_number_from_0_to_504_are_an_issue(string text)
    {
        var issues = new List<ImportIssue>();

        ClientImport.ParseRow(Row(3, ("namn", "A"), ("personnummer", "195704289999"), ("beviljade_timmar", text)), _today, _providerIds, issues);

        Assert.Equal(new ImportIssue(3, "beviljade_timmar", ImportCodes.Hours, [text, "504"]), Assert.Single(issues), IssueComparer.Instance);
    }

    [Fact]
    public void Representatives_are_read_whatever_the_case_and_spacing_of_their_kind()
    {
        List<Representative> reps = ImportValues.ParseRepresentatives(
            " GOD  MAN : Per : 070-1 | förvaltare:Eva:070-2|Vårdnadshavare:Kim|anhörig:Lo:|", out var refused);

        Assert.Empty(refused);
        Assert.Equal(
            [(RepresentativeKind.Trustee, "Per", "070-1"), (RepresentativeKind.Administrator, "Eva", "070-2"), (RepresentativeKind.Guardian, "Kim", ""), (RepresentativeKind.Relative, "Lo", "")],
            reps.Select(r => (r.Kind, r.Name, r.Phone)));
    }

    [Fact]
    public void A_representative_of_unknown_kind_or_without_a_name_is_an_issue_each()
    {
        var issues = new List<ImportIssue>();

        Client? client = ClientImport.ParseRow(
            Row(4, ("namn", "A"), ("personnummer", "195704289999"), ("företrädare", "kusin:Kalle:070|god man::070|bara ett namn|anhörig:a:b:c")),
            _today,
            _providerIds,
            issues);

        Assert.Null(client);
        Assert.Equal(
            [
                new ImportIssue(4, "företrädare", ImportCodes.OneOf, ["kusin", "god man, förvaltare, vårdnadshavare, anhörig"]),
                new ImportIssue(4, "företrädare", ImportCodes.RepresentativeFormat, ["god man::070"]),
                new ImportIssue(4, "företrädare", ImportCodes.RepresentativeFormat, ["bara ett namn"]),
                new ImportIssue(4, "företrädare", ImportCodes.RepresentativeFormat, ["anhörig:a:b:c"]),
            ],
            issues,
            IssueComparer.Instance);
    }

    [Fact]
    public void Every_bad_value_of_a_row_is_reported_not_just_the_first()
    {
        var issues = new List<ImportIssue>();

        Client? client = ClientImport.ParseRow(
            Row(6, ("namn", ""), ("personnummer", "19570428-9998"), ("egen_arbetsgivare", "kanske"), ("grund", "SoL"), ("anordnare", "556036-0794")),
            _today,
            _providerIds,
            issues);

        Assert.Null(client);
        Assert.Equal(
            ["namn", "personnummer", "egen_arbetsgivare", "anordnare", "grund"],
            issues.Select(i => i.Field));
        Assert.Equal([ImportCodes.Required, "Pnr_Checksum", ImportCodes.YesNo, "Org_Checksum", ImportCodes.OneOf], issues.Select(i => i.Code));
    }

    [Fact]
    public void The_provider_must_be_registered_and_a_self_employer_has_none()
    {
        var issues = new List<ImportIssue>();

        ClientImport.ParseRow(Row(2, ("namn", "A"), ("personnummer", "195704289999"), ("anordnare", "5569999997")), _today, _providerIds, issues);
        ClientImport.ParseRow(Row(3, ("namn", "B"), ("personnummer", "194608239986"), ("anordnare", "556036-0793"), ("egen_arbetsgivare", "ja")), _today, _providerIds, issues);
        Client selfEmployer = ClientImport.ParseRow(Row(4, ("namn", "C"), ("personnummer", "200002292399"), ("egen_arbetsgivare", "JA")), _today, _providerIds, issues)!;

        Assert.Equal(
            [
                new ImportIssue(2, "anordnare", ImportCodes.ProviderNotFound, ["556999-9997"]),
                new ImportIssue(3, "anordnare", ImportCodes.SelfEmployerWithProvider, []),
            ],
            issues,
            IssueComparer.Instance);
        Assert.True(selfEmployer.IsSelfEmployer);
        Assert.Null(selfEmployer.ProviderId);
    }

    [Fact]
    public void The_smallest_file_is_name_and_personnummer()
    {
        ImportValidation<Client> result = Validate(["namn", "personnummer"], Line(2, "Anna Berg", "19570428-9999"));

        Assert.Empty(result.Issues);
        Client client = Assert.Single(result.Valid);
        Assert.Equal(("Anna Berg", "195704289999", Sex.Male, null, AssistanceBasis.Unknown), (client.Name, client.PersonalIdentityNumber, client.Sex, client.ProviderId, client.Basis));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_any_case()
    {
        ImportValidation<Client> result = Validate(
            [" Personnummer ", "GRUND", "Namn", "Tilltra\u0308de"],
            Line(2, "570428-9999", "SFB", "Anna Berg", "Nyckel i kodlåset"));

        Assert.Empty(result.Issues);
        Client client = Assert.Single(result.Valid);
        Assert.Equal(("Anna Berg", "195704289999", AssistanceBasis.Sfb, "Nyckel i kodlåset"), (client.Name, client.PersonalIdentityNumber, client.Basis, client.AccessNote));
    }

    [Fact]
    public void An_unknown_column_is_refused_naming_the_known_ones_and_no_row_is_checked()
    {
        ImportValidation<Client> result = Validate(["namn", "personnummer", "födelsedatum"], Line(2, "", "fel", "1957"));

        ImportIssue issue = Assert.Single(result.Issues);
        Assert.Equal((1, "födelsedatum", ImportCodes.UnknownColumn), (issue.Line, issue.Field, issue.Code));
        Assert.Equal(
            "namn, personnummer, adress, tillträde, anordnare, egen_arbetsgivare, beviljade_timmar, grund, behov, delegeringar, företrädare",
            Assert.Single(issue.Args));
        Assert.Empty(result.Valid);
    }

    [Fact]
    public void A_missing_or_repeated_column_is_refused()
    {
        ImportValidation<Client> result = Validate(["namn", "adress", "Namn"]);

        Assert.Equal(
            [new ImportIssue(1, "namn", ImportCodes.DuplicateColumn, []), new ImportIssue(1, "personnummer", ImportCodes.MissingColumn, [])],
            result.Issues,
            IssueComparer.Instance);
    }

    [Theory]
    [InlineData("namn,personnummer")]
    [InlineData("namn\tpersonnummer")]
    [InlineData("namn")]
    public void A_header_without_a_semicolon_says_the_file_must_be_semicolon_separated(string header)
    {
        ImportValidation<Client> result = Validate([header], Line(2, "Anna,195704289999"));

        Assert.Equal([new ImportIssue(1, "", ImportCodes.NoSemicolon, ["namn;personnummer"])], result.Issues, IssueComparer.Instance);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        ImportValidation<Client> result = Validate([]);

        Assert.Equal([new ImportIssue(1, "", ImportCodes.NoHeader, ["namn;personnummer"])], result.Issues, IssueComparer.Instance);
    }

    [Fact]
    public void Blank_rows_are_no_rows_and_a_value_outside_the_header_is_an_issue()
    {
        ImportValidation<Client> result = Validate(
            ["namn", "personnummer", ""],
            Line(2, "Anna Berg", "195704289999", ""),
            Line(3, "", " ", ""),
            Line(4, "Bo Ek", "194608239986", "", "extra"),
            Line(5, "Cia Holm", "200002292399", "kvar"));

        Assert.Equal(3, result.Rows);
        Assert.Equal(
            [new ImportIssue(4, "", ImportCodes.ValueWithoutColumn, ["4"]), new ImportIssue(5, "", ImportCodes.ValueWithoutColumn, ["3"])],
            result.Issues,
            IssueComparer.Instance);
    }

    [Fact]
    public void A_personnummer_twice_in_the_file_is_an_issue_on_every_later_row_naming_the_first()
    {
        ImportValidation<Client> result = Validate(
            ["namn", "personnummer"],
            Line(2, "Anna Berg", "570428-9999"),
            Line(3, "Bo Ek", "194608239986"),
            Line(4, "Anna B", "19570428-9999"),
            Line(5, "Anna", "195704289999"),
            Line(6, "", "5704289999"));

        Assert.Equal(
            [
                new ImportIssue(4, "personnummer", ImportCodes.DuplicateInFile, ["2"]),
                new ImportIssue(5, "personnummer", ImportCodes.DuplicateInFile, ["2"]),
                new ImportIssue(6, "namn", ImportCodes.Required, []),
                new ImportIssue(6, "personnummer", ImportCodes.DuplicateInFile, ["2"]),
            ],
            result.Issues,
            IssueComparer.Instance);
        Assert.Equal(["Anna Berg", "Bo Ek"], result.Valid.Select(c => c.Name));
    }

    [Fact]
    public void A_personnummer_already_registered_is_an_issue()
    {
        var existing = new Client { Id = 1, Name = "Anna Berg", PersonalIdentityNumber = "195704289999" };
        var request = new ImportRequest(["namn", "personnummer"], [Line(2, "Anna Berg", "570428-9999"), Line(3, "Bo Ek", "194608239986")], DryRun: false);

        ImportValidation<Client> result = ClientImport.Validate(request, _today, [_provider], [existing]);

        Assert.Equal([new ImportIssue(2, "personnummer", ImportCodes.DuplicateInRegister, [])], result.Issues, IssueComparer.Instance);
        Assert.Equal(["Bo Ek"], result.Valid.Select(c => c.Name));
    }

    [Fact]
    public void The_provider_is_found_by_organisationsnummer_in_any_written_form()
    {
        var stored = new Provider { Id = 3, Name = "X", OrganisationNumber = "556036-0793" };
        var request = new ImportRequest(
            ["namn", "personnummer", "anordnare"],
            [Line(2, "Anna Berg", "195704289999", "165560360793")],
            DryRun: false);

        ImportValidation<Client> result = ClientImport.Validate(request, _today, [stored], []);

        Assert.Empty(result.Issues);
        Assert.Equal(3, Assert.Single(result.Valid).ProviderId);
    }

    private static ImportValidation<Client> Validate(IReadOnlyList<string> columns, params ImportRow[] rows) =>
        ClientImport.Validate(new ImportRequest(columns, rows, DryRun: false), _today, [_provider], []);

    private static ImportRow Line(int line, params string[] values) => new(line, values);

    private static ImportFields Row(int line, params (string Column, string Value)[] values) =>
        new(line, values.ToDictionary(v => v.Column, v => v.Value));
}
