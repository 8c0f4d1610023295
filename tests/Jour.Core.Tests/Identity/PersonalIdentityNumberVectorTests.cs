using Jour.Core.Identity;

namespace Jour.Core.Tests.Identity;

/// <summary>
/// Every vector of the personnummer/meta conformance data (shared/testdata/personnummer), every written form.
/// </summary>
public sealed class PersonalIdentityNumberVectorTests
{
    /// <summary>
    /// A fixed "today", never the clock: the century of a short form (and whether a date is in the future)
    /// depends on today, and the vectors were made for a today around 2024–2026. A fixed date keeps the
    /// expectations true whenever the tests run.
    /// </summary>
    private static readonly DateOnly _today = new(2026, 11, 23);

    public static TheoryData<int, string, string, bool, string, bool, bool, string> ListForms()
    {
        var data = new TheoryData<int, string, string, bool, string, bool, bool, string>();
        foreach (IdentityVector v in PersonnummerTestData.List())
        {
            foreach ((string field, string input) in v.Forms())
            {
                data.Add(v.Index, field, input, v.Valid, v.Type, v.IsMale!.Value, v.IsFemale!.Value, v.LongFormat!);
            }
        }

        return data;
    }

    public static TheoryData<string, string, bool, int, string> StructuredEntries()
    {
        var data = new TheoryData<string, string, bool, int, string>();
        foreach ((string type, string kind, bool valid, int index, string input) in PersonnummerTestData.Structured())
        {
            data.Add(type, kind, valid, index, input);
        }

        return data;
    }

    public static TheoryData<int, string, string, bool> InterimForms()
    {
        var data = new TheoryData<int, string, string, bool>();
        foreach (IdentityVector v in PersonnummerTestData.Interim())
        {
            foreach ((string field, string input) in v.Forms())
            {
                data.Add(v.Index, field, input, v.Valid);
            }
        }

        return data;
    }

    public static TheoryData<int, string, string, bool, string, string> OrgNumberForms()
    {
        var data = new TheoryData<int, string, string, bool, string, string>();
        foreach (IdentityVector v in PersonnummerTestData.OrgNumbers())
        {
            foreach ((string field, string input) in v.Forms())
            {
                data.Add(v.Index, field, input, v.Valid, v.ShortFormat, v.SeparatedFormat);
            }
        }

        return data;
    }

    [Fact]
    public void All_vector_files_are_found_and_complete()
    {
        Assert.Equal(14, PersonnummerTestData.List().Count);
        Assert.Equal(12, PersonnummerTestData.Interim().Count);
        Assert.Equal(6, PersonnummerTestData.OrgNumbers().Count);
        Assert.Equal(69, PersonnummerTestData.Structured().Count);
    }

    [Theory]
    [MemberData(nameof(ListForms))]
    public void List_vector_is_accepted_exactly_when_valid(
        int index, string field, string input, bool valid, string type, bool isMale, bool isFemale, string longFormat)
    {
        Assert.True(type is "ssn" or "con", $"unknown type {type} in list.json #{index}");
        Assert.NotEqual(isMale, isFemale);

        bool accepted = PersonalIdentityNumber.TryParse(input, _today, out PersonalIdentityNumber number, out IdentityNumberError error);

        Assert.Equal(valid, accepted);
        if (!valid)
        {
            Assert.NotEqual(IdentityNumberError.None, error);
            Assert.Equal(default, number);
            return;
        }

        Assert.Equal(IdentityNumberError.None, error);
        Assert.Equal(type == "con", number.IsCoordinationNumber);
        Assert.Equal(isFemale, number.IsFemale);
        Assert.Equal(isMale, !number.IsFemale);

        // A short form without "+" gets the latest century that is not in the future, so "0905271474"
        // is 2009 even though the vector's long form is 1909: only the last ten digits must agree.
        if (field == "short_format")
        {
            Assert.Equal(longFormat[2..], number.Value[2..]);
        }
        else
        {
            Assert.Equal(longFormat, number.Value);
            Assert.Equal($"{longFormat[..8]}-{longFormat[8..]}", number.Formatted);
        }

        int day = int.Parse(longFormat.AsSpan(6, 2), provider: null) - (type == "con" ? 60 : 0);
        Assert.Equal(int.Parse(longFormat.AsSpan(4, 2), provider: null), number.BirthDate.Month);
        Assert.Equal(day, number.BirthDate.Day);
    }

