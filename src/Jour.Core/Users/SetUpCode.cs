using System.Security.Cryptography;
using System.Text;

namespace Jour.Core.Users;

/// <summary>
/// The one-time code that lets the first admin be created on a new database. Sixteen characters of
/// Crockford's base32 (digits and letters without I, L, O and U, so nothing reads as something else),
/// shown in four groups: 80 random bits from the operating system's CSPRNG.
/// </summary>
/// <remarks>
/// Only a salted SHA-256 of the code is stored. A slow hash (PBKDF2, as for PINs) protects secrets that
/// people choose and that can be guessed from a short list; this one is drawn at random from 2^80 values,
/// so even with the stored hash in hand an attacker must try on average 2^79 codes, which a fast hash
/// does not make feasible. The online route (the set-up request) is throttled like sign-in.
/// </remarks>
public static class SetUpCode
{
    public const int Length = 16;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int SaltBytes = 16;

    /// <summary>A new code, e.g. <c>7KQ4-M9XR-2HFT-8WNP</c>.</summary>
    public static string Generate()
    {
        var code = new StringBuilder(Length + 3);
        for (int i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }

            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return code.ToString();
    }

    /// <summary>
    /// What was typed, as the code's sixteen characters: case, spaces and dashes do not matter, and the
    /// letters a reader may take for digits (O, I, L) count as the digits (Crockford's rule).
    /// </summary>
    public static string Normalize(string typed)
    {
        var code = new StringBuilder(Length);
        foreach (char c in typed)
        {
            char upper = char.ToUpperInvariant(c);
            switch (upper)
            {
                case ' ' or '-' or '\t':
                    continue;
                case 'O':
                    code.Append('0');
                    break;
                case 'I' or 'L':
                    code.Append('1');
                    break;
                default:
                    code.Append(upper);
                    break;
            }
        }

        return code.ToString();
    }

    /// <summary>The form stored in the database: <c>sha256$salt$hash</c>, never the code itself.</summary>
    public static string Hash(string code)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"sha256${Convert.ToBase64String(salt)}${Convert.ToBase64String(Digest(salt, Normalize(code)))}";
    }

    /// <summary>True when <paramref name="typed"/> is the code <paramref name="stored"/> was made from; compared in constant time.</summary>
    public static bool Verify(string typed, string? stored)
    {
        string[] parts = (stored ?? "").Split('$');
        if (parts.Length != 3 || parts[0] != "sha256")
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(parts[1]);
            expected = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        // A typed value of any length is hashed the same way, so the answer's timing says nothing about it.
        string normalized = Normalize(typed.Length > 64 ? typed[..64] : typed);
        return CryptographicOperations.FixedTimeEquals(Digest(salt, normalized), expected);
    }

    private static byte[] Digest(byte[] salt, string normalized)
    {
        byte[] text = Encoding.UTF8.GetBytes(normalized);
        byte[] input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
