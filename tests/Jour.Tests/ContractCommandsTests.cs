using System.Globalization;
using System.Text.Json;
using Jour.Cli;
using Jour.Core.Contracts;

namespace Jour.Tests;

/// <summary>`jour contract add|list|extend`: what is read from the options, what is refused by name, what is written.</summary>
public sealed class ContractCommandsTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public ContractCommandsTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }

    private static DateOnly D(string day) => Contract.ParseDate(day)!.Value;

    [Fact]
    public void ParseAdd_Seed000_ReadsEveryField()
    {
        AddContract r = ContractCommands.ParseAdd(
            "2020-05-11", "2020-12-31", "1 787 000", null, null, "65", ["343600:2020-03-16:2020-06-05:Fritidsverksamheterna: oanvända medel"], "3500", "2", null);

        Assert.Equal((D("2020-05-11"), (DateOnly?)D("2020-12-31")), (r.From, r.To));
        Assert.Equal((1_787_000m, (decimal?)null, 65m, 3_500m, 2, 2), (r.AnnualKr!.Value, r.LumpSumKr, r.UtilisationPercent, r.CapacityHoursPerYear, r.MonthsPerExtension!.Value, r.NoticeWeeks));
        DeductionData d = Assert.Single(r.Deductions!);
        Assert.Equal(new DeductionData(343_600m, D("2020-03-16"), D("2020-06-05"), "Fritidsverksamheterna: oanvända medel"), d);

        AddContract lump = ContractCommands.ParseAdd("2022-01-01", "2022-12-31", null, null, "760000,00", null, [], null, null, "4");
        Assert.Equal((null, 760_000m, 0m, 4), (lump.AnnualKr, lump.LumpSumKr!.Value, lump.UtilisationPercent, lump.NoticeWeeks));
        Assert.Equal(2021, ContractCommands.ParseAdd("2021-01-01", "2021-12-31", "1814000", "2021", null, "65 %", [], null, null, null).PriceLevel);
    }

    [Theory]
    [InlineData(null, "2020-12-31", "1787000", null, null, "Fel: --from saknas")]
    [InlineData("2020-05-11", null, "1787000", null, null, "Fel: --to saknas")]
    [InlineData("11/5 2020", "2020-12-31", "1787000", null, null, "Fel: --from: \"11/5 2020\" är inget datum")]
    [InlineData("2020-05-11", "2020-12-31", "mycket", null, null, "Fel: --annual: \"mycket\" är inget belopp")]
    [InlineData("2020-05-11", "2020-12-31", "1787000", null, "760000", "Fel: Ange ersättningen med antingen --annual KR eller --lump-sum KR")]
    [InlineData("2020-05-11", "2020-12-31", null, null, null, "Fel: Ange ersättningen med antingen --annual KR eller --lump-sum KR")]
    [InlineData("2020-05-11", "2020-12-31", "1787000", "tjugotjugo", null, "Fel: --price-level: \"tjugotjugo\" är inget heltal")]
    public void ParseAdd_BadInput_IsRefusedInSwedish_NamingTheField(string? from, string? to, string? annual, string? level, string? lump, string expected)
    {
        var refused = Assert.Throws<CliException>(() => ContractCommands.ParseAdd(from, to, annual, level, lump, null, [], null, null, null));
        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("343600:2020-03-16:2020-06-05")]
    [InlineData("343600:2020-03-16:2020-06-05: ")]
    public void Deduction_WithoutItsFourParts_IsRefusedWithTheFormat(string text)
    {
        var refused = Assert.Throws<CliException>(() => ContractCommands.Deduction(text));
        Assert.Contains("ska skrivas KR:FRÅN:TILL:SKÄL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExtend_TakesADateOrUntilFurtherNotice_NotBoth()
    {
        Assert.Equal(new ExtendContract(3, null, false), ContractCommands.ParseExtend("3", null, false));
        Assert.Equal(new ExtendContract(3, D("2022-12-31"), false), ContractCommands.ParseExtend("3", "2022-12-31", false));
        Assert.Equal(new ExtendContract(3, null, true), ContractCommands.ParseExtend("3", null, true));
        Assert.Throws<CliException>(() => ContractCommands.ParseExtend("3", "2022-12-31", true));
        Assert.StartsWith("Fel: ID: \"tre\" är inget heltal", Assert.Throws<CliException>(() => ContractCommands.ParseExtend("tre", null, false)).Message, StringComparison.Ordinal);
    }

    private static readonly ContractData[] s_contracts =
    [
        new(1, D("2020-05-11"), D("2020-12-31"), 1_787_000m, null, null, 65m, 0m, [new DeductionData(343_600m, D("2020-03-16"), D("2020-06-05"), "Fritidsverksamheterna")], 2, 2, 1_787_000m, 281_850m, []),
        new(2, D("2022-01-01"), null, null, null, 760_000m, 0m, 0m, [], null, 2, 760_000m, 760_000m, []),
    ];

    [Fact]
    public void Json_IsAListWithTheIssuesKeys_KronorAsNumbers_AnOpenEndAsNull()
    {
        using JsonDocument json = JsonDocument.Parse(ContractCommands.Json(s_contracts));
        JsonElement first = json.RootElement[0];
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("2020-05-11", first.GetProperty("from").GetString());
        Assert.Equal("2020-12-31", first.GetProperty("to").GetString());
        Assert.Equal(1_787_000m, first.GetProperty("annual_kr").GetDecimal());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("lump_sum_kr").ValueKind);
        Assert.Equal(65m, first.GetProperty("utilisation_percent").GetDecimal());
        Assert.Equal(281_850m, first.GetProperty("net_annual_kr").GetDecimal());
        JsonElement deduction = first.GetProperty("deductions")[0];
        Assert.Equal((343_600m, "2020-03-16", "2020-06-05", "Fritidsverksamheterna"), (deduction.GetProperty("amount_kr").GetDecimal(), deduction.GetProperty("from").GetString(), deduction.GetProperty("to").GetString(), deduction.GetProperty("reason").GetString()));

        JsonElement second = json.RootElement[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("to").ValueKind);
        Assert.Equal(760_000m, second.GetProperty("lump_sum_kr").GetDecimal());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("annual_kr").ValueKind);
        Assert.Equal(0, second.GetProperty("deductions").GetArrayLength());
        Assert.Equal("[]\n", ContractCommands.Json([]));
    }

    [Fact]
    public void Text_LabelsEveryFigure_InSwedishNumbers()
    {
        string text = ContractCommands.Text(s_contracts);
        Assert.Contains("Avtal 1: 2020-05-11 – 2020-12-31", text, StringComparison.Ordinal);
        Assert.Contains("  Ersättning per helår:       1\u00a0787\u00a0000 kr\n", text, StringComparison.Ordinal);
        Assert.Contains("  Förväntad nyttjandegrad:    65 %\n", text, StringComparison.Ordinal);
        Assert.Contains("  Avdrag:                     343\u00a0600 kr för 2020-03-16 – 2020-06-05: Fritidsverksamheterna\n", text, StringComparison.Ordinal);
        Assert.Contains("  Netto per helår:            281\u00a0850 kr\n", text, StringComparison.Ordinal);
        Assert.Contains("  Förlängning:                2 månader i taget, 2 veckors varsel\n", text, StringComparison.Ordinal);
        Assert.Contains("Avtal 2: 2022-01-01 – tills vidare", text, StringComparison.Ordinal);
        Assert.Contains("  Ersättning för perioden:    760\u00a0000 kr (per helår 760\u00a0000 kr)\n", text, StringComparison.Ordinal);
        Assert.StartsWith("Inga avtal är inlagda.", ContractCommands.Text([]), StringComparison.Ordinal);
    }
}