    [Theory]
    [MemberData(nameof(StructuredEntries))]
    public void Structured_entry_is_accepted_exactly_when_valid(string type, string kind, bool valid, int index, string input)
    {
        bool accepted = PersonalIdentityNumber.TryParse(input, _today, out PersonalIdentityNumber number, out IdentityNumberError error);

        Assert.True(valid == accepted, $"{type}/{kind}/{(valid ? "valid" : "invalid")}[{index}] \"{input}\": accepted={accepted}, error={error}");
        if (accepted)
        {
            Assert.Equal(type == "con", number.IsCoordinationNumber);
        }
        else
        {
            Assert.NotEqual(IdentityNumberError.None, error);
        }
    }

    /// <summary>
    /// We do not accept interim numbers. A well-formed one (the vector's <c>valid</c>) is refused with its own
    /// error, <see cref="IdentityNumberError.Interim"/>, so the user is told why; a malformed one (E is not an
    /// interim letter, and its check digit is wrong too) is refused as a plain format error.
    /// </summary>
    [Theory]
    [MemberData(nameof(InterimForms))]
    public void Interim_vector_is_refused(int index, string field, string input, bool validInterim)
    {
        bool accepted = PersonalIdentityNumber.TryParse(input, _today, out PersonalIdentityNumber number, out IdentityNumberError error);

        Assert.False(accepted, $"interim.json #{index} {field} \"{input}\" was accepted");
        Assert.Equal(default, number);
        if (validInterim)
        {
            Assert.Equal(IdentityNumberError.Interim, error);
        }
        else
        {
            Assert.Equal(IdentityNumberError.Format, error);
        }
    }

    [Theory]
    [MemberData(nameof(OrgNumberForms))]
    public void OrgNumber_vector_is_not_a_personnummer_but_is_an_organisation_number(
        int index, string field, string input, bool validPersonnummer, string shortFormat, string separatedFormat)
    {
        bool accepted = PersonalIdentityNumber.TryParse(input, _today, out _, out IdentityNumberError pnrError);
        Assert.Equal(validPersonnummer, accepted);
        Assert.False(accepted, $"orgnumber.json #{index} {field} \"{input}\" accepted as personnummer");
        Assert.Equal(IdentityNumberError.Date, pnrError); // the "month" of an organisationsnummer is 20 or more

        Assert.True(OrganisationNumber.TryParse(input, out OrganisationNumber org, out IdentityNumberError orgError), $"{input}: {orgError}");
        Assert.Equal(IdentityNumberError.None, orgError);
        Assert.Equal(shortFormat, org.Value);
        Assert.Equal(separatedFormat, org.Formatted);
    }

    /// <summary>The vectors only say "invalid"; these are the reasons, checked by hand.</summary>
    [Theory]
    [InlineData("201509160006", IdentityNumberError.Format)] // Luhn is right, but serial 000 is never issued (SCB: 001–999)
    [InlineData("197004289895", IdentityNumberError.Checksum)]
    [InlineData("196004309886", IdentityNumberError.Checksum)]
    [InlineData("194205669899", IdentityNumberError.Checksum)]
    [InlineData("197210869924", IdentityNumberError.Checksum)]
    [InlineData("19090527 1474", IdentityNumberError.Format)] // a space is not a separator
    [InlineData("090527 1474", IdentityNumberError.Format)]
    public void Invalid_list_vectors_fail_for_the_expected_reason(string input, IdentityNumberError expected)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, _today, out _, out IdentityNumberError error));
        Assert.Equal(expected, error);
    }
}
