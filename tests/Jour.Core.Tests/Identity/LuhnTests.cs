using Jour.Core.Identity;

namespace Jour.Core.Tests.Identity;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("570428999", 9)]
    [InlineData("556036079", 3)]
    [InlineData("121212121", 2)]
    [InlineData("000101122", 0)]
    [InlineData("000000000", 0)]
    public void CheckDigit(string nineDigits, int expected)
    {
        Assert.Equal(expected, Luhn.CheckDigit(nineDigits));
        Assert.True(Luhn.IsValid($"{nineDigits}{expected}"));
    }

    [Theory]
    [InlineData("5704289998")]
    [InlineData("570428999")]
    [InlineData("57042899999")]
    [InlineData("570428-999")]
    [InlineData("")]
    public void IsValid_is_false_for_wrong_digit_or_shape(string input)
    {
        Assert.False(Luhn.IsValid(input));
    }

    [Theory]
    [InlineData("57042899")]
    [InlineData("5704289999")]
    [InlineData("57042899X")]
    public void CheckDigit_needs_nine_digits(string input)
    {
        Assert.Throws<ArgumentException>(() => Luhn.CheckDigit(input));
    }
}
