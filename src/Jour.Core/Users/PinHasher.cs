using System.Security.Cryptography;

namespace Jour.Core.Users;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a per-user salt. 600,000 iterations is OWASP's current advice for
/// this algorithm (Password Storage Cheat Sheet); the count is stored with the hash so it can rise later.
/// </summary>
public static class PinHasher
{
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string pin, int iterations = DefaultIterations)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>The iteration count a stored hash was made with; 0 when it is not one of ours.</summary>
    public static int IterationsOf(string stored)
    {
        string[] parts = stored.Split('$');
        return parts.Length == 4 && parts[0] == "pbkdf2-sha256" && int.TryParse(parts[1], out int iterations) ? iterations : 0;
    }

    public static bool Verify(string pin, string stored)
    {
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out int iterations))
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (iterations <= 0 || expected.Length == 0)
        {
            return false;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
