using System.Text.RegularExpressions;

namespace Jour.Core.CallOuts;

/// <summary>A reply as read: yes or no, and the code when one was given.</summary>
public sealed partial record SmsReply(bool Yes, string? Code)
{
    /// <summary>`JA K7Q2`, `nej`, `Ja k7q2!`: any case, the code optional; null for anything else.</summary>
    public static SmsReply? Parse(string text)
    {
        Match m = Pattern().Match(text ?? "");
        if (!m.Success)
        {
            return null;
        }

        string? code = m.Groups["code"].Success ? m.Groups["code"].Value.ToUpperInvariant() : null;
        return new SmsReply(m.Groups["word"].Value.Equals("ja", StringComparison.OrdinalIgnoreCase), code);
    }

    [GeneratedRegex(@"^\s*(?<word>ja|nej)\b[\s.,:!]*(?<code>[a-z0-9]{3,8})?[\s.!]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Phone numbers as SMS providers take them.</summary>
public static class PhoneNumber
{
    /// <summary>"073-123 45 67" → "+46731234567"; "+46 73…" and "0046…" the same; null when it is no mobile-like number.</summary>
    public static string? ToE164(string phone)
    {
        string digits = new([.. (phone ?? "").Where(ch => char.IsAsciiDigit(ch) || ch == '+')]);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = "+46" + digits[1..];
        }

        return digits.Length is >= 9 and <= 16 && digits[0] == '+' && digits[1..].All(char.IsAsciiDigit) ? digits : null;
    }
}
