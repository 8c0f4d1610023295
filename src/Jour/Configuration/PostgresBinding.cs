using System.Security.Cryptography;
using System.Text;
using Jour.Core.Common;
using Jour.Storage;
using Npgsql;

namespace Jour.Configuration;

/// <summary>
/// Which PostgreSQL database a data directory is bound to (jour.json's <see cref="JourConfig.PostgresConnection"/>), with
/// the connection's password kept apart, sealed with the directory's database key as that key protects the LiteDB file:
/// jour.json alone, in a backup or a support ticket, gives nobody the password. The seal is AES-GCM under a key derived
/// from the database key with HKDF-SHA256 and a purpose label (the database key itself never encrypts anything else),
/// with a random nonce; stored as base64 of nonce | tag | ciphertext.
/// </summary>
public static class PostgresBinding
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] s_purpose = "jour/postgres-password/v1"u8.ToArray();

    /// <summary>
    /// Binds <paramref name="config"/> to <paramref name="connectionString"/>: the string without its password into
    /// <see cref="JourConfig.PostgresConnection"/>, the password (if any) sealed with <paramref name="databaseKey"/>.
    /// The caller saves the config.
    /// </summary>
    public static void Bind(JourConfig config, string connectionString, string databaseKey)
    {
        NpgsqlConnectionStringBuilder builder = Parse(connectionString);
        string? password = builder.Password;
        builder.Password = null;
        config.PostgresConnection = builder.ConnectionString;
        config.PostgresPasswordSealed = string.IsNullOrEmpty(password) ? null : Seal(password, databaseKey);
    }

    /// <summary>
    /// The full connection string of the database <paramref name="config"/> binds <paramref name="paths"/>' data directory
    /// to, its password unsealed with the directory's key (JOUR_DB_KEY, else jour.key); null when the directory keeps its
    /// LiteDB file.
    /// </summary>
    public static string? ConnectionOf(JourPaths paths, JourConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.PostgresConnection))
        {
            return null;
        }

        NpgsqlConnectionStringBuilder builder = Parse(config.PostgresConnection);
        if (!string.IsNullOrEmpty(config.PostgresPasswordSealed))
        {
            builder.Password = Unseal(config.PostgresPasswordSealed, DatabaseKey.ResolveExisting(paths.DataDirectory), paths.Config);
        }

        return builder.ConnectionString;
    }

    /// <summary>The connection string without its password: what may be shown or logged.</summary>
    public static string WithoutPassword(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder = Parse(connectionString);
        builder.Password = null;
        return builder.ConnectionString;
    }

    /// <summary>Parses an Npgsql connection string; a malformed one is refused with a message that never repeats it (it may hold a password).</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or KeyNotFoundException)
        {
            throw new JourException(ErrorCodes.StorageConnectionInvalid);
        }
    }

    internal static string Seal(string password, string databaseKey)
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        byte[] plain = Encoding.UTF8.GetBytes(password);
        byte[] sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        using (var aes = new AesGcm(DerivedKey(databaseKey), TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }

        nonce.CopyTo(sealedBytes, 0);
        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The password, or a refusal naming <paramref name="where"/> (never the value) when the key is wrong or the value altered.</summary>
    internal static string Unseal(string sealedPassword, string databaseKey, string where)
    {
        try
        {
            byte[] bytes = Convert.FromBase64String(sealedPassword);
            if (bytes.Length < NonceBytes + TagBytes)
            {
                throw new JourException(ErrorCodes.StoragePasswordUnsealable, where);
            }

            byte[] plain = new byte[bytes.Length - NonceBytes - TagBytes];
            using (var aes = new AesGcm(DerivedKey(databaseKey), TagBytes))
            {
                aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes + TagBytes), bytes.AsSpan(NonceBytes, TagBytes), plain);
            }

            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new JourException(ErrorCodes.StoragePasswordUnsealable, where);
        }
    }

    private static byte[] DerivedKey(string databaseKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(databaseKey), 32, salt: [], info: s_purpose);
}
