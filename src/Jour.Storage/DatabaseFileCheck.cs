using System.Text;
using Jour.Core.Common;
using LiteDB;
using LiteDB.Engine;

namespace Jour.Storage;

/// <summary>
/// Looks at an existing database file, read-only, before LiteDB may open it. LiteDB itself writes a new
/// empty database into a file of length 0 and crops any file whose length is not a whole number of pages,
/// so a truncated or emptied file handed to it was silently replaced. A file that fails here is refused
/// with <see cref="ErrorCodes.StorageDamaged"/> and left exactly as it was.
/// </summary>
public static class DatabaseFileCheck
{
    /// <summary>LiteDB's page size; the encrypted file has one page of salt before the database's pages.</summary>
    public const int PageSize = 8192;

    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const byte FileVersion = 8;
    private static readonly byte[] s_headerInfo = Encoding.UTF8.GetBytes("** This is a LiteDB file **");

    /// <summary>
    /// Throws <see cref="JourException"/> (<see cref="ErrorCodes.StorageDamaged"/>, or
    /// <see cref="ErrorCodes.StorageWrongKey"/> for a key that does not open it) unless
    /// <paramref name="path"/> looks like an encrypted LiteDB database that <paramref name="password"/> opens.
    /// </summary>
    public static void Verify(string path, string logPath, string keyPath, string password)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw Damaged(path, DamageText.SymbolicLink);
        }

        long length = new FileInfo(path).Length;
        if (length < 2 * PageSize)
        {
            throw Damaged(path, length == 0 ? DamageText.Empty : DamageText.TooShort);
        }

        // A checkpoint that died while it extended the file can leave a torn last page; the log still holds
        // those pages and LiteDB crops the tail and replays them. Without a log there is nothing to replay.
        if (length % PageSize != 0 && !HasLog(logPath))
        {
            throw Damaged(path, DamageText.TornPage);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, PageSize);
        if (file.ReadByte() != 1)
        {
            throw Damaged(path, DamageText.NotEncrypted);
        }

        AesStream aes;
        try
        {
            file.Position = 0;
            aes = new AesStream(password, file);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            throw new JourException(ErrorCodes.StorageWrongKey, path, keyPath);
        }
        catch (Exception ex) when (ex is LiteException or IOException or NullReferenceException or NotSupportedException)
        {
            // AesStream tries to write a new salt when the file's password check is blank: read-only, that fails.
            throw Damaged(path, DamageText.BadSalt);
        }

        using (aes)
        {
            var header = new byte[PageSize];
            aes.Position = 0;
            if (aes.Read(header, 0, PageSize) != PageSize
                || !header.AsSpan(HeaderInfoOffset, s_headerInfo.Length).SequenceEqual(s_headerInfo)
                || header[FileVersionOffset] != FileVersion)
            {
                throw Damaged(path, DamageText.BadHeader);
            }
        }
    }

    private static bool HasLog(string logPath) => File.Exists(logPath) && new FileInfo(logPath).Length > PageSize;

    private static JourException Damaged(string path, string what) =>
        new(ErrorCodes.StorageDamaged, path, Messages.Get(what));

    /// <summary>The message keys of the reasons, so the refusal reads in the user's language.</summary>
    private static class DamageText
    {
        public const string Empty = "Storage_Damaged_Empty";
        public const string TooShort = "Storage_Damaged_TooShort";
        public const string TornPage = "Storage_Damaged_TornPage";
        public const string NotEncrypted = "Storage_Damaged_NotEncrypted";
        public const string BadSalt = "Storage_Damaged_BadSalt";
        public const string BadHeader = "Storage_Damaged_BadHeader";
        public const string SymbolicLink = "Storage_Damaged_SymbolicLink";
    }
}
