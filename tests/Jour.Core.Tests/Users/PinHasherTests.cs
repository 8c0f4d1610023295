using Jour.Core.Users;

namespace Jour.Core.Tests.Users;

public class PinHasherTests
{
    [Fact]
    public void Verify_RightAndWrongPin()
    {
        string hash = PinHasher.Hash("4711", iterations: 1_000);

        Assert.True(PinHasher.Verify("4711", hash));
        Assert.False(PinHasher.Verify("4712", hash));
        Assert.False(PinHasher.Verify("4711", "garbage"));
    }

    [Fact]
    public void Hash_SaltsEachTime_AndUsesOwaspIterationsByDefault()
    {
        string a = PinHasher.Hash("1234");
        string b = PinHasher.Hash("1234");

        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$600000$", a, StringComparison.Ordinal);
    }
}
