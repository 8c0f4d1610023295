using Jour.Core.Contracts;
using Jour.Core.Import;
using Jour.Core.Staff;

namespace Jour.Core.Tests.Import;

public sealed class PaidHoursImportTests
{
    private static readonly string[] s_columns = ["assistent", "månad", "betalda_timmar", "timmar_andra_avtal"];

    private static readonly DateOnly s_today = new(2026, 11, 23);

    private static readonly StandbyAssistant[] s_pool =
    [
        new() { Id = 7, Name = "Eva Lind", PersonalIdentityNumber = "191212121212" },
        new() { Id = 8, Name = "Per Ek" },
        new() { Id = 9, Name = "Per Ek", PersonalIdentityNumber = "198112189876" },
    ];

    [Fact]
    public void AssistantsAreFoundByPersonnummerOrRegisterName_AndHoursReadWithCommaOrPoint()
    {
        ImportValidation<PaidHours> result = Validate(
            s_columns,
            Line(2, "19121212-1212", "2026-10", "162,5", "100"),
            Line(3, "eva  lind", "2026-11", "160.25", ""),
            Line(4, "811218-9876", "2026-10", "80", "0"));

        Assert.Empty(result.Issues);
        Assert.Equal(
            [("7:2026-10", 162.5m, 100m), ("7:2026-11", 160.25m, 0m), ("9:2026-10", 80m, 0m)],
            result.Valid.Select(p => (p.Id, p.Hours, p.OtherContractHours)));
        Assert.All(result.Valid, p => Assert.Equal((42L, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc)), (p.ImportedBy, p.ImportedUtc)));
    }

    [Fact]
    public void EveryBadValue_IsNamedWithItsRowAndColumn_AndAShareNameMustBeAPersonnummer()
    {
        ImportValidation<PaidHours> result = Validate(
            s_columns,
            Line(2, "Per Ek", "2026-10", "80", ""),
            Line(3, "Okänd Person", "2026-10", "80", ""),
            Line(4, "Eva Lind", "oktober", "80", ""),
            Line(5, "Eva Lind", "2026-10", "800", ""),
            Line(6, "Eva Lind", "2026-10", "80", "90"),
            Line(7, "Eva Lind", "2026-09", "", "x"),
            Line(8, "Eva Lind", "2026-08", "80", ""),
            Line(9, "191212121212", "2026-08", "70", ""));

        Assert.Equal(
            [
                (2, "assistent", ImportCodes.AssistantAmbiguous),
                (3, "assistent", ImportCodes.AssistantNotFound),
                (4, "månad", ImportCodes.MonthFormat),
                (5, "betalda_timmar", ImportCodes.MonthHours),
                (6, "timmar_andra_avtal", ImportCodes.OtherOverPaid),
                (7, "betalda_timmar", ImportCodes.Required),
                (7, "timmar_andra_avtal", ImportCodes.MonthHours),
                (9, "assistent", ImportCodes.DuplicateInFile),
            ],
            result.Issues.Select(i => (i.Line, i.Field, i.Code)));
        Assert.Equal("8", result.Issues[^1].Args[0]);
        Assert.Equal("7:2026-08", Assert.Single(result.Valid).Id);
    }

    [Fact]
    public void AFileWithoutTheRequiredColumns_IsRefusedAtTheHeader()
    {
        ImportValidation<PaidHours> result = Validate(["assistent", "timmar"], Line(2, "Eva Lind", "80"));

        Assert.Empty(result.Valid);
        Assert.All(result.Issues, i => Assert.Equal(1, i.Line));
        Assert.Contains(result.Issues, i => i.Field == "månad" && i.Code == ImportCodes.MissingColumn);
        Assert.Contains(result.Issues, i => i.Field == "timmar" && i.Code == ImportCodes.UnknownColumn);
    }

    private static ImportValidation<PaidHours> Validate(IReadOnlyList<string> columns, params ImportRow[] rows) =>
        PaidHoursImport.Validate(new ImportRequest(columns, rows, DryRun: false), s_today, s_pool, 42, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));

    private static ImportRow Line(int line, params string[] values) => new(line, values);
}
