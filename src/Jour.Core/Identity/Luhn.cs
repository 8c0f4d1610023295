namespace Jour.Core.Identity;

/// <summary>
/// The Luhn (modulus 10) check digit used by personnummer, samordningsnummer and
/// organisationsnummer, always computed on the ten-digit form.
/// </summary>
public static class Luhn
{
    /// <summary>The check digit (0–9) for nine ASCII digits.</summary>
    /// <exception cref="ArgumentException">The input is not exactly nine ASCII digits.</exception>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9 || nineDigits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected exactly nine ASCII digits.", nameof(nineDigits));
        }

        int sum = 0;
        for (int i = 0; i < nineDigits.Length; i++)
        {
            int digit = nineDigits[i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Whether ten characters are all ASCII digits and the last is the check digit of the first nine.</summary>
    public static bool IsValid(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10 || tenDigits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';
    }
}
