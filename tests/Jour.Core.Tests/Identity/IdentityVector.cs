namespace Jour.Core.Tests.Identity;

/// <summary>One entry of list.json, interim.json or orgnumber.json (personnummer/meta test data).</summary>
internal sealed record IdentityVector(
    int Index,
    long Integer,
    string? LongFormat,
    string ShortFormat,
    string SeparatedFormat,
    string? SeparatedLong,
    bool Valid,
    string Type,
    bool? IsMale,
    bool? IsFemale)
{
    /// <summary>Every written form of the number, named as in the file; the integer only where it is not 0.</summary>
    public IEnumerable<(string Field, string Input)> Forms()
    {
        if (LongFormat is not null)
        {
            yield return ("long_format", LongFormat);
        }

        yield return ("short_format", ShortFormat);
        yield return ("separated_format", SeparatedFormat);
        if (SeparatedLong is not null)
        {
            yield return ("separated_long", SeparatedLong);
        }

        if (Integer != 0)
        {
            yield return ("integer", Integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
