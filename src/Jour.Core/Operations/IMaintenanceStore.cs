
namespace Jour.Core.Operations;

/// <summary>What an operator does to the database as a whole: a consistent copy and an integrity check.</summary>
public interface IMaintenanceStore
{
    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="targetPath"/> (LiteDB: the file, encrypted as the
    /// original; PostgreSQL: a pg_dump archive, as the result's kind says) and its SHA-256 next to it
    /// (<c>FILE.sha256</c>, as sha256sum writes it); sessions keep writing meanwhile.
    /// </summary>
    BackupResult BackupTo(string targetPath);

    /// <summary>Reads every document of the open database (and on LiteDB every index) and reports what is wrong.</summary>
    CheckReport Check();
}
