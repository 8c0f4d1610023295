using System.Globalization;
using Jour.Core.Identity;

namespace Jour.Core.Tests.Identity;

public sealed class PersonalIdentityNumberTests
{
    /// <summary>
    /// A fixed "today", never the clock: the century of a short form and the Future check depend on it,
    /// and the expectations below (e.g. which century "261124" falls in) are only true for this date.
    /// </summary>
    private static readonly DateOnly _today = new(2026, 11, 23);

    private static PersonalIdentityNumber Parse(string input) => PersonalIdentityNumber.Parse(input, _today);

    private static IdentityNumberError ErrorOf(string? input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, _today, out PersonalIdentityNumber number, out IdentityNumberError error), $"\"{input}\" was accepted");
        Assert.Equal(default, number);
        return error;
    }

    private static string ShortSeparated(PersonalIdentityNumber number, char separator) =>
        $"{number.Value[2..8]}{separator}{number.Value[8..]}";

    [Fact]
    public void Formatted_and_masked()
    {
        PersonalIdentityNumber number = Parse("570428-9999");

        Assert.Equal("195704289999", number.Value);
        Assert.Equal("19570428-9999", number.Formatted);
        Assert.Equal("19570428-****", number.Masked);
        Assert.Equal(new DateOnly(1957, 4, 28), number.BirthDate);
        Assert.False(number.IsCoordinationNumber);
        Assert.False(number.IsFemale);
    }

    [Fact]
    public void ToString_is_masked_so_the_number_does_not_leak_into_logs()
    {
        PersonalIdentityNumber number = Parse("19570428-9999");

        Assert.Equal("19570428-****", number.ToString());
        Assert.Equal("19570428-****", $"{number}");
        Assert.DoesNotContain("9999", number.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_value_is_empty_rather_than_null()
    {
        PersonalIdentityNumber number = default;

        Assert.Equal(string.Empty, number.Value);
        Assert.Equal(string.Empty, number.Formatted);
        Assert.Equal(string.Empty, number.Masked);
        Assert.Equal(string.Empty, number.ToString());
        Assert.False(number.IsFemale);
    }

    [Theory]
    [InlineData("195704289999")]
    [InlineData("5704289999")]
    [InlineData("570428-9999")]
    [InlineData("19570428-9999")]
    [InlineData("  19570428-9999\n")]
    [InlineData("\t570428-9999 ")]
    public void All_accepted_forms_give_the_same_number(string input)
    {
        Assert.Equal(Parse("195704289999"), Parse(input));
    }

    [Fact]
    public void Create_round_trips_through_TryParse_for_random_dates()
    {
        var random = new Random(20261123);
        var first = new DateOnly(1875, 1, 1);
        int span = _today.DayNumber - first.DayNumber;
        DateOnly hundredYearsAgo = _today.AddYears(-100);

        for (int i = 0; i < 1000; i++)
        {
            DateOnly birthDate = first.AddDays(random.Next(0, span + 1));
            int serial = random.Next(1, 1000);
            bool coordination = random.Next(2) == 1;
            string context = $"case {i}: {birthDate:yyyy-MM-dd} serial {serial} coordination {coordination}";

            PersonalIdentityNumber created = PersonalIdentityNumber.Create(birthDate, serial, coordination);

            Assert.Equal(12, created.Value.Length);
            Assert.True(Luhn.IsValid(created.Value.AsSpan(2)), context);
            Assert.Equal(birthDate, created.BirthDate);
            Assert.Equal(coordination, created.IsCoordinationNumber);
            Assert.Equal(serial % 2 == 0, created.IsFemale);
            Assert.Equal(serial, int.Parse(created.Value.AsSpan(8, 3), CultureInfo.InvariantCulture));
            Assert.Equal($"{created.Value[..8]}-****", created.Masked);

            // "+" exactly from the 100th birthday on.
            char separator = birthDate > hundredYearsAgo ? '-' : '+';
            foreach (string form in new[] { created.Value, created.Formatted, ShortSeparated(created, separator) })
            {
                bool accepted = PersonalIdentityNumber.TryParse(form, _today, out PersonalIdentityNumber parsed, out IdentityNumberError error);
                Assert.True(accepted, $"{context}: \"{form}\" refused with {error}");
                Assert.Equal(created, parsed);
            }
        }
    }

    [Theory]
    [InlineData("090527+1474", "1909-05-27")] // "+": 100 or older
    [InlineData("19090527+1474", "1909-05-27")] // "+" is allowed, though redundant, in the long form
    [InlineData("090527-1474", "2009-05-27")]
    [InlineData("0905271474", "2009-05-27")] // no separator reads as "-"
    [InlineData("000229-2399", "2000-02-29")]
    public void Century_of_short_forms_follows_the_separator(string input, string expectedBirthDate)
    {
        Assert.Equal(DateOnly.Parse(expectedBirthDate, CultureInfo.InvariantCulture), Parse(input).BirthDate);
    }

    [Fact]
    public void Century_is_the_latest_that_is_not_after_today()
    {
        // Today is 2026-11-23: 261123 is today (a newborn), 261124 would be tomorrow so it is 1926.
        PersonalIdentityNumber bornToday = PersonalIdentityNumber.Create(_today, 2);
        PersonalIdentityNumber bornTomorrowHundredYearsAgo = PersonalIdentityNumber.Create(new DateOnly(1926, 11, 24), 2);
        PersonalIdentityNumber hundredToday = PersonalIdentityNumber.Create(new DateOnly(1926, 11, 23), 2);

        Assert.Equal(new DateOnly(2026, 11, 23), Parse(ShortSeparated(bornToday, '-')).BirthDate);
        Assert.Equal(new DateOnly(1926, 11, 24), Parse(ShortSeparated(bornTomorrowHundredYearsAgo, '-')).BirthDate);
        Assert.Equal(new DateOnly(1826, 11, 24), Parse(ShortSeparated(bornTomorrowHundredYearsAgo, '+')).BirthDate);

        // Same ten digits as bornToday: the separator alone tells a newborn from someone turning 100.
        Assert.Equal(bornToday.Value[2..], hundredToday.Value[2..]);
        Assert.Equal(new DateOnly(1926, 11, 23), Parse(ShortSeparated(hundredToday, '+')).BirthDate);
    }

    [Fact]
    public void Century_uses_the_real_day_of_a_coordination_number()
    {
        // 261180 is 20 November (before today) and 261190 is 30 November (after today).
        PersonalIdentityNumber november20 = PersonalIdentityNumber.Create(new DateOnly(2026, 11, 20), 3, coordination: true);
        PersonalIdentityNumber november30 = PersonalIdentityNumber.Create(new DateOnly(1926, 11, 30), 3, coordination: true);

        Assert.Equal(new DateOnly(2026, 11, 20), Parse(ShortSeparated(november20, '-')).BirthDate);
        Assert.Equal(new DateOnly(1926, 11, 30), Parse(ShortSeparated(november30, '-')).BirthDate);
    }

    [Theory]
    [InlineData("730288-9931", "1973-02-28", "197302889931")]
    [InlineData("20210791-9967", "2021-07-31", "202107919967")]
    public void Coordination_number_keeps_day_plus_60_but_reports_the_real_birth_date(string input, string birthDate, string value)
    {
        PersonalIdentityNumber number = Parse(input);

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), number.BirthDate);
        Assert.Equal(value, number.Value);
        Assert.Equal($"{value[..8]}-{value[8..]}", number.Formatted);
        Assert.Equal($"{value[..8]}-****", number.Masked);
    }

    [Fact]
    public void Coordination_number_on_a_leap_day()
    {
        PersonalIdentityNumber created = PersonalIdentityNumber.Create(new DateOnly(2000, 2, 29), 5, coordination: true);

        Assert.StartsWith("20000289", created.Value, StringComparison.Ordinal);
        Assert.Equal(created, Parse(created.Formatted));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Nothing_entered_is_Empty(string? input)
    {
        Assert.Equal(IdentityNumberError.Empty, ErrorOf(input));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("570428999")] // nine digits
    [InlineData("57042899991")] // eleven digits
    [InlineData("1957042899991")] // thirteen digits
    [InlineData("570428-999")]
    [InlineData("570428--9999")]
    [InlineData("570428_9999")]
    [InlineData("570428/9999")]
    [InlineData("5704-289999")]
    [InlineData("570428 - 9999")]
    [InlineData("19570428 9999")]
    [InlineData("570428-9999 x")]
    [InlineData("５７０４２８-９９９９")] // full-width digits
    [InlineData("570428-999X")]
    [InlineData("20150916-0006")] // serial 000 is never issued, although the Luhn digit is right
    public void Malformed_input_is_Format(string input)
    {
        Assert.Equal(IdentityNumberError.Format, ErrorOf(input));
    }

    [Theory]
    [InlineData("571328-9999")] // month 13
    [InlineData("570028-9999")] // month 0
    [InlineData("570400-9999")] // day 0
    [InlineData("570431-9999")] // 31 April
    [InlineData("570230-9999")] // 30 February
    [InlineData("570229-9999")] // 29 February 1957
    [InlineData("000229+2399")] // 29 February 1900 (not a leap year)
    [InlineData("570432-9999")] // day 32
    [InlineData("570460-9999")] // coordination day 0
    [InlineData("570492-9999")] // coordination day 32
    [InlineData("570289-9999")] // coordination 29 February 1957
    [InlineData("00000101-1234")] // year 0
    public void Impossible_date_is_Date(string input)
    {
        Assert.Equal(IdentityNumberError.Date, ErrorOf(input));
    }

    [Fact]
    public void Birth_date_after_today_is_Future()
    {
        PersonalIdentityNumber tomorrow = PersonalIdentityNumber.Create(_today.AddDays(1), 2);
        PersonalIdentityNumber today = PersonalIdentityNumber.Create(_today, 2);

        Assert.Equal(IdentityNumberError.Future, ErrorOf(tomorrow.Value));
        Assert.Equal(IdentityNumberError.Future, ErrorOf(tomorrow.Formatted));
        Assert.Equal(today, Parse(today.Formatted));
    }

    [Theory]
    [InlineData("570428-9998")]
    [InlineData("19570428-9990")]
    [InlineData("7302889932")]
    public void Wrong_check_digit_is_Checksum(string input)
    {
        Assert.Equal(IdentityNumberError.Checksum, ErrorOf(input));
    }

    [Theory]
    [InlineData("20000101-T220")]
    [InlineData("20000101T220")]
    [InlineData("000101-T220")]
    [InlineData("000101X220")]
    [InlineData("20000101-t220")] // lower case is still an interim number
    public void Interim_numbers_are_refused_with_their_own_error(string input)
    {
        Assert.Equal(IdentityNumberError.Interim, ErrorOf(input));
        Assert.Equal("Pnr_Interim", PersonalIdentityNumber.ErrorMessageKey(IdentityNumberError.Interim));
    }

    [Theory]
    [InlineData("20000101-T221", IdentityNumberError.Checksum)] // interim letter, wrong check digit
    [InlineData("20000101-E220", IdentityNumberError.Format)] // E is not an interim letter
    [InlineData("20000101-2T20", IdentityNumberError.Format)] // a letter only ever replaces the first serial digit
    [InlineData("20001301-T220", IdentityNumberError.Date)]
    public void Malformed_interim_numbers_get_the_underlying_error(string input, IdentityNumberError expected)
    {
        Assert.Equal(expected, ErrorOf(input));
    }

    [Fact]
    public void Parse_throws_FormatException_named_after_the_error()
    {
        var exception = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("570428-9998", _today));

        Assert.Equal(nameof(IdentityNumberError.Checksum), exception.Message);
        Assert.Equal(
            nameof(IdentityNumberError.Interim),
            Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("000101-T220", _today)).Message);
    }

    [Fact]
    public void ErrorMessageKey_is_Pnr_and_the_error_name()
    {
        foreach (IdentityNumberError error in Enum.GetValues<IdentityNumberError>())
        {
            Assert.Equal($"Pnr_{error}", PersonalIdentityNumber.ErrorMessageKey(error));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalIdentityNumber.ErrorMessageKey((IdentityNumberError)99));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Create_refuses_serials_outside_1_to_999(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalIdentityNumber.Create(new DateOnly(1990, 1, 1), serial));
    }

    [Fact]
    public void Create_computes_the_check_digit()
    {
        Assert.Equal("195704289999", PersonalIdentityNumber.Create(new DateOnly(1957, 4, 28), 999).Value);
        Assert.Equal("197302889931", PersonalIdentityNumber.Create(new DateOnly(1973, 2, 28), 993, coordination: true).Value);
        Assert.True(PersonalIdentityNumber.Create(new DateOnly(1946, 8, 23), 998).IsFemale);
    }
}
