using System.Globalization;

namespace Jour.Core.Identity;

/// <summary>
/// A validated Swedish personnummer or samordningsnummer, stored as twelve digits YYYYMMDDNNNC.
/// Interim numbers (a letter in place of the first serial digit) are refused.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> returns <see cref="Masked"/> so that a number never reaches a log by accident;
/// use <see cref="Value"/> or <see cref="Formatted"/> where the full number is really needed.
/// </remarks>
public readonly record struct PersonalIdentityNumber
{
    /// <summary>The letters Skatteverket uses in interim numbers, in place of the first serial digit.</summary>
    private const string InterimLetters = "TRSUWXJKLMN";

    private readonly string? _value;
    private readonly DateOnly _birthDate;
    private readonly bool _isCoordinationNumber;

    private PersonalIdentityNumber(string value, DateOnly birthDate, bool isCoordinationNumber)
    {
        _value = value;
        _birthDate = birthDate;
        _isCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>
    /// Twelve digits YYYYMMDDNNNC, e.g. "195704289999". The day is not adjusted: a samordningsnummer keeps its +60.
    /// Empty for the default value.
    /// </summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is a samordningsnummer (day of month + 60).</summary>
    public bool IsCoordinationNumber => _isCoordinationNumber;

    /// <summary>The real birth date (for a samordningsnummer the day minus 60).</summary>
    public DateOnly BirthDate => _birthDate;

    /// <summary>Whether the second-to-last digit is even (women have even, men odd serial numbers).</summary>
    public bool IsFemale => _value is not null && (_value[10] - '0') % 2 == 0;

    /// <summary>The full number with a hyphen, e.g. "19570428-9999". Empty for the default value.</summary>
    public string Formatted => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 8), "-", _value.AsSpan(8));

    /// <summary>The birth date part with the last four digits hidden, e.g. "19570428-****". Empty for the default value.</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 8), "-****");

    /// <summary>
    /// Parses a personnummer or samordningsnummer: twelve (YYYYMMDDNNNC) or ten (YYMMDDNNNC) digits, with or
    /// without a "-" or "+" before the last four, surrounding whitespace ignored. "+" means the person is 100 or
    /// older. A ten-digit number gets the latest century that does not put the birth date after
    /// <paramref name="today"/>, and one century less with "+".
    /// </summary>
    /// <param name="input">What the user typed.</param>
    /// <param name="today">Today's date in Sweden; decides the century of short forms and what is in the future.</param>
    /// <param name="number">The number when accepted, otherwise the default value.</param>
    /// <param name="error"><see cref="IdentityNumberError.None"/> when accepted, otherwise why not.</param>
    /// <returns>Whether the number was accepted.</returns>
    public static bool TryParse(string? input, DateOnly today, out PersonalIdentityNumber number, out IdentityNumberError error)
    {
        number = default;
        error = Validate(input, today, out string value, out DateOnly birthDate, out bool coordination);
        if (error != IdentityNumberError.None)
        {
            return false;
        }

        number = new PersonalIdentityNumber(value, birthDate, coordination);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws when the number is refused.</summary>
    /// <exception cref="FormatException">The number is refused; the message is the <see cref="IdentityNumberError"/> name.</exception>
    public static PersonalIdentityNumber Parse(string input, DateOnly today)
    {
        if (!TryParse(input, today, out PersonalIdentityNumber number, out IdentityNumberError error))
        {
            throw new FormatException(error.ToString());
        }

        return number;
    }

    /// <summary>Builds a number from a birth date and serial, computing the check digit.</summary>
    /// <param name="birthDate">The real birth date.</param>
    /// <param name="serial">
    /// The three serial digits as a number, 1..999 (odd for men, even for women). 000 is not a serial number
    /// that is ever issued (SCB: "001–999"), and <see cref="TryParse"/> refuses it, so it is refused here too.
    /// </param>
    /// <param name="coordination">Whether to make a samordningsnummer (day + 60).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serial"/> is outside 1..999.</exception>
    public static PersonalIdentityNumber Create(DateOnly birthDate, int serial, bool coordination = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);

        int day = birthDate.Day + (coordination ? 60 : 0);
        string nine = string.Create(
            CultureInfo.InvariantCulture,
            $"{birthDate.Year % 100:D2}{birthDate.Month:D2}{day:D2}{serial:D3}");
        int check = Luhn.CheckDigit(nine);
        string value = string.Create(
            CultureInfo.InvariantCulture,
            $"{birthDate.Year:D4}{birthDate.Month:D2}{day:D2}{serial:D3}{check}");
        return new PersonalIdentityNumber(value, birthDate, coordination);
    }

    /// <summary>The resource key of the user-facing message for an error: "Pnr_" followed by its name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="IdentityNumberError"/>.</exception>
    public static string ErrorMessageKey(IdentityNumberError error) => error switch
    {
        IdentityNumberError.None => "Pnr_None",
        IdentityNumberError.Empty => "Pnr_Empty",
        IdentityNumberError.Format => "Pnr_Format",
        IdentityNumberError.Date => "Pnr_Date",
        IdentityNumberError.Checksum => "Pnr_Checksum",
        IdentityNumberError.Interim => "Pnr_Interim",
        IdentityNumberError.Future => "Pnr_Future",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    /// <summary>The masked form (<see cref="Masked"/>), never the full number.</summary>
    public override string ToString() => Masked;

    private static IdentityNumberError Validate(
        string? input,
        DateOnly today,
        out string value,
        out DateOnly birthDate,
        out bool coordination)
    {
        value = string.Empty;
        birthDate = default;
        coordination = false;

        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentityNumberError.Empty;
        }

        ReadOnlySpan<char> text = input.AsSpan().Trim();

        // Shapes: YYMMDDNNNC, YYMMDD-NNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC ("+" in place of "-" in both).
        char separator = '\0';
        ReadOnlySpan<char> datePart;
        switch (text.Length)
        {
            case 10:
            case 12:
                datePart = text[..^4];
                break;
            case 11:
            case 13:
                separator = text[^5];
                if (separator is not ('-' or '+'))
                {
                    return IdentityNumberError.Format;
                }

                datePart = text[..^5];
                break;
            default:
                return IdentityNumberError.Format;
        }

        ReadOnlySpan<char> tail = text[^4..];
        if (datePart.ContainsAnyExceptInRange('0', '9') || tail[1..].ContainsAnyExceptInRange('0', '9'))
        {
            return IdentityNumberError.Format;
        }

        bool interim = false;
        if (!char.IsAsciiDigit(tail[0]))
        {
            if (!InterimLetters.Contains(char.ToUpperInvariant(tail[0]), StringComparison.Ordinal))
            {
                return IdentityNumberError.Format;
            }

            interim = true;
        }
        else if (tail[..3].SequenceEqual("000"))
        {
            return IdentityNumberError.Format;
        }

        bool longForm = datePart.Length == 8;
        int month = ParseDigits(datePart.Slice(longForm ? 4 : 2, 2));
        int dayDigits = ParseDigits(datePart.Slice(longForm ? 6 : 4, 2));
        coordination = dayDigits > 60;
        int day = coordination ? dayDigits - 60 : dayDigits;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return IdentityNumberError.Date;
        }

        int year;
        if (longForm)
        {
            year = ParseDigits(datePart[..4]);
        }
        else
        {
            // The latest year ending in these two digits that is not after today...
            int twoDigits = ParseDigits(datePart[..2]);
            year = today.Year - ((today.Year - twoDigits) % 100 + 100) % 100;
            if (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day)))
            {
                year -= 100;
            }

            // ...and one century further back for someone 100 or older.
            if (separator == '+')
            {
                year -= 100;
            }
        }

        if (year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return IdentityNumberError.Date;
        }

        birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            return IdentityNumberError.Future;
        }

        Span<char> ten = stackalloc char[10];
        datePart[^6..].CopyTo(ten);
        tail.CopyTo(ten[6..]);
        if (interim)
        {
            // Interim numbers are checksummed with the letter read as 1.
            ten[6] = '1';
        }

        if (!Luhn.IsValid(ten))
        {
            return IdentityNumberError.Checksum;
        }

        if (interim)
        {
            return IdentityNumberError.Interim;
        }

        value = string.Concat(year.ToString("D4", CultureInfo.InvariantCulture).AsSpan(), (ReadOnlySpan<char>)ten[2..]);
        return IdentityNumberError.None;
    }

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        int result = 0;
        foreach (char c in digits)
        {
            result = (result * 10) + (c - '0');
        }

        return result;
    }
}
