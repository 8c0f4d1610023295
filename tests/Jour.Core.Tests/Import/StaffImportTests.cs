using Jour.Core.Import;
using Jour.Core.Staff;

namespace Jour.Core.Tests.Import;

public sealed class StaffImportTests
{
    private static readonly string[] s_columns = ["namn", "telefon", "kompetenser", "timtak", "delegeringar"];

    private static readonly DateOnly s_today = new(2026, 11, 23);

    [Fact]
    public void Personnummer_AndEmploymentForm_AreRead_AndWrongOnesNamedAtTheirColumn()
    {
        string[] columns = ["namn", "telefon", "personnummer", "anställningsform"];
        ImportValidation<StandbyAssistant> result = Validate(
            columns,
            Line(2, "Eva Lind", "070-123 45 67", "121212+1212", "Tillsvidareanställd"),
            Line(3, "Per Ek", "070-222 33 44", "", ""),
            Line(4, "Ali Said", "070-333 44 55", "19121212-1213", "konsult"));

        Assert.Equal(2, result.Valid.Count);
        StandbyAssistant eva = result.Valid.Single(a => a.Name == "Eva Lind");
        Assert.Equal(("191212121212", EmploymentForm.Permanent), (eva.PersonalIdentityNumber, eva.EmploymentForm));
        StandbyAssistant per = result.Valid.Single(a => a.Name == "Per Ek");
        Assert.Equal(("", EmploymentForm.Hourly), (per.PersonalIdentityNumber, per.EmploymentForm));
        Assert.Equal([(4, "personnummer"), (4, "anställningsform")], result.Issues.Select(i => (i.Line, i.Field)));
        Assert.Equal(ImportCodes.OneOf, result.Issues.Single(i => i.Field == "anställningsform").Code);
    }

    [Fact]
    public void A_full_row_gives_competences_limit_and_delegations_valid_to_the_end_of_the_last_day()
    {
        ImportValidation<StandbyAssistant> result = Validate(s_columns, Line(2, "Eva Lind", "070-123 45 67", "Lyft, epilepsi", "37,5", "Insulin:SSK Berg:2026-01-01:2026-12-31"));

        StandbyAssistant a = Assert.Single(result.Valid);
        Assert.Equal(["Lyft", "epilepsi"], a.Competences);
        Assert.Equal(37.5m, a.WeeklyHourLimit);
        Delegation d = Assert.Single(a.Delegations);
        Assert.Equal(("Insulin", "SSK Berg"), (d.Task, d.IssuedBy));
        Assert.Equal(new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc), d.ValidFromUtc);
        Assert.Equal(new DateTime(2026, 12, 31, 23, 0, 0, DateTimeKind.Utc), d.ValidToUtc);
    }

    [Fact]
    public void Every_bad_value_is_named_with_its_row_and_nothing_is_valid()
    {
        ImportValidation<StandbyAssistant> result = Validate(
            s_columns,
            Line(2, "Eva Lind", "12", "", "", ""),
            Line(3, "Per Ek", "070-222 33 44", "", "många", "Insulin:SSK Berg:2026-12-31:2026-01-01"),
            Line(4, "Per Ek", "070-222 33 44", "", "", ""),
            Line(5, "", "070-333 44 55", "", "", ""));

        Assert.DoesNotContain(result.Valid, a => a.Name == "Eva Lind");
        Assert.Equal(
            [(2, "telefon"), (3, "timtak"), (3, "delegeringar"), (4, "namn"), (5, "namn")],
            result.Issues.Select(i => (i.Line, i.Field)));
        Assert.Equal(ImportCodes.DuplicateInFile, result.Issues.Single(i => i.Line == 4).Code);
    }

    [Fact]
    public void Someone_already_in_the_pool_is_reported_not_doubled()
    {
        var existing = new StandbyAssistant { Name = "Eva Lind", Phone = "0701234567" };

        ImportValidation<StandbyAssistant> result = StaffImport.Validate(
            new ImportRequest(["namn", "telefon"], [Line(2, "eva lind", "070-123 45 67")], DryRun: false), s_today, [existing]);

        Assert.Empty(result.Valid);
        Assert.Equal(ImportCodes.DuplicateInRegister, Assert.Single(result.Issues).Code);
    }

    private static ImportValidation<StandbyAssistant> Validate(IReadOnlyList<string> columns, params ImportRow[] rows) =>
        StaffImport.Validate(new ImportRequest(columns, rows, DryRun: false), s_today, []);

    private static ImportRow Line(int line, params string[] values) => new(line, values);
}
