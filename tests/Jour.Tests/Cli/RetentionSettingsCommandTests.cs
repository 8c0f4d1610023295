using System.Globalization;
using Jour.Cli;
using Jour.Core.Retention;

namespace Jour.Tests.Cli;

/// <summary>The retention keys of `jour settings --set`: read in English or Swedish, refused in Swedish.</summary>
[Collection(nameof(CommandLineCollection))]
public sealed class RetentionSettingsCommandTests : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public RetentionSettingsCommandTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _ui;

    [Fact]
    public void Parse_EachKey_OnlyWhatIsGivenChanges()
    {
        Assert.Equal(new SaveRetentionSettings(OperatorKind.Private, null, null), RetentionSettingsCommand.Parse(["operator-kind=privat"]));
        Assert.Equal(new SaveRetentionSettings(OperatorKind.Municipal, false, 7), RetentionSettingsCommand.Parse(["operator-kind=municipal", "keep-research-sample=no", "access-log-years=7"]));
        Assert.True(RetentionSettingsCommand.IsRetentionKey("Operator-Kind=private"));
        Assert.False(RetentionSettingsCommand.IsRetentionKey("supplier=Leanlink"));
    }

    [Theory]
    [InlineData("operator-kind=kooperativ", "Fel: Verksamheten ska vara \"municipal\" (kommunal) eller \"private\" (privat), inte \"kooperativ\".")]
    [InlineData("access-log-years=fem", "Fel: Åtkomstloggen ska sparas 1–50 år, inte \"fem\".")]
    [InlineData("keep-research-sample=kanske", "Fel: \"kanske\": skriv yes eller no.")]
    public void Parse_ABadValue_IsRefusedInSwedish(string set, string expected)
    {
        var refused = Assert.Throws<CliException>(() => RetentionSettingsCommand.Parse([set]));

        Assert.Equal(expected, refused.Message);
    }
}
