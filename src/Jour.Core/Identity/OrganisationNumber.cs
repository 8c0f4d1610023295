namespace Jour.Core.Identity;

/// <summary>
/// A validated Swedish organisationsnummer of a legal entity (e.g. a provider), stored as ten digits.
/// The third digit is 2 or more, which is what tells it apart from a personnummer.
/// </summary>
public readonly record struct OrganisationNumber
{
    private const string CenturyPrefix = "16";

    private readonly string? _value;

    private OrganisationNumber(string value)
    {
        _value = value;
    }

    /// <summary>Ten digits, e.g. "5560360793". Empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>With a hyphen before the last four digits, e.g. "556036-0793". Empty for the default value.</summary>
    public string Formatted => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 6), "-", _value.AsSpan(6));

    /// <summary>
    /// Parses NNNNNNNNNN or NNNNNN-NNNN, optionally prefixed by "16" (the twelve-digit form used by
    /// Skatteverket), surrounding whitespace ignored. The Luhn check digit is verified and the third digit must
    /// be 2 or more (legal entities).
    /// </summary>
    /// <param name="input">What the user typed.</param>
    /// <param name="number">The number when accepted, otherwise the default value.</param>
    /// <param name="error">
    /// <see cref="IdentityNumberError.None"/> when accepted; otherwise <see cref="IdentityNumberError.Empty"/>,
    /// <see cref="IdentityNumberError.Format"/> (including a third digit below 2) or <see cref="IdentityNumberError.Checksum"/>.
    /// </param>
    /// <returns>Whether the number was accepted.</returns>
    public static bool TryParse(string? input, out OrganisationNumber number, out IdentityNumberError error)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = IdentityNumberError.Empty;
            return false;
        }

        ReadOnlySpan<char> text = input.AsSpan().Trim();
        if (text.Length is 12 or 13)
        {
            if (!text.StartsWith(CenturyPrefix, StringComparison.Ordinal))
            {
                error = IdentityNumberError.Format;
                return false;
            }

            text = text[CenturyPrefix.Length..];
        }

        Span<char> ten = stackalloc char[10];
        if (text.Length == 11 && text[6] == '-')
        {
            text[..6].CopyTo(ten);
            text[7..].CopyTo(ten[6..]);
        }
        else if (text.Length == 10)
        {
            text.CopyTo(ten);
        }
        else
        {
            error = IdentityNumberError.Format;
            return false;
        }

        if (ten.ContainsAnyExceptInRange('0', '9') || ten[2] < '2')
        {
            error = IdentityNumberError.Format;
            return false;
        }

        if (!Luhn.IsValid(ten))
        {
            error = IdentityNumberError.Checksum;
            return false;
        }

        number = new OrganisationNumber(ten.ToString());
        error = IdentityNumberError.None;
        return true;
    }

    /// <summary>The formatted number (<see cref="Formatted"/>).</summary>
    public override string ToString() => Formatted;
}
