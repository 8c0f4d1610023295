using Jour.Core.Identity;

namespace Jour.Core.Tests.Identity;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("5560360793")]
    [InlineData("556036-0793")]
    [InlineData("165560360793")]
    [InlineData("16556036-0793")]
    [InlineData("  556036-0793\t")]
    public void Accepted_forms(string input)
    {
        Assert.True(OrganisationNumber.TryParse(input, out OrganisationNumber number, out IdentityNumberError error));
        Assert.Equal(IdentityNumberError.None, error);
        Assert.Equal("5560360793", number.Value);
        Assert.Equal("556036-0793", number.Formatted);
        Assert.Equal("556036-0793", number.ToString());
    }

    [Theory]
    [InlineData(null, IdentityNumberError.Empty)]
    [InlineData(" ", IdentityNumberError.Empty)]
    [InlineData("5560360794", IdentityNumberError.Checksum)]
    [InlineData("556036-0794", IdentityNumberError.Checksum)]
    [InlineData("556036+0793", IdentityNumberError.Format)]
    [InlineData("55603-60793", IdentityNumberError.Format)]
    [InlineData("556036079", IdentityNumberError.Format)]
    [InlineData("175560360793", IdentityNumberError.Format)] // only the "16" prefix
    [InlineData("195560360793", IdentityNumberError.Format)]
    [InlineData("55603607 93", IdentityNumberError.Format)]
    [InlineData("5704289999", IdentityNumberError.Format)] // a personnummer: third digit below 2
    [InlineData("570428-9999", IdentityNumberError.Format)]
    public void Refused(string? input, IdentityNumberError expected)
    {
        Assert.False(OrganisationNumber.TryParse(input, out OrganisationNumber number, out IdentityNumberError error));
        Assert.Equal(expected, error);
        Assert.Equal(default, number);
        Assert.Equal(string.Empty, number.Value);
    }
}
